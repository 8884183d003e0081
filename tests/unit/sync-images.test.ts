import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GlossDb } from '../../lib/kb/db';
import { addUrlSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import { deps, entity, freshDb, pack } from './sync-fixtures';
import { file, startSyncServer, type SyncTestServer } from './sync-server';

let server: SyncTestServer;
let db: GlossDb;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.delete());

describe('images of a subscribed pack (beacons)', { timeout: 15_000 }, () => {
  it('are not kept: a card or a search result never loads them from the pack’s host', async () => {
    const beacon = `${server.origin.replace('http:', 'https:')}/pixel.png?who=reader`;
    const withImage = { ...entity('t:ana', 'Ana Lima'), image: beacon };
    server.on('/images.json', file(JSON.stringify(pack([withImage, entity('t:bo', 'Bo Chen')], '1'))));
    const id = (await addUrlSource(db, { url: server.url('/images.json'), kind: 'pack-url' })).id;
    expect((await syncSource(deps(db), id)).status).toBe('updated');
    const stored = await db.entities.get('t:ana');
    expect(stored?.name).toBe('Ana Lima');
    expect(stored?.image).toBeUndefined();
    expect(server.requests.map((r) => r.path)).toEqual(['/images.json']);
  });
});

describe('a hostile pack through a real source', { timeout: 15_000 }, () => {
  it('is refused whole, in plain words, when its aliases are common words or one letter; the old data stays', async () => {
    server.on('/good.json', file(JSON.stringify(pack([entity('t:ana', 'Ana Lima')], '1'))));
    const id = (await addUrlSource(db, { url: server.url('/good.json'), kind: 'pack-url' })).id;
    expect((await syncSource(deps(db), id)).status).toBe('updated');
    const flood = Array.from({ length: 500 }, (_, i) => ({
      ...entity(`t:f${i}`, `Flood ${i}`),
      alternateName: [{ text: 'the' }],
    }));
    server.on(
      '/good.json',
      file(
        JSON.stringify(
          pack([entity('t:ana', 'Ana Lima'), ...flood, { ...entity('t:x', 'Xavier'), alternateName: [{ text: 'a' }] }], '2'),
        ),
      ),
    );
    expect((await syncSource(deps(db), id)).status).toBe('failed');
    const source = await db.sources.get(id);
    expect(source?.version).toBe('1');
    expect(JSON.stringify(source?.problems ?? source?.lastError)).toMatch(/common word|single letter/);
    expect(await db.entities.get('t:f0')).toBeUndefined();
    expect((await db.entities.get('t:ana'))?.name).toBe('Ana Lima');
  });
});
