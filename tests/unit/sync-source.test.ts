// Longer than 300 lines: one subject (syncSource from a URL) in four describes that share the packs v1/v2 and the subscribe and old-data-kept helpers.
import { describe, expect, it } from 'vitest';
import { applySourcePack } from '../../lib/kb/apply-pack';
import { DEFAULT_LIMITS } from '../../lib/sync/limits';
import { addUrlSource, previewSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import { deps, entity, kbIds, pack, said, TEST_LIMITS, whyFailed } from './support/sync-fixtures';
import { file, startSyncServer } from './support/sync-server';
import { syncTestbed } from './support/sync-testbed';

const bed = syncTestbed(async (db) => {
  // Another source the syncs must never touch.
  await applySourcePack(
    db,
    { id: 'builtin', kind: 'builtin', name: 'Built in', enabled: true, priority: 0 },
    pack([entity('b:1', 'Bea Ortiz')], '1', 'b'),
  );
});

const HOUR = 3_600_000;
const v1 = pack([entity('t:ana', 'Ana Lima'), entity('t:bo', 'Bo Chen'), entity('t:cy', 'Cy Dunn')], '1');
const v2 = pack([entity('t:ana', 'Ana Lima Souza'), entity('t:bo', 'Bo Chen'), entity('t:di', 'Di Eze')], '2');

async function subscribe(path: string, kind: 'pack-url' | 'csv-url' = 'pack-url', name?: string) {
  return (await addUrlSource(bed.db, { url: bed.server.url(path), kind, ...(name && { name }) })).id;
}

/** Subscribes to a good pack and syncs it, as the state before each failure case. */
async function withGoodPack(path: string) {
  bed.server.on(path, file(JSON.stringify(v1), { etag: '"v1"' }));
  const id = await subscribe(path);
  expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
  return id;
}

async function expectOldDataKept(id: string) {
  expect(await kbIds(bed.db)).toEqual(['b:1', 't:ana', 't:bo', 't:cy']);
  expect((await bed.db.entities.get('t:ana'))?.name).toBe('Ana Lima');
  const s = await bed.db.sources.get(id);
  expect(s?.version).toBe('1');
  expect(s?.entityCount).toBe(3);
  expect(s?.syncing).toBeUndefined();
}

describe('syncing a pack from a URL', { timeout: 15_000 }, () => {
  it('applies a good pack and says so', async () => {
    bed.server.on('/good.json', file(JSON.stringify(v1), { etag: '"v1"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT' }));
    const id = await subscribe('/good.json');
    const outcome = await syncSource(deps(bed.db), id);
    expect(outcome.status).toBe('updated');
    expect(outcome.change?.changed.sort()).toEqual(['t:ana', 't:bo', 't:cy']);
    expect(await kbIds(bed.db)).toEqual(['b:1', 't:ana', 't:bo', 't:cy']);
    const s = (await bed.db.sources.get(id))!;
    expect(s).toMatchObject({ name: 'Test pack', version: '1', entityCount: 3, etag: '"v1"', failures: 0, license: 'CC0' });
    expect(said(s)).toBe('Updated to version 1: 3 added, 0 changed, 0 removed (3 entities).');
    expect(whyFailed(s)).toBeUndefined();
    expect(s.nextDue! - s.lastSuccess!).toBe(24 * HOUR);
    expect((await bed.db.entities.get('t:ana'))?.sourceIds).toEqual([id]);
  });

  it('sends its validators next time, and a 304 changes nothing', async () => {
    const id = await withGoodPack('/same.json');
    const before = await bed.db.entities.toArray();
    const outcome = await syncSource(deps(bed.db), id);
    expect(outcome.status).toBe('unchanged');
    expect(outcome.change).toBeUndefined();
    expect(bed.server.requests.filter((r) => r.path === '/same.json').map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      '"v1"',
    ]);
    expect(await bed.db.entities.toArray()).toEqual(before);
    const s = (await bed.db.sources.get(id))!;
    expect(said(s)).toBe('No change: the server says the file is the same as before.');
    expect(s.lastChecked).toBeGreaterThanOrEqual(s.lastSuccess!);
  });

  it('applies a changed pack as a diff: adds, changes and removals', async () => {
    const id = await withGoodPack('/changing.json');
    bed.server.on('/changing.json', file(JSON.stringify(v2), { etag: '"v2"' }));
    const outcome = await syncSource(deps(bed.db), id);
    expect(outcome.status).toBe('updated');
    // Bo Chen is the same in both versions: not rewritten.
    expect(outcome.change).toEqual({ changed: ['t:ana', 't:di'], deleted: ['t:cy'] });
    expect(await kbIds(bed.db)).toEqual(['b:1', 't:ana', 't:bo', 't:di']);
    expect((await bed.db.entities.get('t:ana'))?.name).toBe('Ana Lima Souza');
    const s = (await bed.db.sources.get(id))!;
    expect(s).toMatchObject({ version: '2', entityCount: 3, etag: '"v2"' });
    expect(said(s)).toBe('Updated to version 2: 1 added, 1 changed, 1 removed (3 entities).');
  });

  it('keeps the old data on a server error, and backs off 1 h, 2 h, 4 h, 8 h, 12 h, 12 h', async () => {
    const id = await withGoodPack('/error.json');
    bed.server.on('/error.json', (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('oops'));
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = Date.now();
      const outcome = await syncSource(deps(bed.db, { now: () => t }), id);
      expect(outcome.status).toBe('failed');
      delays.push(((await bed.db.sources.get(id))!.nextDue! - t) / HOUR);
    }
    expect(delays).toEqual([1, 2, 4, 8, 12, 12]);
    await expectOldDataKept(id);
    const s = (await bed.db.sources.get(id))!;
    expect(s.failures).toBe(6);
    expect(whyFailed(s)).toMatch(
      /^127\.0\.0\.1:\d+ had a server error \(500 Internal Server Error\); Gloss will try again later\.$/,
    );
    expect(said(s)).toContain('Gloss keeps what it had from this source.');
    // A success resets the back-off.
    bed.server.on('/error.json', file(JSON.stringify(v1), { etag: '"v1"' }));
    await syncSource(deps(bed.db), id);
    expect((await bed.db.sources.get(id))!).toMatchObject({ failures: 0 });
    expect(whyFailed(await bed.db.sources.get(id))).toBeUndefined();
  });

  it.each([
    ['served as text/html', 'text/html; charset=utf-8', /sent a web page \(text\/html\), not a pack/],
    ['served as text/plain', 'text/plain', /sent a web page \(HTML\), not a pack/],
  ])('refuses an HTML error page %s', async (_name, contentType, message) => {
    const id = await withGoodPack('/html.json');
    bed.server.on('/html.json', file('<!doctype html><html><body><h1>Sign in</h1></body></html>', { contentType }));
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(message);
  });

  it('refuses truncated JSON, saying it was cut off', async () => {
    const id = await withGoodPack('/truncated.json');
    const whole = JSON.stringify(v2);
    bed.server.on('/truncated.json', file(whole.slice(0, Math.floor(whole.length * 0.6)), { etag: '"cut"' }));
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /^The pack is cut off: the JSON ends after [\d.]+ (bytes|KB), in the middle of a value\./,
    );
  });

  it('refuses an invalid pack whole, listing its problems', async () => {
    const id = await withGoodPack('/invalid.json');
    const bad = pack(
      [entity('t:ana', 'Ana Lima'), { ...entity('t:zed', 'Zed <b>Bold</b>'), sources: ['javascript:alert(1)'] }],
      '3',
    );
    bed.server.on('/invalid.json', file(JSON.stringify(bad), { etag: '"bad"' }));
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    await expectOldDataKept(id);
    const s = (await bed.db.sources.get(id))!;
    expect(whyFailed(s)).toBe(
      'The pack was refused: 3 problems. First: entities[1].name: name contains HTML tags; write plain text',
    );
    expect(s.problems).toEqual([
      'entities[1].name: name contains HTML tags; write plain text',
      'entities[1].description: description contains HTML tags; write plain text',
      'entities[1].sources[0]: source must start with http or https://',
    ]);
  });

  it('refuses a 50 MB file from its Content-Length without downloading it', async () => {
    const id = await withGoodPack('/huge.json');
    const size = 50 * 1024 * 1024;
    bed.server.on('/huge.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(size) });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < size && res.write(chunk)) sent += chunk.length;
        if (sent >= size) res.end();
      };
      res.on('drain', () => {
        sent += chunk.length;
        pump();
      });
      res.on('close', () => (sent = size));
      pump();
    });
    const t0 = Date.now();
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    expect(Date.now() - t0).toBeLessThan(2_000);
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /is 50 MB, more than the 32 MB Gloss accepts for one source\. Nothing was downloaded\./,
    );
  });

  it('stops a 50 MB stream without Content-Length at the size limit', async () => {
    const id = await withGoodPack('/stream.json');
    const size = 50 * 1024 * 1024;
    let closed = false;
    bed.server.on('/stream.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (!closed && sent < size) {
          sent += chunk.length;
          if (!res.write(chunk)) return;
        }
        if (sent >= size) res.end();
      };
      res.on('drain', pump);
      res.on('close', () => (closed = true));
      pump();
    });
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /larger than the 32 MB Gloss accepts for one source; the download was stopped there\./,
    );
    // The server wrote a little past the limit (socket buffers), far from the whole 50 MB.
    await new Promise((r) => setTimeout(r, 100));
    const sent = bed.server.bytesSent.get('/stream.json')!;
    console.log(`size limit: server wrote ${(sent / 1048576).toFixed(1)} MB of 50 MB before Gloss hung up`);
    expect(sent).toBeLessThan(DEFAULT_LIMITS.maxBytes + 8 * 1024 * 1024);
  });

  it('gives up on a server that never answers, within the time limit', async () => {
    const id = await withGoodPack('/silent.json');
    bed.server.on('/silent.json', () => {
      // Never answers.
    });
    const t0 = Date.now();
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(TEST_LIMITS.stallMs - 50);
    expect(took).toBeLessThan(TEST_LIMITS.stallMs + 1_500);
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /^127\.0\.0\.1:\d+ sent nothing for 0\.6 s; Gloss stopped waiting\.$/,
    );
  });

  it('stops a download that trickles on past the time limit', async () => {
    const id = await withGoodPack('/trickle.json');
    bed.server.on('/trickle.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    expect((await syncSource(deps(bed.db, { limits: { ...TEST_LIMITS, timeLimitMs: 1_000 } }), id)).status).toBe('failed');
    expect(Date.now() - t0).toBeLessThan(2_500);
    await expectOldDataKept(id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(/took longer than 1 s and was stopped\.$/);
  });

  it('says so when the server cannot be reached at all', async () => {
    // A port that was just free: nothing listens there.
    const closed = await startSyncServer();
    const url = closed.url('/pack.json');
    await closed.close();
    const id = (await addUrlSource(bed.db, { url, kind: 'pack-url' })).id;
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    expect(said(await bed.db.sources.get(id))).toBe(
      `Could not reach ${new URL(url).host} (ECONNREFUSED). Check the address and your connection. Nothing from this source is in the knowledge base yet.`,
    );
    expect(await kbIds(bed.db)).toEqual(['b:1']);
  });

  it('says 404 in words', async () => {
    const id = await subscribe('/missing.json');
    await syncSource(deps(bed.db), id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /answered 404 Not Found: there is no file at this address\. Check it\.$/,
    );
  });

  it('waits as long as the server says its file stays fresh, never less than the interval or an hour', async () => {
    bed.server.on('/week.json', file(JSON.stringify(v1), { etag: '"w"', cacheControl: 'public, max-age=604800' }));
    bed.server.on('/minute.json', file(JSON.stringify(v1), { etag: '"m"', cacheControl: 'max-age=60' }));
    const week = await subscribe('/week.json');
    const minute = (await addUrlSource(bed.db, { url: bed.server.url('/minute.json'), kind: 'pack-url', intervalHours: 0.1 })).id;
    const t = Date.now();
    await syncSource(deps(bed.db, { now: () => t }), week);
    await syncSource(deps(bed.db, { now: () => t }), minute);
    expect(((await bed.db.sources.get(week))!.nextDue! - t) / HOUR).toBe(168);
    expect(((await bed.db.sources.get(minute))!.nextDue! - t) / HOUR).toBe(1);
  });
});

