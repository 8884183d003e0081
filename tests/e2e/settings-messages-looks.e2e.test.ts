import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/pack/types';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { RESULTS, ROOT } from './support/paths';

/**
 * Issue 17's messages in their new words, each driven into view in headless Chromium and
 * photographed for a person to look at (test-results/looks-*.png): importing the wrong file, the
 * own-entity form, the popup's capped search and a card without a link, the About section and Reset.
 * The messages of sources and sync are in settings-messages-looks-sources.e2e.test.ts.
 */

let session: ChromiumSession;
const ext = (path: string) => `chrome-extension://${session.extensionId}${path}`;
const PACK_PATH = join(ROOT, 'assets/packs/world-news.json');
const WORLD_NEWS = JSON.parse(readFileSync(PACK_PATH, 'utf8')) as Pack;
const shot = (name: string) => join(RESULTS, `looks-${name}.png`);
const WORKER_GONE =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

async function extensionPage(path: string, size = { width: 1100, height: 800 }, before?: () => void): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error(`page error in ${path}:`, e.message));
  if (before) await page.addInitScript(before);
  await page.setViewportSize(size);
  await page.goto(ext(path));
  return page;
}

/** Scrolls `what` into view and photographs the window, as the reader sees it. */
async function photograph(page: Page, what: Locator, name: string): Promise<void> {
  await what.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: shot(name) });
}

/** A backup as "Export" writes it: one own entity, one note on it. */
const ONE_NOTE_BACKUP = JSON.stringify({
  format: 'gloss-backup',
  version: 1,
  exportedAt: '2025-02-03T10:00:00.000Z',
  sources: [
    {
      id: 'personal',
      kind: 'personal',
      name: 'Your entities',
      enabled: true,
      priority: 100,
      entities: [{ id: 'user:desk-editor', kind: 'person', name: 'Desk Editor', description: 'Our desk editor.', sources: [] }],
    },
  ],
  notes: [{ entityId: 'user:desk-editor', text: 'Ask about the Gaza piece.', updatedAt: 1_738_576_800_000 }],
});

describe('Import a backup', () => {
  it('names a pack given as a backup and sends it to Sources; refuses other files in plain words', async () => {
    const options = await extensionPage('/options.html#data');
    // Once the built-in packs are in, so the photographs show Gloss as a reader finds it.
    await expect
      .poll(() => options.locator('table.counts tr', { hasText: 'Sources' }).locator('td').innerText(), { timeout: 60_000 })
      .toBe('4');
    const status = options.locator('section[aria-labelledby="data-heading"] > p[role="status"]');
    const choose = (name: string, text: string) =>
      options.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });

    await choose('world-news.json', readFileSync(PACK_PATH, 'utf8'));
    await expect
      .poll(() => status.innerText(), { timeout: 15_000 })
      .toBe(
        `This file cannot be imported: it is the knowledge pack “${WORLD_NEWS.name}”, not a Gloss backup. To use a pack, add it under Sources (Add a source → A Gloss pack) from the address where it is published.`,
      );
    await photograph(options, status, 'import-pack');

    await choose('list.json', '[1, 2]');
    await expect
      .poll(() => status.innerText())
      .toBe('This file cannot be imported: it is not a Gloss backup (the file that “Export” on this page writes).');
    const noSources = JSON.stringify({ format: 'gloss-backup', version: 1, exportedAt: '2025-02-03', notes: [] });
    await choose('damaged.json', noSources);
    await expect
      .poll(() => status.innerText())
      .toBe('This file cannot be imported: it looks like a Gloss backup, but its list of sources is missing or damaged.');
    expect(await status.innerText()).not.toMatch(/Invalid key|Expected|version must be/);
    await photograph(options, status, 'import-damaged');
    await options.close();
  });

  it('counts "1 note", and a worker that stops mid-import is said in plain words, not Chrome’s', async () => {
    // The worker's answer is lost as when Chrome stops it mid-import: the page gets Chrome's own error
    // (thrown where the messaging library calls the browser, which it turns into a rejection).
    const options = await extensionPage('/options.html#data', undefined, () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...a: unknown[]) => unknown } } }).chrome
        .runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (...args: unknown[]) => {
        if ((args[0] as { type?: string } | null)?.type !== 'importBackup') return send(...args);
        throw new Error(
          'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        );
      };
    });
    await options.setInputFiles('#import-file', {
      name: 'gloss-backup-2025-02-03.json',
      mimeType: 'application/json',
      buffer: Buffer.from(ONE_NOTE_BACKUP),
    });
    const question = options.locator('#import-question');
    await expect
      .poll(() => question.innerText(), { timeout: 15_000 })
      .toBe('gloss-backup-2025-02-03.json holds 1 entity from 1 source and 1 note. Replace what Gloss has now with it?');
    await options.locator('[data-total-entities]').waitFor();
    await photograph(options, question, 'import-one-note');
    await options.getByRole('button', { name: 'Replace everything' }).click();
    const status = options.locator('section[aria-labelledby="data-heading"] > p[role="status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Gloss’s background worker stopped before it answered/);
    expect(await status.innerText()).not.toContain(WORKER_GONE.slice(0, 30));
    await photograph(options, status, 'import-worker-stopped');
    await options.close();
  });
});

