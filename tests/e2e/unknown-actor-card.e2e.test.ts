import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncTestServer } from '../unit/support/sync-server';
import { cardTextOf, focusedCardControl, launchFirefox, tabToCardControl } from './support/firefox';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { cardProbe, highlightTexts, highlightsIn, worldOf } from './support/gloss-page';
import { readHighlights } from './support/page-probes';
import { RESULTS } from './support/paths';

/**
 * An actor Gloss does not know, on an article that says who she is: the card lists every descriptor the
 * article gives her (at her first mention and at a later surname-only one), says how often she is
 * mentioned, in Chromium and Firefox, and jumps to the next mention (Chromium: pointer, then keyboard;
 * Firefox: the keyboard alone).
 * Real input only: cards open on trusted events.
 */

/** Paragraphs with no names, so the mentions sit screens apart and a jump has to scroll. */
const FILLER = Array.from(
  { length: 8 },
  () =>
    '<p>The crossing is busy in the spring, when trucks queue for hours and the officers on duty check papers by hand. ' +
    'Travellers who cross often say the delays have grown longer every year, and that the rules change without notice.</p>',
).join('\n');

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stopped at the border</title></head><body>
<main><article><h1>Stopped at the border, again</h1>
<p>Vanessa Hicks, a photographer and Navy veteran, said she was stopped at the border crossing twice this spring.</p>
${FILLER}
<p>Hicks, who served in the Navy for ten years, has filed a complaint about the stops.</p>
${FILLER}
<p>The agency declined to say why Hicks was stopped.</p>
</article></main></body></html>`;

const DESCRIBED = ['photographer and Navy veteran', 'served in the Navy for ten years'];

let site: SyncTestServer;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  site = await startSyncServer();
  site.on('/article.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE));
});
afterAll(async () => {
  await site?.close();
});

describe('an unknown actor’s card in Chromium', () => {
  let gloss: ChromiumSession;
  beforeAll(async () => {
    gloss = await launchChromium();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  const world = (page: Page) => worldOf(gloss.context, page, gloss.extensionId);
  const cardOf = (page: Page) => cardProbe(gloss.context, page, gloss.extensionId);

  /** The article with all three of her mentions marked, and the card of the first open under the pointer. */
  async function openFirstCard(page: Page): Promise<void> {
    await page.goto(site.url('/article.html'));
    const marksOf = async () => (await highlightsIn(await world(page), page)).filter((h) => h.kind === 'unknown');
    await expect
      .poll(async () => (await marksOf()).map((h) => h.text), { timeout: 20_000 })
      .toEqual(['Vanessa Hicks', 'Hicks', 'Hicks']);
    const first = (await marksOf())[0]!;
    await page.mouse.move(first.rect.x + 10, first.rect.y + first.rect.height / 2, { steps: 2 });
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 5_000 }).toBe(true);
  }

  it('shows every descriptor the article gives and how often she is mentioned', async () => {
    const page = await gloss.context.newPage();
    await openFirstCard(page);
    const text = await cardOf(page).innerText();
    for (const d of DESCRIBED) expect(text).toContain(d);
    expect(text).toContain('Mentioned 3 times on this page (this is mention 1).');
    expect(await cardOf(page).count('button', 'Next mention')).toBe(1);
    await page.screenshot({ path: join(RESULTS, 'card-unknown-descriptors-light.png') });
    await page.close();
  });

  it('jumps to the next mention: scrolls there, marks it, keeps the card open and focus on the jump', async () => {
    const page = await gloss.context.newPage();
    await openFirstCard(page);
    expect(await highlightTexts(await world(page), page, 'focus')).toEqual([]);
    await cardOf(page).click('button', 'Next mention');
    await expect.poll(() => cardOf(page).innerText(), { timeout: 5_000 }).toContain('(this is mention 2)');
    expect(await highlightTexts(await world(page), page, 'focus')).toEqual(['Hicks']);
    // The second mention is on screen now, screens below the first.
    const onScreen = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.startsWith('Hicks, who served'))!;
      const r = p.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, scrolled: scrollY, height: innerHeight };
    });
    expect(onScreen.scrolled).toBeGreaterThan(0);
    expect(onScreen.top).toBeGreaterThanOrEqual(0);
    expect(onScreen.bottom).toBeLessThanOrEqual(onScreen.height);
    // The pointer no longer rests on the moved card; it stays all the same, with focus on the jump.
    await page.waitForTimeout(800);
    expect(await cardOf(page).isVisible()).toBe(true);
    expect(await cardOf(page).focusedClass()).toBe('gloss-link-button');
    // Enter on it goes on, to the third mention; from the last, back to the first.
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOf(page).innerText(), { timeout: 5_000 }).toContain('(this is mention 3)');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOf(page).innerText(), { timeout: 5_000 }).toContain('(this is mention 1)');
    // Escape closes it and takes the mark away.
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 5_000 }).toBe(false);
    expect(await highlightTexts(await world(page), page, 'focus')).toEqual([]);
    await page.close();
  });

  it('follows a dark colour scheme (screenshot)', async () => {
    const page = await gloss.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await openFirstCard(page);
    expect(await cardOf(page).getAttribute('data-theme')).toBe('dark');
    await page.screenshot({ path: join(RESULTS, 'card-unknown-descriptors-dark.png') });
    await page.close();
  });
});

describe('an unknown actor’s card in Firefox', () => {
  it('shows every descriptor and how often she is mentioned', async () => {
    const firefox = await launchFirefox();
    try {
      const page: FirefoxPage = await firefox.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(site.url('/article.html'));
      await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 30_000, polling: 100 });
      await expect
        .poll(async () => (await page.evaluate(readHighlights)).filter((h) => /Hicks/.test(h.text)).length, { timeout: 20_000 })
        .toBe(3);
      const cardText = () => cardTextOf(page);

      const first = (await page.evaluate(readHighlights)).find((h) => h.text === 'Vanessa Hicks')!;
      await page.mouse.move(first.rect.x + 10, first.rect.y + first.rect.height / 2, { steps: 3 });
      await expect.poll(cardText, { timeout: 5_000 }).toContain('Mentioned 3 times');
      const text = await cardText();
      for (const d of DESCRIBED) expect(text).toContain(d);
      await page.close();
    } finally {
      await firefox.close();
    }
  });
  it('jumps to the next mention from the keyboard alone: walk to her, Enter, Tab to “Next mention”, Enter', async () => {
    const firefox = await launchFirefox();
    try {
      const page: FirefoxPage = await firefox.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(site.url('/article.html'));
      await expect
        .poll(async () => (await page.evaluate(readHighlights)).filter((h) => /Hicks/.test(h.text)).length, { timeout: 30_000 })
        .toBe(3);
      const cardText = () => cardTextOf(page);
      // Gloss's page that reads the card is open now: opened mid-walk it would send this tab to the back.
      await cardText();
      await page.bringToFront();
      for (let i = 0; i < 5 && !/this is mention 1/.test(await cardText()); i++) {
        await page.keyboard.down('Alt');
        await page.keyboard.down('Shift');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.up('Shift');
        await page.keyboard.up('Alt');
        await expect.poll(cardText, { timeout: 30_000 }).not.toBe('');
      }
      expect(await cardText()).toContain('(this is mention 1)');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedCardControl(page), { timeout: 5_000 }).toBe('');
      const passed = await tabToCardControl(page, 'Next mention');
      expect(passed.at(-1), `Tab went through ${JSON.stringify(passed)}`).toBe('Next mention');
      await page.keyboard.press('Enter');
      await expect.poll(cardText, { timeout: 5_000 }).toContain('(this is mention 2)');
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
      await expect.poll(() => focusedCardControl(page), { timeout: 5_000 }).toBe('Next mention');
      await page.keyboard.press('Enter');
      await expect.poll(cardText, { timeout: 5_000 }).toContain('(this is mention 3)');
      await page.keyboard.press('Escape');
      await expect.poll(cardText, { timeout: 5_000 }).toBe('');
      await page.close();
    } finally {
      await firefox.close();
    }
  });
});
