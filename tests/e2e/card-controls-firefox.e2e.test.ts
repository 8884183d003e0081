import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardTextOf,
  clickCardControl,
  focusedCardControl,
  tabToCardControl,
  launchFirefox,
  shownCardText,
  type FirefoxSession,
} from './support/firefox';
import { readHighlights } from './support/page-probes';
import { RESULTS } from './support/paths';
import { startServer, type TestServer } from '../../scripts/demo-server';

/**
 * The card's controls in Firefox, with real mouse and keyboard input: pin, keyboard focus of a mark,
 * next mention, add to my entities, and "Off on this site" (last: it switches Gloss off for the test host).
 * The card's root is closed; its words and controls are read through Gloss's own pages (support/firefox.ts).
 */

let session: FirefoxSession;
let server: TestServer;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer();
  session = await launchFirefox();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url('/fixtures/cards/index.html'));
  await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 30_000, polling: 100 });
  // Gloss's own page that reads the card is opened now, not mid-hover: a tab opened then would send this
  // one to the background, where its animation frames (the hover's hit tests) stop.
  await cardTextOf(page);
  await page.bringToFront();
  return page;
}

async function hover(page: Page, text: string): Promise<string> {
  const mark = (await page.evaluate(readHighlights)).find((h) => h.text === text);
  expect(mark, `a mark on "${text}"`).toBeDefined();
  await page.mouse.move(mark!.rect.x + 5, mark!.rect.y + mark!.rect.height / 2, { steps: 3 });
  // The first card loads its code: slow on a loaded machine.
  return shownCardText(page, 30_000);
}

/** Alt+Shift+↓, the keyboard walk's next mark (Puppeteer has no chord syntax). */
async function walkDown(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

describe('the card’s controls in Firefox', () => {
  it('pins a card past the pointer leaving, closes it with Escape, and jumps to the next mention', async () => {
    const page = await open();
    expect(await hover(page, 'Benjamin Netanyahu')).toMatch(/Mention 2 of 4 here/);
    await clickCardControl(page, 'Pin card');
    await page.mouse.move(5, 5, { steps: 3 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await cardTextOf(page)).toContain('Benjamin Netanyahu');
    await page.screenshot({ path: join(RESULTS, 'firefox-card-pinned.png') as `${string}.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toBe('');

    await hover(page, 'Benjamin Netanyahu');
    await clickCardControl(page, 'Next mention');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toMatch(/Mention 3 of 4 here/);
    await page.mouse.move(5, 5, { steps: 3 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await cardTextOf(page), 'the jump kept the card open').toMatch(/Mention 3 of 4 here/);
    await page.mouse.click(5, 5);
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toBe('');
    await page.close();
  });

  it('opens the card when keyboard focus reaches a mark', async () => {
    const page = await open();
    await walkDown(page);
    expect(await shownCardText(page, 30_000)).toContain('Benjamin Netanyahu');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toBe('');
    await page.close();
  });

  it('jumps to the next mention from the keyboard alone: walk, Enter into the card, Tab to “Next mention”, Enter', async () => {
    const page = await open();
    await walkDown(page);
    expect(await shownCardText(page, 30_000)).toMatch(/Mention 1 of 4 here/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedCardControl(page), { timeout: 5_000 }).toBe('');
    const passed = await tabToCardControl(page, 'Next mention');
    expect(passed.at(-1), `Tab went through ${JSON.stringify(passed)}`).toBe('Next mention');
    expect(passed[0], 'the pin comes first').toBe('Pin card');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toMatch(/Mention 2 of 4 here/);
    await expect.poll(() => focusedCardControl(page), { timeout: 5_000 }).toBe('Next mention');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toMatch(/Mention 3 of 4 here/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toBe('');
    await page.close();
  });

  it('adds an unknown actor from its card, then turns Gloss off for the site from a card', async () => {
    const page = await open();
    // Unknown actors are painted last, in idle time.
    await expect
      .poll(async () => (await page.evaluate(readHighlights)).some((h) => h.text === 'Omar Haddad'), { timeout: 15_000 })
      .toBe(true);
    expect(await hover(page, 'Omar Haddad')).toContain('Add to my entities');
    await clickCardControl(page, 'Add to my entities');
    await clickCardControl(page, 'Save to my entities');
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toContain('Added “Omar Haddad” to your entities');
    expect(page.url()).toBe(server.url('/fixtures/cards/index.html'));
    await page.keyboard.press('Escape');
    // Marked again as the reader's own: its card now says what the article said of him.
    await page.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => cardTextOf(page), { timeout: 5_000 }).toBe('');
    // The page is marked again once the worker's matcher has the new name.
    await expect
      .poll(async () => (await page.evaluate(readHighlights)).filter((h) => h.text === 'Omar Haddad').length, { timeout: 15_000 })
      .toBe(2);
    const text = await hover(page, 'Omar Haddad');
    expect(text).not.toContain('Not in your knowledge base');
    expect(text).toContain('Jordanian analyst');

    await clickCardControl(page, 'Off on this site');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 3_000 }).toBe(0);
    expect(await cardTextOf(page)).toBe('');
    await page.close();
  });
});
