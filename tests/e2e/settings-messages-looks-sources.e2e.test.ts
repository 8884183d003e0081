import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLocal, type LocalServer } from '../../scripts/local-server';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { writeKb } from './support/kb-store';
import { sendAs } from './support/messages';
import { RESULTS } from './support/paths';

/**
 * Issue 17's messages about sources, each driven into view in headless Chromium from a server of the
 * test's own on 127.0.0.1 and photographed (test-results/looks-*.png): "Added" with the pack's name,
 * a CSV file's licence, a dropped connection, a cut-off CSV, bytes as a slow server sends them, a
 * sync whose worker stopped, "just now", the "Last updated" column and what a source holds.
 */

let session: ChromiumSession;
let server: LocalServer;
let slowDone = false;
const shot = (name: string) => join(RESULTS, `looks-${name}.png`);
const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag, content-length' };

const PACK = JSON.stringify({
  format: 1,
  id: 'looks',
  name: 'Newsroom style pack',
  version: '2025.02.03',
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-02-03',
  entities: [
    { id: 'looks:ana', kind: 'person', name: 'Ana Looks', description: 'A test person.', sources: ['https://example.org/'] },
    { id: 'looks:bo', kind: 'person', name: 'Bo Looks', description: 'Another test person.', sources: ['https://example.org/'] },
  ],
});
const CSV_ROWS = ['name,kind,description,link', 'Truce,term,A pause in fighting agreed by both sides.,https://example.org/truce'];

/** Each path is one way a server behaves. */
function serve(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/pack.json') {
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(PACK);
  } else if (path === '/licensed.csv') {
    const body = ['# licence: CC BY 4.0', '# attribution: The Newsroom desk', ...CSV_ROWS].join('\n');
    res.writeHead(200, { ...cors, 'content-type': 'text/csv' }).end(body);
  } else if (path === '/plain.csv') {
    res.writeHead(200, { ...cors, 'content-type': 'text/csv' }).end(CSV_ROWS.join('\n'));
  } else if (path === '/cut.csv') {
    res.writeHead(200, { ...cors, 'content-type': 'text/csv' }).end([...CSV_ROWS, 'Hostage,term,A person held'].join('\n'));
  } else if (path === '/dropped.json') {
    // Says 200,000 bytes, sends 50,000, then the connection breaks: two seconds later, so that a
    // loaded machine has read what arrived (the count said is what Gloss read, not what was sent).
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': '200000' });
    res.write(Buffer.alloc(50_000, 0x20), () => setTimeout(() => res.destroy(), 2_000));
  } else if (path === '/slow.json') {
    // 4,000 bytes, 40 at a time every 400 ms, until the test has seen enough.
    const body = Buffer.alloc(4_000, 0x20);
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': String(body.length) });
    let at = 0;
    const timer = setInterval(() => {
      const n = slowDone ? body.length - at : 40;
      res.write(body.subarray(at, (at += n)));
      if (at >= body.length) {
        clearInterval(timer);
        res.end();
      }
    }, 400);
    res.on('close', () => clearInterval(timer));
  } else res.writeHead(404, cors).end();
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await listenLocal(serve);
  session = await launchChromium();
});
afterAll(async () => {
  slowDone = true;
  await session?.close();
  await server?.close();
});