describe('your own entity', () => {
  it('warns of a name the packs have, clears the error once a save succeeds, and says "saved" in view', async () => {
    const options = await extensionPage('/options.html#add?name=Hamas', { width: 1100, height: 700 });
    const form = options.locator('#personal-form');
    await expect
      .poll(() => form.locator('#pe-name-clash').innerText(), { timeout: 15_000 })
      .toMatch(/^Your sources already have “Hamas” \(Armed group, from World news\)\./);
    await form.getByLabel('Kind', { exact: true }).selectOption('organization');
    await form.getByLabel('What it is (the card shows this)').fill('My <b>note</b> on the group.');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => form.locator('[role=alert]').innerText()).toMatch(/HTML tags/);
    await photograph(options, form.locator('#pe-name-clash'), 'entity-clash-and-error');
    await form.getByLabel('What it is (the card shows this)').fill('Our own view of the group, kept apart from the packs.');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const saved = form.locator('[data-saved]');
    await expect.poll(() => saved.innerText()).toBe('Hamas saved. Pages you open from now on mark it.');
    expect(await form.locator('[role=alert]').count()).toBe(0);
    // The save cleared the name: the warning about it goes with it, at once.
    expect(await form.locator('#pe-name-clash').innerText()).toBe('');
    const inView = await saved.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await options.screenshot({ path: shot('entity-saved') });
    // The reader's own entities were saved now: "just now", and no save time shown as a version.
    await options.goto(ext('/options.html#sources'));
    const personal = options.locator('tr[data-source-id="personal"]');
    await expect
      .poll(() => personal.locator('.source-status').innerText(), { timeout: 15_000 })
      .toBe('Kept in this browser. Imported just now.');
    expect(await personal.innerText()).not.toMatch(/version \d{10,}|less than a minute/);
    await photograph(options, personal, 'own-entities-just-now');
    await options.close();
  });
});

describe('the popup', () => {
  it('says a capped list is the first 20 of more, and a card without a link names where it is from', async () => {
    const popup = await extensionPage('/popup.html?q=john', { width: 380, height: 600 });
    const status = popup.locator('#search-status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/^The first 20 of \d[\d,]* found\./);
    const total = Number(/of ([\d,]+)/.exec(await status.innerText())![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(20);
    expect(await status.innerText()).toBe(
      `The first 20 of ${total.toLocaleString('en-US')} found. Type more to narrow the search.`,
    );
    expect(await popup.locator('.results .result').count()).toBe(20);
    await popup.screenshot({ path: shot('popup-first-20') });

    await popup.getByRole('searchbox').fill('hamas');
    const own = popup.locator('.result', { hasText: 'Our own view of the group' });
    await expect.poll(() => own.count(), { timeout: 15_000 }).toBe(1);
    // No link, no note: the card has no sources line at all, not "Sources: —".
    expect(await own.locator('.gloss-sources').count()).toBe(0);
    expect(await own.innerText()).not.toMatch(/Sources/);
    await photograph(popup, own, 'popup-card-without-link');
    await popup.close();
  });
});

describe('About', () => {
  it('credits each source without sending the reader to a file of the repository', async () => {
    const options = await extensionPage('/options.html#about', { width: 1100, height: 900 });
    const worldNews = options.locator(`[data-about-source="${'builtin'}"]`);
    await expect.poll(() => worldNews.innerText(), { timeout: 15_000 }).toContain(WORLD_NEWS.attribution);
    const about = options.locator('section[aria-labelledby="about-heading"]');
    expect(await about.innerText()).not.toMatch(/README|data\//);
    // The reader's own entities have no version; the save time is not shown as one.
    expect(await about.innerText()).not.toMatch(/version \d{10,}/);
    await photograph(options, worldNews, 'about');
    await options.close();
  });
});

describe('Reset', () => {
  it('offers an export first, then puts Gloss back as installed', async () => {
    const options = await extensionPage('/options.html#data', { width: 1100, height: 800 });
    const reset = options.locator('[data-reset]');
    await reset.getByRole('button', { name: 'Reset Gloss to its defaults…' }).click();
    await expect.poll(() => reset.innerText()).toContain('Export everything first');
    await photograph(options, reset, 'reset-question');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect
      .poll(() => reset.locator('[role=status]').innerText(), { timeout: 60_000 })
      .toMatch(/^Gloss is as it was installed: [\d,]+ entities from 4 sources that ship with it, and default settings\.$/);
    await photograph(options, reset, 'reset-done');
    await options.close();
  });
});
