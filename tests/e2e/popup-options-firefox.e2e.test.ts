import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import type { Pack } from '../../lib/pack/types';
import { gotoExtensionPage, shownCardText, firefoxForFile } from './support/firefox';
import { readHighlights } from './support/page-probes';
import { RESULTS, ROOT } from './support/paths';
import { demoServerForFile } from './support/demo-server';

/**
 * The popup and the options page in headless Firefox, the journeys popup-options.e2e.test.ts drives in
 * Chromium: search, every settings section, a note that shows on a page's card, a display setting that
 * a page follows. The tests share one profile and run in order.
 *
 * Firefox does not report moz-extension:// loads to WebDriver BiDi, and puppeteer's waitForFunction
 * runs in a sandbox: everything here is read with page.evaluate and polled.
 */

const packOf = (short: string) => JSON.parse(readFileSync(join(ROOT, `assets/packs/${short}.json`), 'utf8')) as Pack;
const WORLD_NEWS = packOf('world-news');
/** Every entity the default set imports at install (the catalogue keeps ids unique across packs). */
const DEFAULT_SET_ENTITIES = BUILTIN_PACKS.filter((p) => p.defaultOn).reduce((n, p) => n + packOf(p.short).entities.length, 0);
const shot = (name: string) => join(RESULTS, `${name}.png`) as `${string}.png`;

const server = demoServerForFile();
const session = firefoxForFile();

async function extensionPage(path: string, viewport = { width: 1000, height: 900 }): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport(viewport);
  await gotoExtensionPage(page, `${session.origin}${path}`);
  return page;
}

/** Text of the first element matching a selector, or '' while there is none. */
const textOf = (page: Page, selector: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);

/** The element matching `selector` whose text is `text` (a label, a button), for a real click on it. */
async function byText(page: Page, selector: string, text: string | RegExp): Promise<ElementHandle> {
  let found: ElementHandle | null = null;
  await expect
    .poll(
      async () => {
        for (const el of await page.$$(selector)) {
          const t = (await el.evaluate((e) => (e as HTMLElement).innerText.trim())) ?? '';
          if (typeof text === 'string' ? t === text : text.test(t)) return (found = el);
        }
        return null;
      },
      { timeout: 10_000, interval: 200 },
    )
    .not.toBeNull();
  return found!;
}

/** Replaces what a field holds with `text`, typed as a user types it. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function openArticle(path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(server.url(path));
  await expect.poll(() => page.evaluate(() => CSS.highlights.size > 0), { timeout: 20_000 }).toBe(true);
  return page;
}

/** Rests the pointer on the first mention reading `text` in a paragraph; returns the card's text. */
async function cardFor(page: Page, text: string): Promise<string> {
  const target = (await page.evaluate(readHighlights)).find((h) => h.text === text && h.block === 'p');
  expect(target, `a highlight reading "${text}"`).toBeDefined();
  await page.mouse.move(5, 5);
  await page.mouse.move(target!.rect.x + target!.rect.width / 2, target!.rect.y + target!.rect.height / 2, { steps: 3 });
  return shownCardText(page);
}

describe('Firefox popup', () => {
  it('searches as you type: "netan", "Nétanyahou" and "bibi" all find Benjamin Netanyahu', async () => {
    const popup = await extensionPage('/popup.html', { width: 380, height: 600 });
    const timings: string[] = [];
    for (const query of ['netan', 'Nétanyahou', 'bibi']) {
      await retype(popup, 'input[type=search]', query);
      await expect
        .poll(() => popup.evaluate(() => (document.querySelector('input[type=search]') as HTMLInputElement).value))
        .toBe(query);
      await expect.poll(() => textOf(popup, '.results .gloss-name'), { timeout: 10_000 }).toBe('Benjamin Netanyahu');
      // Settled on this query: the status line answers it (results lag typing by a keystroke or two).
      await expect.poll(() => textOf(popup, '#search-status'), { timeout: 10_000 }).toMatch(/\d+ (entit(y|ies) )?found/);
      timings.push(`${query} ${Number(await popup.$eval('#search-status', (el) => el.getAttribute('data-ms'))).toFixed(1)} ms`);
      await popup.screenshot({ path: shot(`firefox-popup-search-${query === 'Nétanyahou' ? 'netanyahou' : query}`) });
    }
    console.log(`Firefox popup search, last keystroke: ${timings.join(', ')}`);
    // The card shown is the full entity card: its description, not only the name.
    expect(await textOf(popup, '.results .result')).toContain('Prime Minister of Israel');
    await popup.close();
  });

  it('lists the actors of the demo article when opened for its tab', async () => {
    const article = await openArticle('/demo/article.html');
    const probe = await extensionPage('/popup.html');
    const url = server.url('/demo/article.html');
    const tabId = await probe.evaluate(async (wanted) => {
      const b = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } })
        .browser;
      return (await b.tabs.query({})).find((t) => t.url === wanted)?.id;
    }, url);
    await probe.close();
    expect(tabId, 'the article tab').toBeDefined();
    const popup = await extensionPage(`/popup.html?tab=${tabId}`, { width: 380, height: 600 });
    await expect
      .poll(() => popup.evaluate(() => document.querySelectorAll('.actors li').length), { timeout: 10_000 })
      .toBeGreaterThan(3);
    expect(await textOf(popup, '.actors')).toContain('Benjamin Netanyahu');
    await popup.screenshot({ path: shot('firefox-popup-on-this-page') });
    await popup.close();
    await article.close();
  });
});

