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
