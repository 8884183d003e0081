// Longer than 300 lines: one journey in one browser: a source added, synced, cut off by a stopped worker and resumed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listenLocal } from '../../scripts/local-server';
import { launchChromium, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { RESULTS } from './support/paths';
import { readKb } from './support/kb-store';
import { waitForMarks } from './support/marks';
import { sendAs, sendRaw } from './support/messages';
import { demoServerForFile } from './support/demo-server';

/**
 * Sync in the built extension, in headless Chromium: with default settings Gloss makes no request at
 * all; a sync cut off by the browser stopping the service worker leaves the old data in place and the
 * next worker finishes it (resuming the download); lookups answer while a sync runs.
 */

let session: ChromiumSession;
let packs: PackServer;
const requests: { url: string; fromWorker: boolean; page: string | null }[] = [];

const demo = demoServerForFile();
beforeAll(async () => {
  packs = await startPackServer();
  session = await launchChromium();
  session.context.on('request', (r: Request) => requests.push(describeRequest(r)));
});
afterAll(async () => {
  await session?.close();
  await packs?.close();
});

function describeRequest(r: Request): { url: string; fromWorker: boolean; page: string | null } {
  let page: string | null = null;
  try {
    page = r.frame().url();
  } catch {
    // Requests of a service worker have no frame.
  }
  return { url: r.url(), fromWorker: r.serviceWorker() !== null, page };
}

const isNetwork = (url: string) => /^https?:/.test(url);

// ---- a pack server that can be slow, with ETag, ranges and CORS (Gloss is not granted 127.0.0.1) ----

interface PackServer {
  url(path: string): string;
  /** The body served at /pack.json from now on; `slow` trickles it, to be cut off mid-download. */
  serve(body: string, etag: string, opts?: { slow?: boolean }): void;
  log: { range?: string; ifNoneMatch?: string; sent: number; status: number }[];
  close(): Promise<void>;
}

async function startPackServer(): Promise<PackServer> {
  let current = { body: Buffer.from(''), etag: '""', slow: false };
  const log: PackServer['log'] = [];
  const server = await listenLocal((req: IncomingMessage, res: ServerResponse) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-expose-headers': 'etag, last-modified, content-range, content-length',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (!req.url?.startsWith('/pack.json')) {
      res.writeHead(404, cors).end();
      return;
    }
    const { body, etag, slow } = current;
    const entry = {
      ...(req.headers.range && { range: req.headers.range }),
      ...(req.headers['if-none-match'] && { ifNoneMatch: req.headers['if-none-match'] }),
      sent: 0,
      status: 200,
    };
    log.push(entry);
    const headers = { ...cors, 'content-type': 'application/json', etag, 'cache-control': 'no-cache' };
    if (req.headers['if-none-match'] === etag) {
      entry.status = 304;
      res.writeHead(304, headers).end();
      return;
    }
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && (!req.headers['if-range'] || req.headers['if-range'] === etag)) {
      start = Number(range[1]);
      entry.status = 206;
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
        'content-length': String(body.length - start),
      });
    } else res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    const rest = body.subarray(start);
    if (!slow) {
      entry.sent = rest.length;
      res.end(rest);
      return;
    }
    // 32 KB every 150 ms: a 1.5 MB pack takes about 7 s, long enough to stop the worker in the middle.
    let at = 0;
    const timer = setInterval(() => {
      const chunk = rest.subarray(at, at + 32 * 1024);
      at += chunk.length;
      entry.sent += chunk.length;
      if (at >= rest.length) {
        clearInterval(timer);
        res.end(chunk);
      } else res.write(chunk);
    }, 150);
    res.on('close', () => clearInterval(timer));
  });
  return {
    ...server,
    serve: (body, etag, opts = {}) => (current = { body: Buffer.from(body), etag, slow: opts.slow ?? false }),
    log,
  };
}