describe('Firefox options', () => {
  it('renders every section: sources, sites, display, notes, data, about', async () => {
    const options = await extensionPage('/options.html');
    const sectionText = (id: string) => textOf(options, `#section-${id}`);

    const builtin = 'tr[data-source-id="builtin"]';
    await expect.poll(() => textOf(options, builtin), { timeout: 15_000 }).toContain('World news');
    expect(Number((await textOf(options, `${builtin} td.count`)).replace(/\D/g, ''))).toBe(WORLD_NEWS.entities.length);

    expect(await sectionText('sites')).toContain('Gloss runs on every site.');
    expect(await options.$('#section-sites [role=switch]')).not.toBeNull();

    const display = await sectionText('display');
    for (const label of ['Person', 'Every mention', 'Only the first in each paragraph', 'Dotted', 'Wavy'])
      expect(display).toContain(label);
    expect(await options.$('#section-display input[type=range]')).not.toBeNull();

    expect(await sectionText('notes')).toContain('Write a note on…');
    expect(await options.$('#note-picker')).not.toBeNull();

    await expect.poll(() => textOf(options, '[data-total-entities]')).toMatch(/\d/);
    expect(Number((await textOf(options, '[data-total-entities]')).replace(/\D/g, ''))).toBe(DEFAULT_SET_ENTITIES);
    await expect.poll(() => textOf(options, '[data-storage]')).toMatch(/takes [\d.]+ (KB|MB)|does not say/);

    const about = await textOf(options, '[data-about-source="builtin"]');
    expect(about).toContain(WORLD_NEWS.license!);
    expect(about).toContain('Attribution');

    await options.screenshot({ path: shot('firefox-options-full'), fullPage: true });
    for (const id of ['sources', 'sites', 'display', 'notes', 'data', 'about']) {
      const section = await options.$(`#section-${id}`);
      await section!.screenshot({ path: shot(`firefox-options-${id}`) });
    }
    await options.close();
  });

  it('writes a note that the hover card shows on the demo page', async () => {
    const options = await extensionPage('/options.html#notes');
    await retype(options, '#note-picker', 'netanyahu');
    await (await byText(options, '#note-picker-list [role=option]', /^Benjamin Netanyahu/)).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await options.keyboard.type('Ask about the judicial reform.');
    await (await byText(options, '#section-notes button', 'Save note')).click();
    await expect.poll(() => textOf(options, '#section-notes [role=status]')).toMatch(/Note on Benjamin Netanyahu saved/);
    await expect.poll(() => textOf(options, '[data-note-for="wd:Q43723"]')).toContain('Ask about the judicial reform.');
    await (await options.$('#section-notes'))!.screenshot({ path: shot('firefox-options-notes-with-note') });
    await options.close();

    const page = await openArticle('/demo/article.html');
    expect(await cardFor(page, 'Netanyahu')).toContain('Ask about the judicial reform.');
    await page.screenshot({ path: shot('firefox-card-with-note') });
    await page.close();
  });

  it('changes display settings, and an open page follows', async () => {
    const page = await openArticle('/demo/article.html');
    // Highlight names are random per page and known only to Gloss: people are told by their names here.
    const PEOPLE = /Netanyahu|Trump/;
    const marks = async () => page.evaluate(readHighlights);
    const before = await marks();
    expect(before.some((h) => PEOPLE.test(h.text))).toBe(true);

    const options = await extensionPage('/options.html#display');
    // The demo article names Donald Trump twice in its first paragraph: one mark fewer.
    await (await byText(options, '#section-display label.check', 'Only the first in each paragraph')).click();
    await expect.poll(async () => (await marks()).length, { timeout: 10_000 }).toBeLessThan(before.length);
    const firstOnly = (await marks()).length;

    await (await byText(options, '#section-display label.check', 'Person')).click();
    await expect.poll(async () => (await marks()).filter((h) => PEOPLE.test(h.text)).length, { timeout: 10_000 }).toBe(0);
    const withoutPeople = (await marks()).length;
    expect(withoutPeople, 'other kinds stay marked').toBeGreaterThan(0);

    await (await byText(options, '#section-display label.check', 'Wavy')).click();
    await expect
      .poll(() =>
        options.evaluate(async () => {
          const b = (
            globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
          ).browser;
          return (await b.storage.local.get('display')).display as { kinds: string[]; mode: string; underline: string };
        }),
      )
      .toMatchObject({ mode: 'first-per-paragraph', underline: 'wavy', kinds: expect.not.arrayContaining(['person']) });
    await (await options.$('#section-display'))!.screenshot({ path: shot('firefox-options-display-changed') });

    // Back to the defaults: every mention of every kind returns.
    await (await byText(options, '#section-display label.check', 'Person')).click();
    await (await byText(options, '#section-display label.check', 'Every mention')).click();
    await (await byText(options, '#section-display label.check', 'Dotted')).click();
    await expect.poll(async () => (await marks()).length, { timeout: 10_000 }).toBe(before.length);
    console.log(
      `Firefox display: ${before.length} marks; ${firstOnly} first per paragraph; ${withoutPeople} without people; back to ${before.length}`,
    );
    await options.close();
    await page.close();
  });
});
