import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/pack/types';
import { gotoExtensionPage, launchFirefox, type FirefoxSession } from './support/firefox';
import { AXE, runAxeRules } from './support/axe';
import { RESULTS, ROOT } from './support/paths';

/**
 * Viewing what a source holds, focus after Remove… → Cancel, the popup's heading order and resetting
 * Gloss, in headless Firefox (settings-controls.e2e.test.ts
 * drives the same in Chromium). Firefox does not report moz-extension:// loads to WebDriver BiDi:
 * everything is read with page.evaluate and polled.
 */

let session: FirefoxSession;
const WORLD_NEWS = JSON.parse(readFileSync(join(ROOT, 'assets/packs/world-news.json'), 'utf8')) as Pack;
const shot = (name: string) => join(RESULTS, `settings-firefox-${name}.png`) as `${string}.png`;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await launchFirefox();
});
afterAll(async () => {
  await session?.close();
});

async function extensionPage(path: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await gotoExtensionPage(page, `${session.origin}${path}`);
  return page;
}

const textOf = (page: Page, selector: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);

/** The button inside `scope` whose text is `text`, once it is there. */
async function button(page: Page, scope: string, text: string): Promise<ElementHandle> {
  let found: ElementHandle | null = null;
  await expect
    .poll(
      async () => {
        for (const el of await page.$$(`${scope} button`)) {
          if ((await el.evaluate((e) => (e as HTMLElement).innerText.trim())) === text) return (found = el);
        }
        return null;
      },
      { timeout: 20_000, interval: 200 },
    )
    .not.toBeNull();
  return found!;
}

describe('Firefox: Sources and Reset', () => {
  it('shows what a source holds and finds an entity in it', async () => {
    const options = await extensionPage('/options.html#sources');
    await (await button(options, 'tr[data-controls-for="builtin"]', 'Show its entities')).click();
    const status = '[data-contents-of="builtin"] [role=status]';
    await expect
      // A fresh profile is still importing the built-in packs; on a loaded machine that takes a while.
      .poll(() => textOf(options, status), { timeout: 60_000 })
      .toBe(`“${WORLD_NEWS.name}” gives ${WORLD_NEWS.entities.length.toLocaleString('en-US')} entities.`);
    await options.focus('[data-contents-of="builtin"] input[type=search]');
    await options.keyboard.type('netanyahu');
    await expect
      .poll(() =>
        options.evaluate(() =>
          [...document.querySelectorAll('[data-contents-of="builtin"] li strong')].map((e) => e.textContent),
        ),
      )
      .toEqual(['Benjamin Netanyahu']);
    expect(await textOf(options, '[data-updated]')).toMatch(/just now|min ago/);
    await options.screenshot({ path: shot('source-contents') });
    await options.close();
  });

  it('Remove… then Cancel or Escape by keyboard puts focus back on the Remove… button', async () => {
    // An entity of the reader's own, so the sources list has a row that can be removed.
    const form = await extensionPage('/options.html#add?name=Ada%20Example');
    await expect
      .poll(() => form.evaluate(() => (document.querySelector('#pe-name') as HTMLInputElement | null)?.value))
      .toBe('Ada Example');
    await form.type('#pe-description', 'A reporter on our desk.');
    await (await button(form, '#personal-form', 'Add')).click();
    await expect.poll(() => textOf(form, '#personal-form [data-saved]'), { timeout: 15_000 }).toMatch(/^Ada Example saved\./);
    await form.close();

    const options = await extensionPage('/options.html#sources');
    const focused = () => options.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    const remove = await button(options, 'tr[data-controls-for="personal"]', 'Remove…');
    await remove.focus();
    await options.keyboard.press('Enter');
    await expect.poll(focused, { timeout: 10_000 }).toBe('Remove');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Cancel');
    await options.keyboard.press('Enter');
    await expect.poll(focused, { timeout: 10_000 }).toBe('Remove…');
    expect(await options.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-controls-for') ?? null)).toBe(
      'personal',
    );
    await options.keyboard.press('Enter');
    await expect.poll(focused, { timeout: 10_000 }).toBe('Remove');
    await options.keyboard.press('Escape');
    await expect.poll(focused, { timeout: 10_000 }).toBe('Remove…');
    await options.close();
  });

  it('the popup’s search results keep the heading order (axe heading-order)', async () => {
    const popup = await session.browser.newPage();
    await popup.setViewport({ width: 380, height: 600 });
    await gotoExtensionPage(popup, `${session.origin}/popup.html?q=john`);
    await expect
      .poll(() => popup.evaluate(() => document.querySelectorAll('.results .gloss-name').length), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await popup.evaluate(AXE);
    expect(await popup.evaluate(runAxeRules, ['heading-order'])).toEqual([]);
    await popup.screenshot({ path: shot('popup-results') });
    await popup.close();
  });

  it('resets Gloss to its defaults after offering an export', async () => {
    const options = await extensionPage('/options.html#data');
    // Something of the reader's own, for the reset to take away.
    await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('gloss');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('notes', 'readwrite');
        tx.objectStore('notes').put({ entityId: 'wd:Q43723', text: 'Ask about the budget.', updatedAt: Date.now() });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    await (await button(options, '[data-reset]', 'Reset Gloss to its defaults…')).click();
    await expect
      .poll(() => options.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? ''))
      .toBe('Export everything first');
    await (await button(options, '[data-reset]', 'Reset')).click();
    await expect
      .poll(() => textOf(options, '[data-reset] [role=status]'), { timeout: 60_000 })
      .toMatch(/^Gloss is as it was installed: [\d,]+ entities from 4 sources that ship with it, and default settings\.$/);
    const notes = await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('gloss');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const n = await new Promise<number>((resolve, reject) => {
        const r = db.transaction('notes').objectStore('notes').count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      db.close();
      return n;
    });
    expect(notes).toBe(0);
    await options.screenshot({ path: shot('reset-done') });
    await options.close();
  });
});