describe('resuming an interrupted download', { timeout: 15_000 }, () => {
  it('keeps the bytes of a cut-off transfer and asks only for the rest next time', async () => {
    const id = await withGoodPack('/resume.json');
    // Big enough for several staged chunks; descriptions make it ~300 KB.
    const big = pack(
      Array.from({ length: 600 }, (_, i) =>
        entity(`t:n${i}`, `Person ${i}`, { description: `Person number ${i}. ${'x'.repeat(400)}` }),
      ),
      '9',
    );
    const body = Buffer.from(JSON.stringify(big));
    const cutAt = 200 * 1024;
    let first = true;
    const whole = file(body, { etag: '"big"', ranges: true });
    bed.server.on('/resume.json', (req, res) => {
      if (!first) return whole(req, res);
      first = false;
      // Sends part of the file, then the connection drops (as when the worker or the network dies).
      res.writeHead(200, { 'content-type': 'application/json', etag: '"big"', 'content-length': String(body.length) });
      res.write(body.subarray(0, cutAt), () => setTimeout(() => res.destroy(), 50));
    });
    const cut = await syncSource(deps(bed.db), id);
    expect(cut.status).toBe('failed');
    await expectOldDataKept(id);
    const staged = (await bed.db.downloads.get(id))!;
    expect(staged.received).toBeGreaterThanOrEqual(128 * 1024);
    expect(staged.received).toBeLessThanOrEqual(cutAt);

    const done = await syncSource(deps(bed.db), id);
    expect(done.status).toBe('updated');
    const resumed = bed.server.requests.filter((r) => r.path === '/resume.json').at(-1)!;
    expect(resumed.headers.range).toBe(`bytes=${staged.received}-`);
    expect(resumed.headers['if-range']).toBe('"big"');
    expect(await kbIds(bed.db)).toEqual(['b:1', ...big.entities.map((e) => e.id)].sort());
    expect(await bed.db.downloads.count()).toBe(0);
    expect(await bed.db.downloadChunks.count()).toBe(0);
  });

  it('fetches the file again when it was whole when the worker stopped (during the apply)', async () => {
    const id = await withGoodPack('/applying.json');
    const body = new TextEncoder().encode(JSON.stringify(v2));
    await bed.db.downloads.put({
      sourceId: id,
      url: bed.server.url('/applying.json'),
      etag: '"v2"',
      received: body.length,
      chunks: 1,
      startedAt: 1,
    });
    await bed.db.downloadChunks.put({ sourceId: id, seq: 0, data: body });
    await bed.db.sources.update(id, { syncing: { startedAt: 1, phase: 'apply', received: body.length } });
    bed.server.on('/applying.json', file(JSON.stringify(v2), { etag: '"v2"', ranges: true }));
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    const asked = bed.server.requests.filter((r) => r.path === '/applying.json').slice(-2);
    expect(asked.map((r) => r.headers.range)).toEqual([`bytes=${body.length}-`, undefined]);
    expect(await kbIds(bed.db)).toEqual(['b:1', 't:ana', 't:bo', 't:di']);
    expect((await bed.db.sources.get(id))!.syncing).toBeUndefined();
  });

  it('starts over when the file changed since the interrupted download', async () => {
    const id = await withGoodPack('/moved.json');
    await bed.db.downloads.put({
      sourceId: id,
      url: bed.server.url('/moved.json'),
      etag: '"old"',
      received: 5,
      chunks: 1,
      startedAt: 1,
    });
    await bed.db.downloadChunks.put({ sourceId: id, seq: 0, data: new TextEncoder().encode('{"for') });
    // The server's file is now "v2": If-Range does not match, so it sends the whole file.
    bed.server.on('/moved.json', file(JSON.stringify(v2), { etag: '"v2"', ranges: true }));
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    expect(await kbIds(bed.db)).toEqual(['b:1', 't:ana', 't:bo', 't:di']);
  });
});

