import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySourcePack, applySourcePacks, type SourcePack } from '../../lib/kb/apply-pack';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { allVariants } from '../../lib/kb/variant-buckets';
import type { Entity, Pack } from '../../lib/pack/types';

// The install imports the built-in catalogue in one transaction, merging from the packs in memory; it must
// leave the knowledge base exactly as importing the packs one by one does.

const entity = (id: string, name: string, description: string): Entity => ({
  id,
  kind: 'person',
  name,
  description,
  sources: ['https://example.org/'],
});
const pack = (id: string, entities: Entity[]): Pack => ({
  format: 1,
  id,
  name: id,
  version: '1',
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities,
});
const item = (id: string, priority: number, enabled: boolean, entities: Entity[]): SourcePack => ({
  source: { id, kind: 'builtin', name: id, enabled, priority },
  pack: pack(id, entities),
});

// Two sources give "shared" (the better-ranked one must win), one source is off, ids spread over many buckets.
const items = (): SourcePack[] => [
  item('second', 1, true, [entity('shared', 'Ana Lima', 'as the second source says'), entity('b', 'Bo Chen', 'b')]),
  item('first', 0, true, [
    entity('shared', 'Ana Lima', 'as the first source says'),
    ...Array.from({ length: 300 }, (_, i) => entity(`p${i}`, `Person ${i}`, `number ${i}`)),
  ]),
  item('off', 2, false, [entity('only-off', 'Cy Dunn', 'from a source turned off'), entity('b', 'Bo Chen', 'off')]),
];

const snapshot = async (db: GlossDb) => ({
  entities: await db.entities.orderBy('id').toArray(),
  variants: await allVariants(db),
  sources: (await db.sources.orderBy('id').toArray()).map(({ lastAttempt: _a, lastSuccess: _s, ...rest }) => rest),
});

let one: GlossDb;
let batch: GlossDb;
beforeEach(() => {
  one = openDb(`test-${Math.random()}`);
  batch = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await one.delete();
  await batch.delete();
});

describe('applySourcePacks', () => {
  it('stores what applying the packs one by one stores', async () => {
    for (const { source, pack: p } of items()) await applySourcePack(one, source, p);
    await applySourcePacks(batch, items());
    const [a, b] = [await snapshot(one), await snapshot(batch)];
    expect(b).toEqual(a);
    expect(b.entities.find((e) => e.id === 'shared')?.description).toBe('as the first source says');
    expect(b.entities.some((e) => e.id === 'only-off')).toBe(false);
    expect(b.entities).toHaveLength(302);
  });

  it("reports each source's own changes", async () => {
    const [second, first, off] = await applySourcePacks(batch, items());
    expect(second!.added).toBe(2);
    expect([...second!.changed].sort()).toEqual(['b', 'shared']);
    expect(first!.changed).toContain('shared');
    expect(first!.changed).toHaveLength(301);
    // The source that is off gives nothing to the knowledge base: its "b" is Bo Chen as "second" gives him.
    expect(off!.changed).toEqual(['b']);
    expect(off!.deleted).toEqual(['only-off']);
  });

  it('merges with what other sources already stored', async () => {
    await applySourcePack(
      batch,
      { id: 'user', kind: 'pack-url', name: 'user', enabled: true, priority: -1 },
      pack('u', [entity('shared', 'Ana Lima', "the user's own")]),
    );
    await applySourcePacks(batch, items());
    expect((await batch.entities.get('shared'))?.description).toBe("the user's own");
  });

  it('writes nothing when one pack of the batch fails', async () => {
    // "second" and "first" exist, "off" was removed: the first two are written before the third fails.
    for (const { source } of items().slice(0, 2)) await batch.sources.put({ ...source, entityCount: 0 });
    await expect(applySourcePacks(batch, items(), { mustExist: true })).rejects.toThrow(/"off" was removed/);
    expect(await batch.entities.count()).toBe(0);
    expect(await allVariants(batch)).toEqual([]);
    expect((await batch.sources.toArray()).map((s) => s.entityCount)).toEqual([0, 0]);
  });
});
