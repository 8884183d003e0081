import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { FIREFOX_BUILD, requireBuild } from './paths';

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

/**
 * The hover card's text once it shows. Read from the page's main world with evaluate: puppeteer's
 * waitForFunction runs in a sandbox that does not see the shadow root the content script attached.
 */
export async function shownCardText(page: Page, timeout = 5_000): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () =>
        (text = await page.evaluate(() => {
          const card = document.querySelector('gloss-card')?.shadowRoot?.querySelector<HTMLElement>('.gloss-card');
          return card && !card.hidden ? card.innerText : '';
        })),
      { timeout },
    )
    .not.toBe('');
  return text;
}
