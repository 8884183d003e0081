import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { gotoExtensionPage, shownCardText, firefoxForFile } from './support/firefox';
import { readHighlights } from './support/page-probes';
import { hasSeed, RESULTS } from './support/paths';
import { waitForMarks } from './support/marks';
import { demoServerForFile } from './support/demo-server';

const server = demoServerForFile();
const session = firefoxForFile();

async function waitForHighlights(page: Page): Promise<void> {
  await waitForMarks(page);
}

const pages = [
  { name: 'demo article', path: '/demo/article.html', available: true },
  { name: 'seed article', path: '/corpus/seed/article.html', available: hasSeed },
];

describe.each(pages)('Firefox on the $name', ({ name, path, available }) => {
  it('marks the actors, leaves furniture and text alone, and opens a card on hover', async (ctx) => {
    if (!available) {
      console.warn(`skipped: ${name} absent (../shared/corpus not found)`);
      ctx.skip();
    }
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __textBefore: string }).__textBefore = document.body.textContent ?? '';
      });
    });
    await page.goto(server.url(path));
    await waitForHighlights(page);
    const highlights = await page.evaluate(readHighlights);
    const texts = highlights.map((h) => h.text);
    for (const actor of ['Netanyahu', 'Hamas', 'Trump']) expect(texts).toContain(actor);
    expect(highlights.filter((h) => h.furniture !== null)).toEqual([]);
    expect(
      await page.evaluate(() => document.body.textContent === (window as unknown as { __textBefore: string }).__textBefore),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);

    const target = highlights.find((h) => h.text === 'Netanyahu' && h.block === 'p')!;
    await page.mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2, { steps: 3 });
    const text = await shownCardText(page);
    expect(text).toContain('Benjamin Netanyahu');
    expect(text).toContain('Prime Minister of Israel');
    await page.screenshot({ path: join(RESULTS, `firefox-card-${name.replace(/ /g, '-')}.png`) as `${string}.png` });
    await page.close();
  });
});

describe('Firefox extension pages', () => {
  it('popup search for "netan" finds Benjamin Netanyahu', async () => {
    const page = await session.browser.newPage();
    await gotoExtensionPage(page, `${session.origin}/popup.html`);
    await page.type('input[type=search]', 'netan');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.gloss-name')].some((e) => e.textContent === 'Benjamin Netanyahu'),
      {
        timeout: 10_000,
        polling: 100,
      },
    );
    await page.screenshot({ path: join(RESULTS, 'firefox-popup.png') as `${string}.png` });
    await page.close();
  });

  it('options page lists the built-in source', async () => {
    const page = await session.browser.newPage();
    await gotoExtensionPage(page, `${session.origin}/options.html`);
    await page.waitForSelector('tr[data-source-id="builtin"]', { timeout: 10_000 });
    const row = await page.$eval('tr[data-source-id="builtin"]', (el) => (el as HTMLElement).innerText);
    expect(row).toContain('World news');
    await page.close();
  });
});
