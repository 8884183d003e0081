import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySourcePack, setSourceEnabled } from '../../lib/kb/apply-pack';
import { BUCKETS, bucketOf, WHOLE_SOURCE } from '../../lib/kb/bucket-of';
import { declareSchema, openDb, type GlossDb } from '../../lib/kb/db';
import { sourceEntities, variantsOf } from '../../lib/kb/variant-buckets';
import { entity, freshDb, pack } from './support/sync-fixtures';

let db: GlossDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

const source = { id: 's', kind: 'pack-url' as const, name: 'S', enabled: true, priority: 0 };

describe('variant buckets', () => {
  it('spreads ids over the buckets, the same way every time', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `wd:Q${i}`);
    const used = new Set(ids.map(bucketOf));
    expect(used.size).toBeGreaterThan(BUCKETS * 0.99);
    expect(ids.every((id) => bucketOf(id) >= 0 && bucketOf(id) < BUCKETS)).toBe(true);
    // Stored rows depend on it: a change of hash would hide every stored variant. FNV-1a 32-bit, mod 1,024
    // (checked against an independent implementation).
    expect([bucketOf('wd:Q43723'), bucketOf('personal:1'), bucketOf('')]).toEqual([544, 428, 0x811c9dc5 % BUCKETS]);
  });

  it('rewrites only the buckets a change touches, and deletes a bucket left empty', async () => {
    await applySourcePack(db, source, pack([entity('a', 'Ana Lima'), entity('b', 'Bo Chen')], '1'));
    expect(await db.variantBuckets.count()).toBe(new Set([bucketOf('a'), bucketOf('b')]).size);
    // A bucket no change falls in is left as it was: mark it, and the mark survives the next sync.
    const untouched = (await db.variantBuckets.toArray()).find((r) => ![bucketOf('a'), bucketOf('c')].includes(r.bucket));
    expect(untouched, "b's bucket differs from a's and c's").toBeDefined();
    await db.variantBuckets.put({ ...untouched!, marked: true } as never);
    await applySourcePack(db, source, pack([entity('b', 'Bo Chen'), entity('c', 'Cy Dunn')], '2'));
    expect((await sourceEntities(db, 's')).map((e) => e.id)).toEqual(['b', 'c']);
    expect(await db.variantBuckets.get(['s', untouched!.bucket])).toMatchObject({ marked: true });
    await applySourcePack(db, source, pack([], '3'));
    expect(await db.variantBuckets.count()).toBe(0);
  });

  it('reads past a bucket damaged on disk, and the next write of the source mends it', async () => {
    await applySourcePack(db, source, pack([entity('a', 'Ana Lima'), entity('b', 'Bo Chen')]));
    await db.variantBuckets.put({ sourceId: 's', bucket: bucketOf('a'), entities: 'garbage' as never });
    const left = bucketOf('a') === bucketOf('b') ? [] : ['b'];
    expect((await sourceEntities(db, 's')).map((e) => e.id)).toEqual(left);
    expect((await variantsOf(db, ['a'])).get('a')).toEqual([]);
    await applySourcePack(db, source, pack([entity('a', 'Ana Lima'), entity('b', 'Bo Chen')]));
    expect((await sourceEntities(db, 's')).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('the v4 upgrade moves every placeable v3 row into buckets and skips one without an entity', async () => {
    const name = `buckets-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    declareSchema(old, 3);
    await old.open();
    await old.table('sources').put({ ...source, entityCount: 2 });
    await old.table('variants').bulkPut([
      { sourceId: 's', entityId: 'a', entity: entity('a', 'Ana Lima') },
      { sourceId: 's', entityId: 'b', entity: entity('b', 'Bo Chen') },
      { sourceId: 's', entityId: 'x', entity: null },
    ]);
    old.close();
    const upgraded = openDb(name);
    try {
      expect((await sourceEntities(upgraded, 's')).map((e) => e.id)).toEqual(['a', 'b']);
      expect(upgraded.tables.map((t) => t.name)).not.toContain('variants');
    } finally {
      await upgraded.delete();
    }
  });
});

describe('a built-in source in one whole row', () => {
  const builtin = { id: 'b', kind: 'builtin' as const, name: 'B', enabled: true, priority: 0 };
  const rowsOf = async (sourceId: string) =>
    (await db.variantBuckets.where('sourceId').equals(sourceId).toArray()).map((r) => r.bucket);

  it('is stored in one row, and a new version is told apart from it entity by entity', async () => {
    const first = [entity('a', 'Ana Lima'), entity('b', 'Bo Chen'), entity('c', 'Cy Dunn')];
    await applySourcePack(db, builtin, pack(first, '1'));
    expect(await rowsOf('b')).toEqual([WHOLE_SOURCE]);
    expect((await sourceEntities(db, 'b')).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    const next = [entity('a', 'Ana Lima'), entity('b', 'Bo Chen', { description: 'Changed.' }), entity('d', 'Di Eze')];
    const result = await applySourcePack(db, builtin, pack(next, '2'));
    expect(result).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 1 });
    expect((await db.entities.toArray()).map((e) => [e.id, e.description])).toEqual([
      ['a', 'Ana Lima, a test person.'],
      ['b', 'Changed.'],
      ['d', 'Di Eze, a test person.'],
    ]);
    expect(await rowsOf('b')).toEqual([WHOLE_SOURCE]);
  });

  it("keeps its own version of an entity another source also gives, through that source's changes and its own off and on", async () => {
    await applySourcePack(db, builtin, pack([entity('a', 'Ana Lima'), entity('b', 'Bo Chen')]));
    await applySourcePack(db, { ...source, priority: 1 }, pack([entity('a', 'Ana Lima', { description: "S's words." })]));
    expect(await db.entities.get('a')).toMatchObject({ description: 'Ana Lima, a test person.', sourceIds: ['b', 's'] });
    await setSourceEnabled(db, 'b', false);
    expect(await db.entities.get('a')).toMatchObject({ description: "S's words.", sourceIds: ['s'] });
    expect(await db.entities.get('b')).toBeUndefined();
    await setSourceEnabled(db, 'b', true);
    expect(await db.entities.get('a')).toMatchObject({ description: 'Ana Lima, a test person.', sourceIds: ['b', 's'] });
    expect((await db.entities.get('b'))?.sourceIds).toEqual(['b']);
  });

  it('reads a damaged whole row as empty, and the next import mends it', async () => {
    await applySourcePack(db, builtin, pack([entity('a', 'Ana Lima')], '1'));
    await db.variantBuckets.put({ sourceId: 'b', bucket: WHOLE_SOURCE, json: '[{"id": "a", ' });
    expect(await sourceEntities(db, 'b')).toEqual([]);
    await applySourcePack(db, builtin, pack([entity('a', 'Ana Lima')], '2'));
    expect((await sourceEntities(db, 'b')).map((e) => e.id)).toEqual(['a']);
  });
});
