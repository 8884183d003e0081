import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPack } from '../../lib/kb/apply-pack';
import { openDb, type GlossDb } from '../../lib/kb/db';
import {
  keepStoredSearchIndexFresh,
  loadSearchIndex,
  onEntitiesChanged,
  searchEntities,
  searchEntitiesNow,
} from '../../lib/kb/search';
import type { Entity, Pack } from '../../lib/pack/types';
import { entity as testEntity } from './support/sync-fixtures';

const entity = (id: string, name: string, aliases: string[] = [], prior?: number): Entity =>
  testEntity(id, name, { alternateName: aliases.map((text) => ({ text })), ...(prior === undefined ? {} : { prior }) });
const pack = (entities: Entity[]): Pack => ({
  format: 1,
  id: 't',
  name: 'T',
  version: String(Math.random()),
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities,
});
const source = { id: 't', kind: 'pack-url' as const, name: 't', enabled: true, priority: 1 };

let db: GlossDb;
afterEach(async () => {
  await db.delete();
});

describe('searchEntities', () => {
  it('follows changes to the knowledge base without being told', async () => {
    db = openDb(`search-${Math.random()}`);
    await applyPack(db, source, pack([entity('a', 'Ana Lima')]));
    expect(await searchEntities(db, 'kofi')).toEqual([]);
    let changes = 0;
    const stop = onEntitiesChanged(db, () => changes++);
    await applyPack(db, source, pack([entity('a', 'Ana Lima'), entity('k', 'Kofi Annan')]));
    expect(changes).toBeGreaterThan(0);
    expect((await searchEntities(db, 'kofi')).map((e) => e.id)).toEqual(['k']);
    await applyPack(db, source, pack([entity('a', 'Ana Lima')]));
    expect(await searchEntities(db, 'kofi')).toEqual([]);
    stop();
  });

  it('finds typos and prefers the name that starts with the query', async () => {
    db = openDb(`search-${Math.random()}`);
    await applyPack(db, source, pack([entity('n', 'Benjamin Netanyahu', ['Bibi'], 0.95), entity('x', 'Netanya Harbour')]));
    expect((await searchEntities(db, 'Nétanyahou')).map((e) => e.id)).toEqual(['n']);
    // Both prefix matches: far more prominent entity first (a reader typing "netany" means the prime minister).
    expect((await searchEntities(db, 'netany')).map((e) => e.id)).toEqual(['n', 'x']);
  });

  it('among equally prominent entities, prefers the name that starts with the query', async () => {
    db = openDb(`search-${Math.random()}`);
    await applyPack(db, source, pack([entity('n', 'Benjamin Netanyahu', ['Bibi']), entity('x', 'Netanya Harbour')]));
    expect((await searchEntities(db, 'netany')).map((e) => e.id)).toEqual(['x', 'n']);
  });

  it('stores the index it builds; the next reader loads it until the entities change', async () => {
    db = openDb(`search-${Math.random()}`);
    await applyPack(db, source, pack([entity('a', 'Ana Lima')]));
    expect((await loadSearchIndex(db)).loaded).toBe(false);
    const again = await loadSearchIndex(db);
    expect(again.loaded).toBe(true);
    expect(again.index.search('ana').map((h) => h.id)).toEqual(['a']);
    await applyPack(db, source, pack([entity('a', 'Ana Lima'), entity('k', 'Kofi Annan')]));
    expect((await loadSearchIndex(db)).loaded).toBe(false);
  });

  it('keeps the stored index fresh after changes, for the next popup (what the worker runs)', async () => {
    db = openDb(`search-${Math.random()}`);
    const stop = keepStoredSearchIndexFresh(db, 10);
    await applyPack(db, source, pack([entity('k', 'Kofi Annan')]));
    await expect.poll(async () => (await loadSearchIndex(db)).loaded, { timeout: 5_000 }).toBe(true);
    stop();
  });

  it('answers the first keystroke once the index is there, then from the index it has while a newer one builds', async () => {
    db = openDb(`search-${Math.random()}`);
    await applyPack(db, source, pack([entity('n', 'Benjamin Netanyahu')]));
    expect(await searchEntitiesNow(db, 'Nétanyahou')).toMatchObject({ complete: true, results: [{ id: 'n' }] });
    await applyPack(db, source, pack([entity('n', 'Benjamin Netanyahu'), entity('k', 'Kofi Annan')]));
    // A write from this context marks the index stale: the old one answers, and says a newer one is coming.
    const meanwhile = await searchEntitiesNow(db, 'netan');
    expect(meanwhile.results.map((e) => e.id)).toEqual(['n']);
    expect(meanwhile.complete).toBe(false);
    await searchEntities(db, 'kofi'); // waits for the newer index
    expect(await searchEntitiesNow(db, 'kofi')).toMatchObject({ complete: true, results: [{ id: 'k' }] });
  });
});