describe('CSV glossaries', { timeout: 15_000 }, () => {
  const csv = [
    'name,aliases,kind,description,link',
    'Ceasefire,truce,term,"An agreement to stop fighting, for a time or for good.",https://en.wikipedia.org/wiki/Ceasefire',
    'Hostage,,term,A person held to force others to act.,https://en.wikipedia.org/wiki/Hostage',
  ].join('\n');

  it('imports a CSV glossary at a URL under the name the user gave', async () => {
    bed.server.on('/glossary.csv', file(csv, { contentType: 'text/csv', lastModified: 'Mon, 03 Feb 2025 10:00:00 GMT' }));
    const id = await subscribe('/glossary.csv', 'csv-url', 'Newsroom glossary');
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    const s = (await bed.db.sources.get(id))!;
    expect(s).toMatchObject({
      name: 'Newsroom glossary',
      entityCount: 2,
      asOf: '2025-02-03',
      lastModified: 'Mon, 03 Feb 2025 10:00:00 GMT',
    });
    expect(said(s)).toBe('Updated to version 2025-02-03: 2 added, 0 changed, 0 removed (2 entities).');
    const terms = (await bed.db.entities.toArray()).filter((e) => e.sourceIds.includes(id));
    expect(terms.map((e) => e.name).sort()).toEqual(['Ceasefire', 'Hostage']);
    expect(terms.find((e) => e.name === 'Ceasefire')?.alternateName).toEqual([{ text: 'truce' }]);
    // Second time: If-Modified-Since, 304.
    expect((await syncSource(deps(bed.db), id)).status).toBe('unchanged');
  });

  it('refuses a CSV file with bad rows, naming them as a spreadsheet does', async () => {
    bed.server.on('/bad.csv', file('name,description,link\nGaza,,https://example.org/\n', { contentType: 'text/csv' }));
    const id = await subscribe('/bad.csv', 'csv-url');
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    expect(whyFailed(await bed.db.sources.get(id))).toBe(
      'The CSV glossary was refused: 1 problem. First: row 2, column "description": The description is empty. Write a sentence or two that explains the entry.',
    );
    expect(await kbIds(bed.db)).toEqual(['b:1']);
  });
});

