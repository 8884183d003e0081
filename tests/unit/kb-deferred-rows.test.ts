import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applySourcePack,
  applySourcePacks,
  applySourcePacksDeferred,
  kbRevision,
  type SourcePack,
} from '../../lib/kb/apply-pack';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { finishDeferredRows, rowsOwed, writeDeferredRows } from '../../lib/kb/deferred-rows';
import { EntityOverlay } from '../../lib/kb/entity-overlay';
import { loadSearchIndex, searchEntities } from '../../lib/kb/search';
import { removeSourceData } from '../../lib/kb/source-admin';
import { allVariants } from '../../lib/kb/variant-buckets';
import type { Entity, Pack } from '../../lib/pack/types';

// The install writes its entity rows after the import (lib/kb/deferred-rows.ts). Whatever happens in
// between (nothing, a stopped worker, another write), the knowledge base must end exactly as an import
// that wrote its rows at once leaves it.

const entity = (id: string, name: string, description: string): Entity => ({
  id,
  kind: 'person',
  name,
  description,
  sources: ['https://example.org/'],
});
const pack = (id: string, entities: Entity[], version = '1'): Pack => ({
  format: 1,
  id,
  name: id,
  version,
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities,
});
const item = (id: string, priority: number, entities: Entity[], version = '1'): SourcePack => ({
  source: { id, kind: 'builtin', name: id, enabled: true, priority },
  pack: pack(id, entities, version),
});
const items = (): SourcePack[] => [
  item('news', 0, [
    entity('shared', 'Ana Lima', 'as news says'),
    ...Array.from({ length: 1_200 }, (_, i) => entity(`p${i}`, `Person ${i}`, `n${i}`)),
  ]),
  item('places', 1, [entity('shared', 'Ana Lima', 'as places says'), entity('c1', 'Goma', 'a city')]),
];
const user = (entities: Entity[]): SourcePack => ({
  source: { id: 'user', kind: 'pack-url', name: 'user', enabled: true, priority: 0, url: 'https://example.org/p.json' },
  pack: pack('user', entities),
});

const snapshot = async (db: GlossDb) => ({
  entities: await db.entities.orderBy('id').toArray(),
  variants: await allVariants(db),
  sources: (await db.sources.orderBy('id').toArray()).map(({ lastAttempt: _a, lastSuccess: _s, ...rest }) => rest),
});

let eager: GlossDb;
let deferred: GlossDb;
beforeEach(() => {
  eager = openDb(`test-${Math.random()}`);
  deferred = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await eager.delete();
  await deferred.delete();
});

