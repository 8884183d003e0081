import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/pack/types';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { AXE, runAxeRules } from './support/axe';
import { writeKb } from './support/kb-store';
import { RESULTS, ROOT } from './support/paths';

/**
 * Issue 17 in headless Chromium, as a reader drives it: what a source holds, the own-entity form's
 * messages, focus after Remove… → Cancel, the popup's heading order, and Reset. One profile, in order.
 * Screenshots go to test-results/settings-*.png.
 */

let session: ChromiumSession;
const ext = (path: string) => `chrome-extension://${session.extensionId}${path}`;
const WORLD_NEWS = JSON.parse(readFileSync(join(ROOT, 'assets/packs/world-news.json'), 'utf8')) as Pack;
const shot = (name: string) => join(RESULTS, `settings-${name}.png`);

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

async function extensionPage(path: string, size = { width: 1100, height: 900 }): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error(`page error in ${path}:`, e.message));
  await page.setViewportSize(size);
  await page.goto(ext(path));
  return page;
}

const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

describe('Sources', () => {
  it('shows what a source holds, searchable, and when each was last updated', async () => {
    const options = await extensionPage('/options.html#sources');
    const controls = options.locator('tr[data-controls-for="builtin"]');
    await expect.poll(() => controls.count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => options.locator('tr[data-source-id="builtin"] [data-updated]').innerText(), { timeout: 30_000 })
      .toMatch(/just now|min ago/);
    await controls.getByRole('button', { name: 'Show its entities' }).click();
    const contents = options.locator('[data-contents-of="builtin"]');
    await expect
      .poll(() => contents.locator('[role=status]').innerText(), { timeout: 15_000 })
      .toBe(`“${WORLD_NEWS.name}” gives ${WORLD_NEWS.entities.length.toLocaleString('en-US')} entities.`);
    await contents.getByLabel(`Find in “${WORLD_NEWS.name}”`).fill('netanyahu');
    await expect.poll(() => contents.locator('li').allInnerTexts()).toEqual([expect.stringMatching(/^Benjamin Netanyahu/)]);
    expect(await contents.locator('[role=status]').innerText()).toBe(
      `Matching: 1 of ${WORLD_NEWS.entities.length.toLocaleString('en-US')} entities.`,
    );
    await options.locator('tr[data-source-id="builtin"]').scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot('source-contents') });
    await controls.getByRole('button', { name: 'Hide its entities' }).click();
    expect(await contents.count()).toBe(0);
    await options.close();
  });
});

describe('your own entities', () => {
  it('warns of a name a source already has, clears the error after a corrected save, and says "saved" in view', async () => {
    const options = await extensionPage('/options.html#add?name=Hamas', { width: 1100, height: 700 });
    const form = options.locator('#personal-form');
    await expect.poll(() => form.locator('#pe-name').inputValue()).toBe('Hamas');
    await expect
      .poll(() => form.locator('#pe-name-clash').innerText(), { timeout: 10_000 })
      .toMatch(/^Your sources already have “Hamas” \(Armed group, from World news\)\./);
    await form.getByLabel('Kind', { exact: true }).selectOption('organization');
    await form.getByLabel('What it is (the card shows this)').fill('My <b>note</b> on the group.');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.locator('[role=alert]').innerText()).toMatch(/HTML tags/);
    await form.locator('#pe-name-clash').scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot('name-clash-and-error') });
    await form.getByLabel('What it is (the card shows this)').fill('My own entry on the group, kept apart from the packs.');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const saved = form.locator('[data-saved]');
    await expect.poll(() => saved.innerText()).toBe('Hamas saved. Pages you open from now on mark it.');
    // The refusal of the first try no longer shows beside a saved entity.
    expect(await form.locator('[role=alert]').count()).toBe(0);
    // The message is where the reader is looking.
    await expect
      .poll(() =>
        saved.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await options.screenshot({ path: shot('entity-saved') });
    await options.close();
  });

  it('Remove… then Cancel by keyboard puts focus back on the Remove… button', async () => {
    const options = await extensionPage('/options.html#sources');
    const controls = options.locator('tr[data-controls-for="personal"]');
    await expect.poll(() => controls.count(), { timeout: 15_000 }).toBe(1);
    await controls.getByRole('button', { name: 'Remove…' }).focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedText(options), { timeout: 10_000 }).toBe('Remove');
    await options.keyboard.press('Tab');
    expect(await focusedText(options)).toBe('Cancel');
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedText(options)).toBe('Remove…');
    expect(await options.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-controls-for'))).toBe(
      'personal',
    );
    // Escape does the same.
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedText(options), { timeout: 10_000 }).toBe('Remove');
    await options.keyboard.press('Escape');
    await expect.poll(() => focusedText(options)).toBe('Remove…');
    await options.close();
  });
});