describe('previewing before subscribing', { timeout: 15_000 }, () => {
  const opts = { limits: TEST_LIMITS, now: Date.now };
  it('shows what a good pack holds, without writing anything', async () => {
    bed.server.on('/preview.json', file(JSON.stringify(v1)));
    const preview = await previewSource(bed.db, { url: bed.server.url('/preview.json'), kind: 'pack-url' }, opts);
    expect(preview).toMatchObject({
      ok: true,
      name: 'Test pack',
      entityCount: 3,
      license: 'CC0',
      sample: ['Ana Lima', 'Bo Chen', 'Cy Dunn'],
    });
    expect(await kbIds(bed.db)).toEqual(['b:1']);
    expect(await bed.db.sources.count()).toBe(1);
  });
  it('shows why a file would be refused', async () => {
    bed.server.on('/preview.html', file('<html><body>Not found</body></html>', { contentType: 'text/html' }));
    const preview = await previewSource(bed.db, { url: bed.server.url('/preview.html'), kind: 'pack-url' }, opts);
    expect(preview.ok).toBe(false);
    expect(preview.message).toMatch(/sent a web page/);
  });
  it('refuses addresses that are not http(s) or carry a password', async () => {
    expect((await previewSource(bed.db, { url: 'file:///etc/passwd', kind: 'pack-url' }, opts)).message).toBe(
      'Gloss reads sources over https:// or http:// only.',
    );
    expect(
      (await previewSource(bed.db, { url: 'https://me:secret@example.org/p.json', kind: 'pack-url' }, opts)).message,
    ).toMatch(/Leave the user name/);
  });
});
