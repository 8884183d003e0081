import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { FIREFOX_BUILD, requireBuild, RESULTS } from './paths';
import { tabEnvelope } from './messages';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
const GECKO_ID = 'gloss@gloss.example';
/** Pinned so the test knows the moz-extension:// origin of the popup and options pages. */
const FIREFOX_UUID = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

export interface FirefoxSession {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Headless Firefox over WebDriver BiDi, with the built extension installed as a temporary add-on. */
export async function launchFirefox(): Promise<FirefoxSession> {
  requireBuild(FIREFOX_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'gloss-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // MV3 host permissions are opt-in in Firefox; a test profile grants them as a user would.
      'extensions.originControls.grantByDefault': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    origin: `moz-extension://${FIREFOX_UUID}`,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page. Firefox loads moz-extension:// pages for WebDriver BiDi but does not
 * report their load events to it, so instead of waiting on the navigation, wait until the page is
 * there.
 */
export async function gotoExtensionPage(page: import('puppeteer-core').Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 5_000 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const here = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (here === url) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not load within 15 s`);
}

const extensionPages = new WeakMap<Browser, Promise<Page>>();

/** One of Gloss's own pages in this browser, to send what only Gloss's pages may send. */
function extensionPageOf(browser: Browser): Promise<Page> {
  let page = extensionPages.get(browser);
  if (!page) {
    page = (async () => {
      const p = await browser.newPage();
      await gotoExtensionPage(p, `moz-extension://${FIREFOX_UUID}/popup.html`);
      return p;
    })();
    extensionPages.set(browser, page);
  }
  return page;
}

/**
 * Asks the content script in `page`'s tab, from Gloss's own extension page (a tab message): the card sits
 * in a closed shadow root that no page script, and so no WebDriver evaluation in the page, can read.
 * Null when the tab or its content script does not answer.
 */
async function askTab<T>(page: Page, message: unknown): Promise<T | null> {
  const ext = await extensionPageOf(page.browser());
  return (await ext.evaluate(
    async (url: string, message: unknown) => {
      interface Tabs {
        query(q: object): Promise<{ id?: number; url?: string }[]>;
        sendMessage(id: number, message: unknown): Promise<unknown>;
      }
      const api = (globalThis as unknown as { browser: { tabs: Tabs } }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) return null;
      const reply = (await api.tabs.sendMessage(tab.id, message).catch(() => null)) as {
        res?: { ok: boolean; value?: unknown };
      } | null;
      return reply?.res?.ok ? (reply.res.value ?? null) : null;
    },
    page.url(),
    message,
  )) as T | null;
}

/** The words of the card open on a page, or '' when none is (the `shownCard` tab message). */
export async function cardTextOf(page: Page): Promise<string> {
  return (await askTab<string>(page, tabEnvelope('shownCard', {}))) ?? '';
}

/** The hover card's text once it shows. */
export async function shownCardText(page: Page, timeout = 5_000): Promise<string> {
  let text = '';
  await expect.poll(async () => (text = await cardTextOf(page)), { timeout }).not.toBe('');
  return text;
}

/**
 * What has keyboard focus in the open card: a control's words, '' for the card itself, null when focus is
 * outside it (the `focusedCardControl` tab message).
 */
export function focusedCardControl(page: Page): Promise<string | null> {
  return askTab<string>(page, tabEnvelope('focusedCardControl', {}));
}

/**
 * Presses Tab until `name` has focus in the open card (at most 20 presses) and returns every control focus
 * passed through, the last one `name` when it was reached, for the test to check the order.
 */
export async function tabToCardControl(page: Page, name: string): Promise<(string | null)[]> {
  const passed: (string | null)[] = [];
  for (let i = 0; i < 20 && (await focusedCardControl(page)) !== name; i++) {
    await page.keyboard.press('Tab');
    passed.push(await focusedCardControl(page));
  }
  return passed;
}

/**
 * Clicks a button or link of the open card by its words, with the real mouse: Gloss's own pages ask the
 * content script where the control is (the `cardControl` tab message).
 */
export async function clickCardControl(page: Page, name: string): Promise<void> {
  const at = await askTab<{ x: number; y: number }>(page, tabEnvelope('cardControl', { name }));
  if (!at) throw new Error(`the open card has no button or link "${name}"`);
  await page.mouse.click(at.x, at.y);
}

/**
 * Firefox with Gloss for one test file: started before its tests (with the results folder for its
 * screenshots), closed after them. Read `browser` and `origin` inside tests, once it has started.
 */
export function firefoxForFile(): FirefoxSession {
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });
  const started = (): FirefoxSession => {
    if (!session) throw new Error('Firefox starts before the first test.');
    return session;
  };
  return {
    get browser() {
      return started().browser;
    },
    get origin() {
      return started().origin;
    },
    close: () => started().close(),
  };
}