describe('the popup', () => {
  it('search results keep the heading order (axe heading-order)', async () => {
    const popup = await extensionPage('/popup.html?q=hamas', { width: 380, height: 600 });
    await expect.poll(() => popup.locator('.results .gloss-name').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(() => popup.locator('#search-status').innerText()).toMatch(/^\d+ entities found$/);
    await popup.evaluate(AXE);
    expect(await popup.evaluate(runAxeRules, ['heading-order'])).toEqual([]);
    await popup.screenshot({ path: shot('popup-results') });
    await popup.close();
  });
});

describe('Reset', () => {
  it('offers an export first, then puts Gloss back as installed', async () => {
    const options = await extensionPage('/options.html#data');
    const reset = options.locator('[data-reset]');
    await reset.getByRole('button', { name: 'Reset Gloss to its defaults…' }).click();
    const exportFirst = reset.getByRole('button', { name: 'Export everything first' });
    await expect.poll(() => focusedText(options)).toBe('Export everything first');
    await reset.scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot('reset-question') });
    const download = options.waitForEvent('download');
    await exportFirst.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^gloss-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect
      .poll(() => reset.locator('[role=status]').innerText())
      .toMatch(/^Exported [\d,]+ entities from 5 sources and 0 notes\.$/);
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect
      .poll(() => reset.locator('[role=status]').innerText(), { timeout: 60_000 })
      .toMatch(/^Gloss is as it was installed: [\d,]+ entities from 4 sources that ship with it, and default settings\.$/);
    await options.screenshot({ path: shot('reset-done') });
    // The reader's own entity and its source are gone; the built-in packs are back.
    await options.goto(ext('/options.html#sources'));
    await expect.poll(() => options.locator('tr[data-source-id]').count(), { timeout: 15_000 }).toBe(4);
    expect(await options.locator('tr[data-source-id="personal"]').count()).toBe(0);
    expect(await options.getByRole('list', { name: 'Your entities' }).count()).toBe(0);
    await options.close();
  });
});

describe('sync status lines', () => {
  it('say what happened in words: a dropped connection, a cut-off CSV, a sync whose worker stopped', async () => {
    const options = await extensionPage('/options.html#sources');
    await expect.poll(() => options.locator('tr[data-source-id]').count(), { timeout: 15_000 }).toBe(4);
    // Records as a stopped or failed sync leaves them; their address has no permission, so nothing is fetched.
    {
      const now = Date.now();
      const base = { kind: 'pack-url', enabled: true, entityCount: 0, intervalHours: 24, url: 'http://127.0.0.1:9/x.json' };
      const rows = [
        {
          ...base,
          id: 'url:e2e-dropped',
          name: 'Dropped mid-download',
          priority: 10,
          lastSuccess: now - 86_400_000,
          nextDue: now + 3_600_000,
          status: {
            code: 'failed',
            failure: { code: 'dropped', host: 'news.example', received: 1_363_149, total: 2_621_440, kept: true },
            kept: true,
          },
        },
        {
          ...base,
          kind: 'csv-url',
          id: 'url:e2e-cut-csv',
          name: 'Cut-off glossary',
          priority: 11,
          nextDue: now + 3_600_000,
          status: { code: 'failed', failure: { code: 'csv-cut-off', row: 8, bytes: 612 }, kept: false },
        },
        {
          ...base,
          id: 'url:e2e-stopped',
          name: 'Worker stopped',
          priority: 12,
          nextDue: now + 3_600_000,
          syncing: { startedAt: now - 600_000, phase: 'download', received: 1_363_149, total: 2_621_440, beat: now - 300_000 },
        },
      ];
      await writeKb(options, 'sources', rows);
    }
    await options.reload();
    const status = (id: string) => options.locator(`tr[data-source-id="${id}"] .source-status`).innerText();
    await expect
      .poll(() => status('url:e2e-dropped'), { timeout: 15_000 })
      .toBe(
        'The connection to news.example broke after 1.3 MB of 2.5 MB had arrived; Gloss goes on from there next time. Gloss keeps what it had from this source. Next try in 1 h.',
      );
    expect(await status('url:e2e-cut-csv')).toMatch(
      /^The CSV file is cut off: it stops part-way through row 8, after 612 bytes\. The download was interrupted or the file on the server is incomplete\./,
    );
    expect(await status('url:e2e-stopped')).toBe(
      'Interrupted after 1.3 MB of 2.5 MB: the browser stopped Gloss’s background worker. Gloss goes on from there at its next run.',
    );
    await options.locator('tr[data-source-id="url:e2e-dropped"]').scrollIntoViewIfNeeded();
    await options.screenshot({ path: shot('status-lines'), fullPage: true });
    await options.close();
  });
});