const person = (id: string, name: string, description = `${name}, a test person.`) => ({
  id,
  kind: 'person',
  name,
  description,
  sources: ['https://example.org/'],
});
const packOf = (version: string, entities: unknown[]) =>
  JSON.stringify({
    format: 1,
    id: 'e2e',
    name: 'E2E pack',
    version,
    license: 'CC0',
    attribution: 'Gloss tests',
    asOf: '2025-02-01',
    entities,
  });

interface Source {
  id: string;
  version?: string;
  entityCount: number;
  lastSuccess?: number;
  status?: { code: string };
  syncing?: { received: number };
}
interface Entity {
  id: string;
  name: string;
  sourceIds: string[];
}

describe('Chromium: sources and sync', () => {
  it('makes no network request at all with default settings', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByRole('searchbox').fill('netan');
    await expect.poll(() => popup.locator('.gloss-name').allInnerTexts(), { timeout: 10_000 }).toContain('Benjamin Netanyahu');

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('tr[data-source-id="builtin"]').count(), { timeout: 10_000 }).toBe(1);
    // Wikidata is off, and says what it would send.
    expect(await options.getByRole('switch', { name: 'Refresh entities from Wikidata' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    expect(await options.locator('.wikidata-privacy').innerText()).toMatch(/sends to www\.wikidata\.org .* Wikidata ids/);

    const article = await session.context.newPage();
    await article.goto(demo.url('/demo/article.html'));
    await waitForMarks(article);

    // A fresh worker runs every start-up path (scheduler, resume) while we watch.
    await stopServiceWorker(session, popup);
    expect(await sendAs(popup, 'getEntity', { id: 'wd:Q43723' })).toMatchObject({ name: 'Benjamin Netanyahu' });
    await popup.waitForTimeout(2_000);
    const worker = session.context.serviceWorkers().find((w) => w.url().includes(session.extensionId))!;
    const alarms = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string }[]> } } }).chrome.alarms.getAll(),
    );
    expect(alarms).toEqual([]);

    const demoOrigin = new URL(demo.url('/')).origin;
    const network = requests.filter((r) => isNetwork(r.url));
    expect(network.filter((r) => r.fromWorker)).toEqual([]);
    // The only requests are the article page's own, to the server the test opened it from.
    expect(network.filter((r) => !r.url.startsWith(demoOrigin))).toEqual([]);
    expect(network.filter((r) => r.page?.startsWith('chrome-extension://'))).toEqual([]);
    console.log(
      `default settings: ${network.length} requests, all the demo article's own (${network.map((r) => new URL(r.url).pathname).join(', ')})`,
    );
    for (const p of [popup, options, article]) await p.close();
  });

  it('survives the worker being stopped mid-sync: old data intact, lookups answering, the next worker finishes', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const v1 = [person('e2e:ana', 'Ana Lima'), person('e2e:bo', 'Bo Chen'), person('e2e:cy', 'Cy Dunn')];
    packs.serve(packOf('1', v1), '"v1"');
    const added = await sendAs(page, 'addSource', { kind: 'pack-url', url: packs.url('/pack.json') });
    await expect
      .poll(async () => (await readKb<Source>(page, 'sources')).find((s) => s.id === added.id)?.version, { timeout: 15_000 })
      .toBe('1');
    // The worker's request was seen: the watcher of the previous test does see worker requests.
    expect(requests.some((r) => r.fromWorker && r.url.startsWith(packs.url('/pack.json')))).toBe(true);

    // Version 2: 3,000 entities (about 1.5 MB), Ana renamed, Cy gone, trickled out slowly.
    const v2 = [
      person('e2e:ana', 'Ana Lima Souza'),
      person('e2e:bo', 'Bo Chen'),
      ...Array.from({ length: 3_000 }, (_, i) =>
        person(`e2e:n${i}`, `Person Number${i}`, `Person ${i}. ${'Filler text. '.repeat(30)}`),
      ),
    ];
    const body = packOf('2', v2);
    packs.serve(body, '"v2"', { slow: true });
    // Not awaited: the worker is stopped while this sync runs, so no reply may ever come.
    void sendRaw(page, 'syncNow', { id: added.id }).catch(() => undefined);

    // Wait until part of the file is staged in IndexedDB.
    await expect
      .poll(async () => (await readKb<{ received: number }>(page, 'downloads'))[0]?.received ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(256 * 1024);

    // Lookups answer while the download runs, from the old data.
    const timed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
      const t0 = Date.now();
      const value = await run();
      return [value, Date.now() - t0];
    };
    const [ana, getMs] = await timed(() => sendAs(page, 'getEntity', { id: 'e2e:ana' }));
    expect(ana).toMatchObject({ name: 'Ana Lima' });
    const text = { blocks: ['Ana Lima met Benjamin Netanyahu and Cy Dunn in Jerusalem.'] };
    const [annotated, firstAnnotateMs] = await timed(() => sendAs(page, 'annotate', text));
    expect(annotated.mentions[0]!.map((m) => m.entityId)).toEqual(expect.arrayContaining(['e2e:ana', 'e2e:cy', 'wd:Q43723']));
    const [, annotateMs] = await timed(() => sendAs(page, 'annotate', text));
    const [found, searchMs] = await timed(() => sendAs(page, 'search', { query: 'bo che' }));
    expect(found.map((e) => e.id)).toContain('e2e:bo');
    for (const ms of [getMs, annotateMs, searchMs]) expect(ms).toBeLessThan(1_000);
    const lookupMs = `getEntity ${getMs} ms, annotate ${firstAnnotateMs} ms (first in this worker, builds the matcher) then ${annotateMs} ms, search ${searchMs} ms`;
    const midway = (await readKb<Source>(page, 'sources')).find((s) => s.id === added.id)!;
    expect(midway.syncing).toBeDefined();

    await stopServiceWorker(session, page);
    const sentBeforeStop = packs.log.at(-1)!.sent;

    // Read straight from IndexedDB, without waking the worker: the old version, whole.
    const sources = await readKb<Source>(page, 'sources');
    const interrupted = sources.find((s) => s.id === added.id)!;
    expect(interrupted).toMatchObject({ version: '1', entityCount: 3 });
    expect(interrupted.syncing).toBeDefined(); // the marker the next worker looks for
    const entities = await readKb<Entity>(page, 'entities');
    const mine = entities.filter((e) => e.sourceIds.includes(added.id));
    expect(mine.map((e) => [e.id, e.name]).sort()).toEqual([
      ['e2e:ana', 'Ana Lima'],
      ['e2e:bo', 'Bo Chen'],
      ['e2e:cy', 'Cy Dunn'],
    ]);
    expect(entities.some((e) => e.id === 'wd:Q43723')).toBe(true);
    const staged = (await readKb<{ received: number }>(page, 'downloads'))[0]!;
    expect(staged.received).toBeGreaterThan(0);
    expect(staged.received).toBeLessThan(body.length);

    // The next worker (woken by a lookup, which it answers from the old data) resumes the download.
    packs.serve(body, '"v2"');
    expect(await sendAs(page, 'getEntity', { id: 'e2e:cy' })).toMatchObject({ name: 'Cy Dunn' });
    await expect
      .poll(async () => (await readKb<Source>(page, 'sources')).find((s) => s.id === added.id)?.version, { timeout: 30_000 })
      .toBe('2');
    const done = (await readKb<Source>(page, 'sources')).find((s) => s.id === added.id)!;
    expect(done.syncing).toBeUndefined();
    expect(done.entityCount).toBe(3_002);
    expect(done.status).toEqual({ code: 'updated', version: '2', added: 3000, changed: 1, removed: 1, entities: 3002 });
    const after = (await readKb<Entity>(page, 'entities')).filter((e) => e.sourceIds.includes(added.id));
    expect(after.length).toBe(3_002);
    expect(after.find((e) => e.id === 'e2e:ana')?.name).toBe('Ana Lima Souza');
    expect(after.some((e) => e.id === 'e2e:cy')).toBe(false);
    expect(await readKb(page, 'downloads')).toEqual([]);
    expect(await readKb(page, 'downloadChunks')).toEqual([]);

    // It asked only for the bytes it did not have.
    const resumed = packs.log.at(-1)!;
    expect(resumed).toMatchObject({ range: `bytes=${staged.received}-`, status: 206 });
    expect(resumed.sent).toBe(body.length - staged.received);
    // And the matcher follows: the new name is found in text.
    // The matcher follows (rebuilt in the background while the old one answers).
    const annotateNew = async () =>
      (await sendAs(page, 'annotate', { blocks: ['Person Number42 spoke.'] })).mentions[0]!.map((m) => m.entityId);
    await expect.poll(annotateNew, { timeout: 10_000 }).toContain('e2e:n42');
    console.log(
      `interrupted sync: ${(body.length / 1024).toFixed(0)} KB pack; worker stopped after the server sent ${(sentBeforeStop / 1024).toFixed(0)} KB, ` +
        `${(staged.received / 1024).toFixed(0)} KB staged; the next worker asked for bytes=${staged.received}- and got ${(resumed.sent / 1024).toFixed(0)} KB; ` +
        `lookups during the sync: ${lookupMs}`,
    );
    await page.close();
  });

  it('adds a source from the options page: a preview first, then the subscription, status in words', async () => {
    const options = await session.context.newPage();
    // Headless Chromium cannot click "Allow" in the permission prompt: the user's answer is stubbed,
    // and what Gloss asked for is recorded.
    await options.addInitScript(() => {
      const w = window as unknown as {
        __asked: unknown[];
        chrome: { permissions: { request: (p: unknown, cb?: (granted: boolean) => void) => Promise<boolean> } };
      };
      w.__asked = [];
      w.chrome.permissions.request = (p, cb) => {
        w.__asked.push(p);
        cb?.(true);
        return Promise.resolve(true);
      };
    });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const glossary = [
      'name,kind,description,link',
      'Truce,term,A pause in fighting agreed by both sides.,https://en.wikipedia.org/wiki/Ceasefire',
    ];
    packs.serve(glossary.join('\n'), '"csv1"');
    await options.getByLabel('A glossary in CSV (a published spreadsheet)').check();
    await options.getByLabel('Address of the file').fill(packs.url('/pack.json?as=csv'));
    await options.getByLabel('Name to show (optional)').fill('Desk glossary');
    await options.getByRole('button', { name: 'Check the file' }).click();
    const preview = options.locator('.source-preview');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toMatch(/1 entity:\s+Truce/);
    expect(await options.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([
      { origins: [`${new URL(packs.url('/')).origin}/*`] },
    ]);
    await options.getByRole('button', { name: 'Subscribe' }).click();
    const row = options.locator('tr[data-source-id^="url:"]', { hasText: 'Desk glossary' });
    await expect
      .poll(() => row.innerText(), { timeout: 15_000 })
      .toMatch(/Updated to version \d{4}-\d{2}-\d{2}: 1 added, 0 changed, 0 removed \(1 entity\)\. Last checked/);
    // Removal shows what would leave Gloss before asking.
    const id = await row.getAttribute('data-source-id');
    await options.locator(`tr[data-controls-for="${id}"]`).getByRole('button', { name: 'Remove…' }).click();
    await expect
      .poll(() => options.locator('.removal').innerText(), { timeout: 5_000 })
      .toMatch(/takes 1 entity out of Gloss:\s+Truce\./);
    await options
      .locator('section[aria-labelledby="sources-heading"]')
      .screenshot({ path: join(RESULTS, 'chromium-sources.png') });
    await options.locator('.removal').getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => row.count(), { timeout: 5_000 }).toBe(0);
    await options.close();
  });
});
