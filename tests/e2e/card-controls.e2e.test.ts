import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCardBesideLine } from './support/card-placement';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { waitForMarks } from './support/marks';
import { cardProbe, highlightsIn, highlightTexts, worldOf, type Box } from './support/gloss-page';
import { RESULTS } from './support/paths';
import { startServer, type TestServer } from '../../scripts/demo-server';

/**
 * The card's own controls in Chromium, with the reader's real mouse and keyboard (cards open only on
 * trusted input): pin, "Off on this site", keyboard focus of a mark, "Next mention", "Add to my
 * entities", and a card that never covers the line it explains.
 */

let server: TestServer;
let gloss: ChromiumSession;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer();
  gloss = await launchChromium();
});
afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

const FIXTURE = '/fixtures/cards/index.html';

async function open(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(server.url(FIXTURE));
  await waitForMarks(page, 30_000);
  return page;
}

const world = (page: Page) => worldOf(gloss.context, page, gloss.extensionId);
const marksOf = async (page: Page) => highlightsIn(await world(page), page);
const cardOf = (page: Page) => cardProbe(gloss.context, page, gloss.extensionId);
const cardText = (page: Page) => cardOf(page).innerText();

/** The nth mark on these words (0-based, in the order the registry lists them). */
async function markOf(page: Page, text: string, nth = 0) {
  const marks = (await marksOf(page)).filter((h) => h.text === text && h.kind !== 'focus');
  expect(marks.length, `a mark on "${text}"`).toBeGreaterThan(nth);
  return marks.sort((a, b) => a.rect.y - b.rect.y)[nth]!;
}

async function hover(page: Page, text: string, nth = 0): Promise<Box> {
  const { rect } = await markOf(page, text, nth);
  await page.mouse.move(rect.x + Math.min(rect.width / 2, 20), rect.y + rect.height / 2, { steps: 2 });
  await expect.poll(() => cardOf(page).isVisible(), { timeout: 5_000 }).toBe(true);
  return rect;
}

/** What has keyboard focus in the card: a control's words, '' for the card itself, null outside it. */
async function focusedControl(page: Page): Promise<string | null> {
  const words = await (
    await world(page)
  ).evaluate<string | null>(`(() => {
    const host = document.querySelector(globalThis.__glossStats.names.card);
    const root = host && chrome.dom.openOrClosedShadowRoot(host);
    const card = root?.querySelector('.gloss-card');
    const active = root?.activeElement;
    if (!card || !active || !card.contains(active)) return null;
    return active === card ? '' : (active.getAttribute('aria-label') ?? active.textContent).trim();
  })()`);
  return words ?? null;
}

/** Presses Tab until focus reaches the card's control with these words; what it passed on the way. */
async function tabTo(page: Page, name: string): Promise<(string | null)[]> {
  const passed: (string | null)[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedControl(page);
    if (now === name) return passed;
    passed.push(now);
  }
  throw new Error(`Tab never reached "${name}"; it went through ${JSON.stringify(passed)}`);
}

interface ChromeStorage {
  storage: { local: { set(v: unknown): Promise<void>; get(key: string): Promise<unknown> } };
}

async function setStorage(values: Record<string, unknown>): Promise<void> {
  const page = await gloss.context.newPage();
  await page.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  await page.evaluate((v) => (globalThis as unknown as { chrome: ChromeStorage }).chrome.storage.local.set(v), values);
  await page.close();
}