/** The options page, with the permission prompt answered "Allow" (headless Chromium cannot click it). */
async function optionsPage(hash: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error('page error in options:', e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { chrome: { permissions: { request: (p: unknown, cb?: (ok: boolean) => void) => unknown } } };
    w.chrome.permissions.request = (_p, cb) => {
      cb?.(true);
      return Promise.resolve(true);
    };
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/options.html${hash}`);
  return page;
}

/** Scrolls `what` to the middle of the window, so the photograph shows it with what is around it. */
const centre = (what: Locator) => what.evaluate((el) => el.scrollIntoView({ block: 'center' }));
const row = (page: Page, name: string) => page.locator('tr[data-source-id]', { hasText: name });
const statusOf = (page: Page, name: string) => row(page, name).locator('.source-status').innerText();

describe('adding a source', () => {
  it('says "Added" with the pack’s own name, and a CSV file’s licence reaches the preview and About', async () => {
    const options = await optionsPage('#sources');
    const add = options.locator('.source-add');
    await add.getByLabel('Address of the file').fill(server.url('/pack.json'));
    await add.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => add.locator('.source-preview').innerText(), { timeout: 15_000 }).toMatch(/Newsroom style pack/);
    await add.getByRole('button', { name: 'Subscribe' }).click();
    const added = add.locator('p[role=status]');
    await expect
      .poll(() => added.innerText(), { timeout: 15_000 })
      .toBe('Added “Newsroom style pack”; its first sync has started.');
    await centre(added);
    await options.screenshot({ path: shot('added-pack-name') });
    await expect
      .poll(() => statusOf(options, 'Newsroom style pack'), { timeout: 20_000 })
      .toMatch(/^Updated to version 2025\.02\.03: 2 added, 0 changed, 0 removed \(2 entities\)\./);

    // The file states its licence in "#" lines; the preview shows it before anything is added.
    await add.getByLabel('A glossary in CSV (a published spreadsheet)').check();
    await add.getByLabel('Address of the file').fill(server.url('/licensed.csv'));
    await add.getByLabel('Name to show (optional)').fill('Desk glossary');
    await add.getByRole('button', { name: 'Check the file' }).click();
    const preview = add.locator('.source-preview');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain('CC BY 4.0 · The Newsroom desk');
    await centre(preview);
    await options.screenshot({ path: shot('csv-licence-preview') });
    await add.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => added.innerText(), { timeout: 15_000 }).toBe('Added “Desk glossary”; its first sync has started.');

    // A file that states none takes what the reader types when adding it.
    await add.getByLabel('A glossary in CSV (a published spreadsheet)').check();
    await add.getByLabel('Address of the file').fill(server.url('/plain.csv'));
    await add.getByLabel('Name to show (optional)').fill('Typed-terms glossary');
    await add.getByLabel('Licence of the file (if it does not state one)').fill('CC BY-SA 4.0');
    await add.getByLabel('Credit to show (optional)').fill('Desk of the Example Times');
    await add.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain('CC BY-SA 4.0 · Desk of the Example Times');
    await add.getByRole('button', { name: 'Subscribe' }).click();
    await expect
      .poll(() => added.innerText(), { timeout: 15_000 })
      .toBe('Added “Typed-terms glossary”; its first sync has started.');

    await options.goto(`chrome-extension://${session.extensionId}/options.html#about`);
    const about = (name: string) => options.locator('article.licence', { hasText: name });
    await expect
      .poll(() => about('Desk glossary').innerText(), { timeout: 15_000 })
      .toMatch(/Licence\s+CC BY 4\.0\s+Attribution\s+The Newsroom desk/);
    await expect
      .poll(() => about('Typed-terms glossary').innerText())
      .toMatch(/Licence\s+CC BY-SA 4\.0\s+Attribution\s+Desk of the Example Times/);
    await centre(about('Desk glossary'));
    await options.screenshot({ path: shot('csv-licence-about') });
    await options.close();
  });
});

