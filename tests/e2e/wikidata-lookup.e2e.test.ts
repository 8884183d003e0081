import { mkdirSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncTestServer } from '../unit/support/sync-server';
import { haveData, loadFixtures, wikidataEmulator } from '../unit/support/wikidata-emulator';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { cardProbe, highlightsIn, worldOf } from './support/gloss-page';
import { readHighlights } from './support/page-probes';
import { RESULTS } from './support/paths';

/**
 * Looking an unknown name up on Wikidata from a card, in Chromium. Requests the extension makes to
 * www.wikidata.org are answered by the emulator serving the saved real API responses; the test can see
 * every one of them, so it also shows that nothing is sent before the reader turns lookups on and clicks.
 */

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body>
<main><article><h1>Talks in Washington</h1>
<p>Israeli Prime Minister Benjamin Netanyahu met Donald Trump in Washington on Tuesday.
The former European Commissioner Henning Christophersen, a Danish politician, said the talks mattered.</p>
<p>"We are close," Christophersen told reporters after the meeting in the Oval Office.</p>
</article></main></body></html>`;

let site: SyncTestServer;
let wikidata: SyncTestServer;
let gloss: ChromiumSession;
let worker: Worker;
const sentToWikidata: string[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  site = await startSyncServer();
  site.on('/article.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE));
  wikidata = await startSyncServer();
  if (haveData) wikidata.on('/w/api.php', wikidataEmulator(loadFixtures()));
  gloss = await launchChromium();
  worker = gloss.context.serviceWorkers()[0]!;
  // The machine is offline: www.wikidata.org is answered from the emulator, and every request is seen.
  await gloss.context.route('https://www.wikidata.org/**', async (route) => {
    const url = new URL(route.request().url());
    sentToWikidata.push(url.pathname + url.search);
    const answer = await fetch(`${wikidata.origin}${url.pathname}${url.search}`);
    await route.fulfill({
      status: answer.status,
      headers: { 'content-type': answer.headers.get('content-type') ?? '' },
      body: await answer.text(),
    });
  });
});
afterAll(async () => {
  await gloss?.close();
  await site?.close();
  await wikidata?.close();
});

const cardOf = (page: Page) => cardProbe(gloss.context, page, gloss.extensionId);

async function openUnknownCard(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(site.url('/article.html'));
  await expect
    .poll(async () => (await page.evaluate(readHighlights)).some((h) => h.text === 'Henning Christophersen'), { timeout: 20_000 })
    .toBe(true);
  const marks = await highlightsIn(await worldOf(gloss.context, page, gloss.extensionId), page);
  const mark = marks.find((h) => h.text === 'Henning Christophersen')!;
  expect(mark.kind).toBe('unknown');
  await page.mouse.move(mark.rect.x + 10, mark.rect.y + mark.rect.height / 2, { steps: 2 });
  await expect.poll(() => cardOf(page).isVisible(), { timeout: 5_000 }).toBe(true);
  return page;
}

/**
 * Headless Chromium cannot answer the host-permission prompt: the user's "Allow" is stood in for in the
 * worker, before it first asks. The setting itself is written as the options page writes it.
 */
async function allowLookups(): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as {
      chrome: { permissions: { contains: unknown } };
      browser?: { permissions: { contains: unknown } };
    };
    g.chrome.permissions.contains = () => Promise.resolve(true);
    if (g.browser?.permissions) g.browser.permissions.contains = () => Promise.resolve(true);
    return (
      globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
    ).chrome.storage.local.set({
      wikidataLookup: true,
    });
  });
}

describe('looking an unknown actor up on Wikidata from the card', () => {
  it('offers no lookup while lookups are off, and sends nothing', async () => {
    const page = await openUnknownCard();
    const text = await cardOf(page).innerText();
    expect(text).toContain('Not in your knowledge base');
    expect(await cardOf(page).count('button', 'Look it up on Wikidata')).toBe(0);
    expect(text).not.toContain('www.wikidata.org');
    expect(sentToWikidata).toEqual([]);
    await page.close();
  });

  it('ignores a click made by the page’s own script', async (ctx) => {
    if (!haveData) return ctx.skip();
    await allowLookups();
    const page = await openUnknownCard();
    // The card's root is closed: the page's script finds no button to click.
    const reachedByPage = await page.evaluate(() =>
      [...document.querySelectorAll('*')].some((e) => !!e.shadowRoot?.querySelector('button')),
    );
    expect(reachedByPage).toBe(false);
    // Even a script that did reach it (here the content script's own world) makes an untrusted click,
    // which the button ignores.
    const world = await worldOf(gloss.context, page, gloss.extensionId);
    const clicked = await world.evaluate<boolean>(`(() => {
      const host = document.querySelector(globalThis.__glossStats.names.card);
      const root = chrome.dom.openOrClosedShadowRoot(host);
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Look it up on Wikidata');
      button?.click();
      return button !== undefined;
    })()`);
    expect(clicked).toBe(true);
    // A click that got through would have turned the button into "Looking … up" at once, before any request.
    await page.waitForTimeout(500);
    expect(await cardOf(page).count('button', 'Look it up on Wikidata')).toBe(1);
    expect(await cardOf(page).innerText()).not.toMatch(/Looking .* up on Wikidata/);
    expect(sentToWikidata).toEqual([]);
    await page.close();
  });

  it('shows what Wikidata holds once allowed, as text with a Wikidata link, and opens the form filled in', async (ctx) => {
    if (!haveData) return ctx.skip();
    await allowLookups();
    const page = await openUnknownCard();
    // Before anything is sent, the card says what a click sends and where: the name and the languages.
    expect(await cardOf(page).innerText()).toContain(
      'Sends “Henning Christophersen” and the languages to answer in (en) to www.wikidata.org; nothing else from this page.',
    );
    expect(sentToWikidata).toEqual([]);
    await cardOf(page).click('button', 'Look it up on Wikidata');
    await expect.poll(() => cardOf(page).innerText(), { timeout: 10_000 }).toMatch(/On Wikidata/);
    const text = await cardOf(page).innerText();
    expect(text).toContain('Henning Christophersen');
    expect(text).toContain('Danish politician');
    expect(sentToWikidata[0]).toBe('/w/api.php?action=query&list=search&srsearch=Henning%20Christophersen&format=json&srlimit=5');
    expect(sentToWikidata.slice(1).every((p) => p.includes('action=wbgetentities'))).toBe(true);
    expect(await cardOf(page).href('Wikidata')).toBe('https://www.wikidata.org/wiki/Q646148');
    await page.screenshot({ path: join(RESULTS, 'card-wikidata-lookup.png') });

    const opened = gloss.context.waitForEvent('page', { timeout: 10_000 });
    await cardOf(page).click('button', 'Add to Gloss…');
    const options = await opened;
    expect(new URL(options.url()).hash).toMatch(
      /^#add\?name=Henning\+Christophersen&kind=person&description=Danish\+politician&source=/,
    );
    await expect
      .poll(() => options.getByLabel('Name', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('Henning Christophersen');
    expect(await options.locator('#pe-kind').inputValue()).toBe('person');
    expect(await options.locator('#pe-description').inputValue()).toBe('Danish politician');
    expect(await options.locator('#pe-source').inputValue()).toBe('https://www.wikidata.org/wiki/Q646148');
    await options.close();
    // The same words again are answered from memory, not sent twice.
    const before = sentToWikidata.length;
    await page.reload();
    const again = await openUnknownCard();
    await cardOf(again).click('button', 'Look it up on Wikidata');
    await expect.poll(() => cardOf(again).innerText(), { timeout: 10_000 }).toMatch(/On Wikidata/);
    expect(sentToWikidata.length).toBe(before);
    await again.close();
    await page.close();
  });
});