describe('the card’s controls', () => {
  it('pins a card: it stays while the pointer goes elsewhere, even over other marks; Escape or a click outside closes it', async () => {
    const page = await open();
    const line = await hover(page, 'Benjamin Netanyahu');
    await expectCardBesideLine(cardOf(page), line);
    await cardOf(page).click('button', 'Pin card');
    await expect.poll(() => cardOf(page).getAttribute('data-pinned'), { timeout: 2_000 }).toBe('true');
    // Away from the card and across another mark, then resting on it well past the open and close delays.
    const hamas = await markOf(page, 'Hamas');
    await page.mouse.move(5, 5, { steps: 3 });
    await page.mouse.move(hamas.rect.x + 5, hamas.rect.y + hamas.rect.height / 2, { steps: 3 });
    await page.waitForTimeout(1_500);
    expect(await cardText(page)).toContain('Benjamin Netanyahu');
    expect(await cardText(page)).not.toContain('Islamist');
    await page.screenshot({ path: join(RESULTS, 'card-pinned.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 3_000 }).toBe(false);

    // Pinned again, then a click on the page outside the card.
    await hover(page, 'Benjamin Netanyahu');
    await cardOf(page).click('button', 'Pin card');
    await expect.poll(() => cardOf(page).getAttribute('data-pinned'), { timeout: 2_000 }).toBe('true');
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(800);
    expect(await cardOf(page).isVisible()).toBe(true);
    await page.mouse.click(5, 5);
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 3_000 }).toBe(false);

    // Unpinned, the same exit closes it: the pin is what kept it.
    await hover(page, 'Benjamin Netanyahu');
    await page.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 3_000 }).toBe(false);
    await page.close();
  });

  it('switches Gloss off for the site from the card: every mark goes at once, and the popup’s setting says so', async () => {
    const page = await open();
    try {
      await hover(page, 'Hamas');
      await cardOf(page).click('button', 'Off on this site');
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 2_000 }).toBe(0);
      expect(await cardOf(page).isVisible()).toBe(false);
      const popup = await gloss.context.newPage();
      await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
      expect(
        await popup.evaluate(() =>
          (globalThis as unknown as { chrome: ChromeStorage }).chrome.storage.local.get('disabledSites'),
        ),
      ).toEqual({ disabledSites: ['127.0.0.1'] });
      await popup.close();
    } finally {
      await setStorage({ disabledSites: [] });
    }
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('opens a mark’s card when keyboard focus reaches it (Alt+Shift+↓), and Enter moves into the card', async () => {
    const page = await open();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    const focused = () => world(page).then((w) => highlightTexts(w, page, 'focus'));
    await expect.poll(focused, { timeout: 3_000 }).toEqual(['Netanyahu']);
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toContain('Benjamin Netanyahu');
    // Focus stays in the page until the reader asks: the walk goes on with the next press.
    expect(await cardOf(page).focusedClass()).toBeNull();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(focused, { timeout: 3_000 }).toEqual(['Trump']);
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toContain('Donald Trump');
    await expectCardBesideLine(cardOf(page), (await markOf(page, 'Trump')).rect);
    expect(await cardOf(page).liveText()).toMatch(
      /^Trump \(Donald Trump\), Person\. 2 of \d+\. Enter moves into the card, Escape stops\.$/,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => cardOf(page).focusedClass(), { timeout: 3_000 }).toBe('gloss-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 3_000 }).toBe(false);
    await page.close();
  });

  it('jumps to the next mention of the same actor, keeping the card open beside it', async () => {
    const page = await open();
    await hover(page, 'Benjamin Netanyahu');
    expect(await cardText(page)).toMatch(/Mention 2 of 4 here/);
    await cardOf(page).click('button', 'Next mention');
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toMatch(/Mention 3 of 4 here/);
    await cardOf(page).click('button', 'Next mention');
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toMatch(/Mention 4 of 4 here/);
    // The last mention is far below the first screen: the page scrolled to it and the card sits beside it.
    const last = await markOf(page, 'Netanyahu', 2);
    expect(last.rect.y).toBeGreaterThan(0);
    expect(last.rect.y).toBeLessThan(900);
    await expect
      .poll(async () => Math.abs((await cardOf(page).boundingBox())!.y - last.rect.y) < 450, { timeout: 3_000 })
      .toBe(true);
    await expectCardBesideLine(cardOf(page), last.rect);
    expect(await cardOf(page).getAttribute('data-pinned')).toBe('true');
    await expect.poll(() => cardOf(page).liveText(), { timeout: 3_000 }).toBe('Mention 4 of 4.');
    await cardOf(page).click('button', 'Next mention');
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toMatch(/Mention 1 of 4 here/);
    await page.close();
  });

  it('jumps to the next mention from the keyboard alone: walk, Enter into the card, Tab to “Next mention”, Enter', async () => {
    const page = await open();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toMatch(/Mention 1 of 4 here/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedControl(page), { timeout: 3_000 }).toBe('');
    const path = await tabTo(page, 'Next mention');
    expect(path[0], 'the pin comes first').toBe('Pin card');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toMatch(/Mention 2 of 4 here/);
    // Focus is back on "Next mention" in the moved card: Enter keeps walking.
    await expect.poll(() => focusedControl(page), { timeout: 3_000 }).toBe('Next mention');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page), { timeout: 3_000 }).toMatch(/Mention 3 of 4 here/);
    await expectCardBesideLine(cardOf(page), (await markOf(page, 'Netanyahu', 1)).rect);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page).isVisible(), { timeout: 3_000 }).toBe(false);
    await page.close();
  });

  it('adds an unknown actor to the reader’s entities from its card, filled in from the article, without leaving the page', async () => {
    const page = await open();
    await expect
      .poll(async () => (await marksOf(page)).some((h) => h.text === 'Omar Haddad' && h.kind === 'unknown'), {
        timeout: 10_000,
      })
      .toBe(true);
    await hover(page, 'Omar Haddad');
    await cardOf(page).click('button', 'Add to my entities');
    const form = await (
      await world(page)
    ).evaluate<{ name: string; kind: string; description: string }>(`(() => {
      const host = document.querySelector(globalThis.__glossStats.names.card);
      const form = chrome.dom.openOrClosedShadowRoot(host).querySelector('form');
      return { name: form.querySelector('input').value, kind: form.querySelector('select').value, description: form.querySelector('textarea').value };
    })()`);
    expect(form).toEqual({ name: 'Omar Haddad', kind: 'person', description: 'Jordanian analyst' });
    // The form pinned the card: the pointer can leave it while the reader types.
    expect(await cardOf(page).getAttribute('data-pinned')).toBe('true');
    await page.screenshot({ path: join(RESULTS, 'card-add-entity.png') });
    await cardOf(page).click('button', 'Save to my entities');
    await expect.poll(() => cardText(page), { timeout: 5_000 }).toContain('Added “Omar Haddad” to your entities');
    expect(page.url()).toBe(server.url(FIXTURE));
    // Marked again as the reader's own person, not as an unknown name.
    await expect
      .poll(async () => (await marksOf(page)).filter((h) => h.text === 'Omar Haddad').map((h) => h.kind), {
        timeout: 10_000,
      })
      .toEqual(['person', 'person']);
    await page.keyboard.press('Escape');
    await hover(page, 'Omar Haddad');
    expect(await cardText(page)).toContain('Jordanian analyst');
    expect(await cardText(page)).not.toContain('Not in your knowledge base');
    await page.close();
  });
});