describe('sync status lines', () => {
  it('name the real cause of a failure and show bytes as a slow server sends them', async () => {
    const options = await optionsPage('#sources');
    const add = (path: string, kind: 'pack-url' | 'csv-url', name: string) =>
      sendAs(options, 'addSource', { kind, url: server.url(path), name });
    await add('/dropped.json', 'pack-url', 'Dropped download');
    await add('/cut.csv', 'csv-url', 'Cut-off glossary');
    await expect
      .poll(() => statusOf(options, 'Dropped download'), { timeout: 30_000 })
      .toMatch(
        /^The connection to 127\.0\.0\.1:\d+ broke after 49 KB of 195 KB had arrived; Gloss downloads the file again next time\. Nothing from this source is in the knowledge base yet\. Next try in 1 h\.$/,
      );
    await expect
      .poll(() => statusOf(options, 'Cut-off glossary'), { timeout: 30_000 })
      .toMatch(/^The CSV file is cut off: it stops part-way through row 3, after \d+ bytes\./);
    expect(await statusOf(options, 'Cut-off glossary')).not.toMatch(/^Row 3/);
    await centre(row(options, 'Dropped download'));
    await options.screenshot({ path: shot('dropped-and-cut-off') });

    await add('/slow.json', 'pack-url', 'Slow server');
    await expect
      .poll(() => statusOf(options, 'Slow server'), { timeout: 20_000 })
      .toMatch(/^Syncing: \S+ (bytes|KB) of \S+ (bytes|KB) downloaded…$/);
    const first = await statusOf(options, 'Slow server');
    await expect.poll(() => statusOf(options, 'Slow server'), { timeout: 10_000 }).not.toBe(first);
    await centre(row(options, 'Slow server'));
    await options.screenshot({ path: shot('slow-server-bytes') });
    slowDone = true;
    await options.close();
  });

  it('a sync whose worker stopped says "interrupted", not a frozen "Syncing: 1.3 MB of 2.5 MB"', async () => {
    const options = await optionsPage('#sources');
    await expect.poll(() => options.locator('tr[data-source-id]').count(), { timeout: 15_000 }).toBeGreaterThan(4);
    // The record a sync leaves when Chrome stops the worker mid-download: its last beat five minutes ago.
    {
      const now = Date.now();
      const record = {
        id: 'url:looks-stopped',
        kind: 'pack-url',
        name: 'Worker stopped',
        url: 'http://127.0.0.1:9/stopped.json',
        enabled: true,
        priority: 40,
        entityCount: 0,
        intervalHours: 24,
        nextDue: now + 3_600_000,
        syncing: { startedAt: now - 600_000, phase: 'download', received: 1_363_149, total: 2_621_440, beat: now - 300_000 },
      };
      await writeKb(options, 'sources', [record]);
    }
    await options.reload();
    await expect
      .poll(() => statusOf(options, 'Worker stopped'), { timeout: 15_000 })
      .toBe(
        'Interrupted after 1.3 MB of 2.5 MB: the browser stopped Gloss’s background worker. Gloss goes on from there at its next run.',
      );
    // Not busy any more: the reader may sync it again.
    const again = options.locator('tr[data-controls-for="url:looks-stopped"]').getByRole('button', { name: 'Sync now' });
    expect(await again.isEnabled()).toBe(true);
    await centre(row(options, 'Worker stopped'));
    await options.screenshot({ path: shot('worker-stopped') });
    await options.close();
  });
});

describe('the sources table', () => {
  it('has a "Last updated" column, says "just now", and shows what a source holds', async () => {
    const options = await optionsPage('#sources');
    const table = options.locator('section[aria-labelledby="sources-heading"] table').first();
    await expect.poll(() => table.locator('thead').innerText(), { timeout: 15_000 }).toContain('Last updated');
    const pack = row(options, 'Newsroom style pack');
    await expect.poll(() => pack.locator('[data-updated]').innerText()).toMatch(/^(just now|\d+ min ago)$/);
    // Nothing shows a time as "in less than a minute", nor a save time as a version.
    const text = await table.innerText();
    expect(text).not.toMatch(/less than a minute|version \d{10,}|Next try in 60 min/);
    const id = await pack.getAttribute('data-source-id');
    const controls = options.locator(`tr[data-controls-for="${id}"]`);
    await controls.getByRole('button', { name: 'Show its entities' }).click();
    const contents = options.locator(`[data-contents-of="${id}"]`);
    await expect
      .poll(() => contents.locator('[role=status]').innerText(), { timeout: 15_000 })
      .toBe('“Newsroom style pack” gives 2 entities.');
    expect(await contents.locator('li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Ana Looks/),
      expect.stringMatching(/^Bo Looks/),
    ]);
    await contents.getByLabel('Find in “Newsroom style pack”').fill('bo');
    await expect.poll(() => contents.locator('li').allInnerTexts()).toEqual([expect.stringMatching(/^Bo Looks/)]);
    expect(await contents.locator('[role=status]').innerText()).toBe('Matching: 1 of 2 entities.');
    await centre(pack);
    await options.screenshot({ path: shot('source-contents-last-updated') });
    await options.close();
  });
});
