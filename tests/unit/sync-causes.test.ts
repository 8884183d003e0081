import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../lib/kb/db';
import { describeStatus } from '../../lib/sync/describe';
import { addUrlSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import { deps, entity, kbIds, pack, TEST_LIMITS, whyFailed } from './support/sync-fixtures';
import { file, startSyncServer } from './support/sync-server';
import { syncTestbed } from './support/sync-testbed';

/** Issue 17: each sync message names what really went wrong. */
const bed = syncTestbed();

const subscribe = async (path: string, kind: 'pack-url' | 'csv-url' = 'pack-url') =>
  (await addUrlSource(bed.db, { url: bed.server.url(path), kind })).id;

describe('sync messages that name the real cause', { timeout: 15_000 }, () => {
  it('a connection that drops mid-download says it broke after so many bytes, not "could not reach"', async () => {
    const body = Buffer.from(
      JSON.stringify(
        pack(Array.from({ length: 400 }, (_, i) => entity(`t:n${i}`, `Person ${i}`, { description: 'x'.repeat(300) }))),
      ),
    );
    bed.server.on('/drop.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', etag: '"d"', 'content-length': String(body.length) });
      res.write(body.subarray(0, 100 * 1024), () => setTimeout(() => res.destroy(), 50));
    });
    const id = await subscribe('/drop.json');
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    const source = await bed.db.sources.get(id);
    expect(source?.status).toMatchObject({ code: 'failed', failure: { code: 'dropped', kept: true, total: body.length } });
    const why = whyFailed(source)!;
    expect(why).not.toMatch(/Could not reach|Check the address/);
    expect(why).toMatch(
      /^The connection to 127\.0\.0\.1:\d+ broke after [\d.]+ KB of [\d.]+ KB had arrived; Gloss goes on from there next time\.$/,
    );
  });

  it('a server that cannot be reached at all still says so', async () => {
    const closed = await startSyncServer();
    const url = closed.url('/p.json');
    await closed.close();
    const id = (await addUrlSource(bed.db, { url, kind: 'pack-url' })).id;
    await syncSource(deps(bed.db), id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(/^Could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it('a CSV file cut off part-way through a row is called cut off, not blamed on the row', async () => {
    const csv = [
      'name,kind,description,link',
      'Ceasefire,term,An agreement to stop fighting.,https://en.wikipedia.org/wiki/Ceasefire',
      'Hostage,term,A person held to force others to act.,https://en.wikipedia.org/wiki/Hostage',
      'Truce,term,A short',
    ].join('\n');
    bed.server.on('/cut.csv', file(csv, { contentType: 'text/csv' }));
    const id = await subscribe('/cut.csv', 'csv-url');
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    const why = whyFailed(await bed.db.sources.get(id))!;
    expect(why).toMatch(/^The CSV file is cut off: it stops part-way through row 4, after \d+ bytes\./);
    expect(await kbIds(bed.db)).toEqual([]);
  });

  it('a CSV file cut off inside a quoted value is called cut off too', async () => {
    bed.server.on('/quote.csv', file('name,description\nTruce,"A short pause in', { contentType: 'text/csv' }));
    const id = await subscribe('/quote.csv', 'csv-url');
    await syncSource(deps(bed.db), id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(/^The CSV file is cut off: it stops part-way through row 2/);
  });

  it('a whole last row with a real problem is still named as the row, even without a final line break', async () => {
    bed.server.on('/row.csv', file('name,description,link\nGaza,,https://example.org/', { contentType: 'text/csv' }));
    const id = await subscribe('/row.csv', 'csv-url');
    await syncSource(deps(bed.db), id);
    expect(whyFailed(await bed.db.sources.get(id))).toMatch(
      /^The CSV glossary was refused: 1 problem\. First: row 2, column "description"/,
    );
  });
});

describe('progress of a slow download', { timeout: 15_000 }, () => {
  it('shows bytes as they arrive from a server sending a few bytes at a time, not "contacting the server"', async () => {
    const body = JSON.stringify(pack([entity('t:s', 'Sol Slow')]));
    bed.server.on('/slow.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      let at = 0;
      const timer = setInterval(() => {
        res.write(body.slice(at, at + 40));
        at += 40;
        if (at >= body.length) {
          clearInterval(timer);
          res.end();
        }
      }, 150);
      res.on('close', () => clearInterval(timer));
    });
    const id = await subscribe('/slow.json');
    const seen: string[] = [];
    const watch = setInterval(() => {
      void bed.db.sources.get(id).then((s) => s?.syncing && seen.push(describeStatus(s, Date.now()).text));
    }, 100);
    try {
      expect((await syncSource(deps(bed.db, { limits: { ...TEST_LIMITS, timeLimitMs: 10_000 } }), id)).status).toBe('updated');
    } finally {
      clearInterval(watch);
    }
    // Far less than one staged chunk arrives, yet the bytes show as they come.
    expect(seen.some((text) => /^Syncing: \d+ bytes of \d+ bytes downloaded…$/.test(text))).toBe(true);
  });
});

describe('a sync whose worker stopped', () => {
  const NOW = Date.parse('2025-02-03T12:00:00Z');
  const base: SourceRecord = {
    id: 'url:x',
    kind: 'pack-url',
    name: 'X',
    url: 'https://x.org/p.json',
    enabled: true,
    priority: 1,
    entityCount: 3,
  };
  const syncing = (beat: number) => ({
    syncing: { startedAt: NOW - 10 * 60_000, phase: 'download' as const, received: 1_363_149, total: 2_621_440, beat },
  });

  it('shows as interrupted once its marker stops beating, not as a frozen "Syncing: 1.3 MB of 2.5 MB"', () => {
    expect(describeStatus({ ...base, ...syncing(NOW - 5 * 60_000) }, NOW)).toEqual({
      text: 'Interrupted after 1.3 MB of 2.5 MB: the browser stopped Gloss’s background worker. Gloss goes on from there at its next run.',
      tone: 'waiting',
    });
  });

  it('shows as syncing while the worker beats', () => {
    expect(describeStatus({ ...base, ...syncing(NOW - 5_000) }, NOW)).toEqual({
      text: 'Syncing: 1.3 MB of 2.5 MB downloaded…',
      tone: 'busy',
    });
  });

  it('a marker from before beats were kept counts from its start', () => {
    const { beat: _beat, ...old } = syncing(0).syncing;
    expect(describeStatus({ ...base, syncing: old }, NOW).text).toMatch(/^Interrupted after/);
  });
});

describe('a CSV glossary’s licence', { timeout: 15_000 }, () => {
  const rows = 'name,description,link\nTruce,A pause in fighting.,https://en.wikipedia.org/wiki/Truce\n';

  it('is read from "#" lines at the top of the file, and rows keep their spreadsheet numbers', async () => {
    bed.server.on(
      '/terms.csv',
      file(`# licence: CC BY 4.0\n# attribution: The Newsroom desk\n${rows}`, { contentType: 'text/csv' }),
    );
    const id = await subscribe('/terms.csv', 'csv-url');
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    expect(await bed.db.sources.get(id)).toMatchObject({ license: 'CC BY 4.0', attribution: 'The Newsroom desk' });
    bed.server.on(
      '/terms-bad.csv',
      file(`# licence: CC0\nname,description,link\nGaza,,https://example.org/\n`, { contentType: 'text/csv' }),
    );
    const bad = await subscribe('/terms-bad.csv', 'csv-url');
    await syncSource(deps(bed.db), bad);
    // The "#" line is row 1 in a spreadsheet, the header row 2: the bad row is row 3.
    expect(whyFailed(await bed.db.sources.get(bad))).toMatch(/First: row 3, column "description"/);
  });

  it('can be given when the source is added, and the file’s own lines win over it', async () => {
    bed.server.on('/plain.csv', file(rows, { contentType: 'text/csv' }));
    const plain = (
      await addUrlSource(bed.db, { url: bed.server.url('/plain.csv'), kind: 'csv-url', license: 'CC0 1.0', attribution: 'Desk' })
    ).id;
    await syncSource(deps(bed.db), plain);
    expect(await bed.db.sources.get(plain)).toMatchObject({ license: 'CC0 1.0', attribution: 'Desk' });
    bed.server.on('/own.csv', file(`# license: CC BY-SA 4.0\n${rows}`, { contentType: 'text/csv' }));
    const own = (await addUrlSource(bed.db, { url: bed.server.url('/own.csv'), kind: 'csv-url', license: 'CC0 1.0' })).id;
    await syncSource(deps(bed.db), own);
    expect((await bed.db.sources.get(own))?.license).toBe('CC BY-SA 4.0');
  });

  it('is "Not stated by the publisher" when neither says', async () => {
    bed.server.on('/silent.csv', file(rows, { contentType: 'text/csv' }));
    const id = await subscribe('/silent.csv', 'csv-url');
    await syncSource(deps(bed.db), id);
    expect((await bed.db.sources.get(id))?.license).toBe('Not stated by the publisher');
  });
});