describe('an import whose entity rows land afterwards', () => {
  it('writes no entity row in the import, notes them owed, and lands the same rows as an eager import', async () => {
    await applySourcePacks(eager, items());
    const { rows, revision } = await applySourcePacksDeferred(deferred, items());
    expect(await deferred.entities.count()).toBe(0);
    expect(await rowsOwed(deferred)).toBe(true);
    expect(revision).toBe(await kbRevision(deferred));
    expect(await writeDeferredRows(deferred, rows, revision)).toBeNull();
    expect(await rowsOwed(deferred)).toBe(false);
    expect(await snapshot(deferred)).toEqual(await snapshot(eager));
  });

  it('a worker stopped before the rows landed: the next start merges them from the variants', async () => {
    await applySourcePacks(eager, items());
    const { revision } = await applySourcePacksDeferred(deferred, items());
    const change = await finishDeferredRows(deferred);
    expect(change?.changed).toHaveLength(1_202);
    expect(await rowsOwed(deferred)).toBe(false);
    // Raised: a matcher or search index stored meanwhile may have been built from the missing rows.
    expect(await kbRevision(deferred)).toBeGreaterThan(revision);
    expect(await snapshot(deferred)).toEqual(await snapshot(eager));
    expect(await finishDeferredRows(deferred)).toBeNull();
  });

  it('a write between the import and its rows wins: rows in hand that would overwrite it are merged again', async () => {
    const mine = user([entity('shared', 'Ana Lima', 'as the user says'), entity('u1', 'Una Ray', 'mine')]);
    await applySourcePacks(eager, items());
    await applySourcePack(eager, mine.source, mine.pack);
    const { rows, revision } = await applySourcePacksDeferred(deferred, items());
    await applySourcePack(deferred, mine.source, mine.pack);
    // The worst case: every row in hand is written, the user's merged "shared" among them.
    const change = await writeDeferredRows(deferred, rows, revision);
    expect(change).not.toBeNull();
    expect(await snapshot(deferred)).toEqual(await snapshot(eager));
    expect((await deferred.entities.get('shared'))?.sourceIds).toContain('user');
  });

  it('a source removed before the rows landed leaves none of its entities behind', async () => {
    await applySourcePacks(eager, items());
    await removeSourceData(eager, 'places');
    const { rows, revision } = await applySourcePacksDeferred(deferred, items());
    await removeSourceData(deferred, 'places');
    await writeDeferredRows(deferred, rows, revision);
    expect(await deferred.entities.get('c1')).toBeUndefined();
    expect(await snapshot(deferred)).toEqual(await snapshot(eager));
  });

  it('a second import while rows are still owed: both imports end in the rows', async () => {
    const v2 = [item('news', 0, [entity('p0', 'Person 0', 'updated'), entity('new', 'Nia Vale', 'new')], '2'), items()[1]!];
    await applySourcePacks(eager, items());
    await applySourcePacks(eager, v2);
    const first = await applySourcePacksDeferred(deferred, items());
    const second = await applySourcePacksDeferred(deferred, v2);
    // The second note covers the first's ids too, so the second's rows alone cannot settle it.
    expect(await writeDeferredRows(deferred, second.rows, second.revision)).not.toBeNull();
    expect(first.revision).toBeLessThan(second.revision);
    expect(await snapshot(deferred)).toEqual(await snapshot(eager));
  });

  it('a search index built while rows are owed is not loaded once they land', async () => {
    const { rows, revision } = await applySourcePacksDeferred(deferred, items());
    await loadSearchIndex(deferred);
    await writeDeferredRows(deferred, rows, revision);
    const after = await loadSearchIndex(deferred);
    expect(after.loaded).toBe(false);
    expect(after.index.searchCounted('Goma', 5).hits.map((h) => h.id)).toEqual(['c1']);
    expect((await searchEntities(deferred, 'Goma')).map((e) => e.id)).toEqual(['c1']);
  });
});

describe('EntityOverlay', () => {
  it('answers for owed rows as the landed rows will, in the same order', async () => {
    await applySourcePacks(eager, [items()[1]!]);
    // An update over stored rows: one entity changed, one gone, one new.
    await applySourcePacks(deferred, [items()[1]!]);
    const next = item('places', 1, [entity('shared', 'Ana Lima', 'changed'), entity('a0', 'Abu Dis', 'new')], '2');
    await applySourcePacks(eager, [next]);
    const { rows, revision } = await applySourcePacksDeferred(deferred, [next]);
    const overlay = new EntityOverlay();
    overlay.hold(rows);
    const before = await overlay.all(deferred);
    expect(await overlay.get(deferred, 'c1')).toBeUndefined();
    expect((await overlay.get(deferred, 'shared'))?.description).toBe('changed');
    expect((await overlay.bulkGet(deferred, ['a0', 'c1', 'shared'])).map((e) => e?.id)).toEqual(['a0', undefined, 'shared']);
    await writeDeferredRows(deferred, rows, revision, (id) => overlay.holds(id));
    overlay.clear();
    expect(before).toEqual(await deferred.entities.toArray());
    expect(before).toEqual(await eager.entities.toArray());
  });

  it('forgets an entity another write stored, and then reads its row', async () => {
    await applySourcePacks(deferred, [items()[1]!]);
    const overlay = new EntityOverlay();
    overlay.hold({ put: [], deleted: ['c1'] });
    expect(await overlay.get(deferred, 'c1')).toBeUndefined();
    overlay.forget(['c1']);
    expect(overlay.holds('c1')).toBe(false);
    expect((await overlay.get(deferred, 'c1'))?.name).toBe('Goma');
  });
});
