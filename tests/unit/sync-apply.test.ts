import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applySourcePack,
  kbRevision,
  moveSource,
  previewRemoval,
  removeSourceData,
  setSourceEnabled,
} from '../../lib/kb/apply-pack';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { searchEntities } from '../../lib/kb/search';
import { entity, freshDb, kbIds, pack } from './support/sync-fixtures';
import { allVariants, sourceEntities } from '../../lib/kb/variant-buckets';

let db: GlossDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

const src = (id: string, priority: number) => ({ id, kind: 'pack-url' as const, name: `Source ${id}`, enabled: true, priority });

describe('two sources giving the same entity', () => {
  beforeEach(async () => {
    await applySourcePack(
      db,
      src('a', 0),
      pack([
        entity('x', 'Ana Lima', { description: 'A says so.', alternateName: [{ text: 'Lima' }] }),
        entity('only-a', 'Alpha Only'),
      ]),
    );
    await applySourcePack(
      db,
      src('b', 1),
      pack([
        entity('x', 'Ana Maria Lima', {
          description: 'B says otherwise.',
          roles: [{ label: 'Mayor', from: '2020' }],
          image: 'https://example.org/ana.jpg',
          links: { wikipedia: 'https://en.wikipedia.org/wiki/Ana', official: 'https://b.example/' },
          sources: ['https://b.example/ana'],
        }),
        entity('only-b', 'Beta Only'),
      ]),
    );
  });

  it("shows the first-ranked source's fields, fills the gaps from the next, pools names, keeps the other's words", async () => {
    const x = (await db.entities.get('x'))!;
    expect(x).toMatchObject({
      name: 'Ana Lima',
      description: 'A says so.',
      roles: [{ label: 'Mayor', from: '2020' }],
      image: 'https://example.org/ana.jpg',
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Ana', official: 'https://b.example/' },
      sourceIds: ['a', 'b'],
    });
    expect(x.alternateName).toEqual([{ text: 'Lima' }, { text: 'Ana Maria Lima' }]);
    expect(x.sources).toEqual(['https://example.org/', 'https://b.example/ana']);
    expect(x.alternatives).toEqual([
      {
        sourceId: 'b',
        sourceName: 'Source b',
        name: 'Ana Maria Lima',
        kind: 'person',
        description: 'B says otherwise.',
        // Stored roles say how far they were confirmed: the pack's asOf, as the pack left it out.
        roles: [{ label: 'Mayor', from: '2020', confirmed: '2025-01-01' }],
      },
    ]);
    // Both names find it.
    expect((await searchEntities(db, 'ana maria')).map((e) => e.id)).toEqual(['x']);
  });

  it('follows the user moving a source up', async () => {
    const change = await moveSource(db, 'b', 0);
    expect(change).toEqual({ changed: ['x'], deleted: [], reranked: true });
    expect((await db.sources.toArray()).map((s) => [s.id, s.priority])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    expect(await db.entities.get('x')).toMatchObject({
      name: 'Ana Maria Lima',
      description: 'B says otherwise.',
      sourceIds: ['b', 'a'],
    });
  });

  it('turning a source off hides only what it alone gives, and turning it on brings it back without a download', async () => {
    await setSourceEnabled(db, 'a', false);
    expect(await kbIds(db)).toEqual(['only-b', 'x']);
    expect(await db.entities.get('x')).toMatchObject({ description: 'B says otherwise.', sourceIds: ['b'] });
    expect((await db.entities.get('x'))!.alternatives).toBeUndefined();
    await setSourceEnabled(db, 'a', true);
    expect(await kbIds(db)).toEqual(['only-a', 'only-b', 'x']);
    expect((await db.entities.get('x'))!.description).toBe('A says so.');
  });

  it('previews a removal, then removes only what no other source gives', async () => {
    expect(await previewRemoval(db, 'a')).toEqual({ given: 2, removed: 1, removedNames: ['Alpha Only'], kept: 1 });
    const revision = await kbRevision(db);
    const change = await removeSourceData(db, 'a');
    expect(change).toEqual({ changed: ['x'], deleted: ['only-a'] });
    expect(await kbIds(db)).toEqual(['only-b', 'x']);
    expect(await db.entities.get('x')).toMatchObject({ name: 'Ana Maria Lima', sourceIds: ['b'] });
    expect(await db.sources.get('a')).toBeUndefined();
    expect(await sourceEntities(db, 'a')).toEqual([]);
    expect(await kbRevision(db)).toBeGreaterThan(revision);
  });

  it('re-applying the same pack writes nothing', async () => {
    const revision = await kbRevision(db);
    const result = await applySourcePack(
      db,
      src('a', 0),
      pack([
        entity('x', 'Ana Lima', { description: 'A says so.', alternateName: [{ text: 'Lima' }] }),
        entity('only-a', 'Alpha Only'),
      ]),
    );
    expect(result).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2, changed: [], deleted: [] });
    expect(await kbRevision(db)).toBe(revision);
  });
});

describe('the built-in pack', () => {
  it("keeps the user's choices when an update re-imports it", async () => {
    await importBuiltinPack(db, pack([entity('x', 'Ana Lima')]));
    await setSourceEnabled(db, 'builtin', false);
    await db.sources.update('builtin', { priority: 3 });
    await importBuiltinPack(db, pack([entity('x', 'Ana Lima'), entity('y', 'Bo Chen')], '2'));
    expect(await db.sources.get('builtin')).toMatchObject({ enabled: false, priority: 3, version: '2', entityCount: 2 });
    expect(await kbIds(db)).toEqual([]);
  });
});

describe('schema upgrade to v3', () => {
  it('gives every source its own copy of the entities it gave', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ entities: 'id, *searchKeys, kind, *sourceIds', sources: 'id', meta: 'key' });
    old.version(2).stores({ notes: 'entityId, updatedAt' });
    await old.open();
    await old.table('sources').bulkPut([
      { id: 'builtin', kind: 'builtin', name: 'World news', enabled: true, priority: 0, entityCount: 2 },
      { id: 'extra', kind: 'pack-url', name: 'Extra', enabled: true, priority: 1, entityCount: 1 },
    ]);
    await old.table('entities').bulkPut([
      { ...entity('x', 'Ana Lima'), searchKeys: ['ana lima'], sourceIds: ['builtin', 'extra'] },
      { ...entity('y', 'Bo Chen'), searchKeys: ['bo chen'], sourceIds: ['builtin'] },
    ]);
    await old.table('notes').put({ entityId: 'x', text: 'mine', updatedAt: 1 });
    old.close();

    const upgraded = openDb(name);
    try {
      expect((await allVariants(upgraded)).map((v) => [v.sourceId, v.entityId])).toEqual([
        ['builtin', 'x'],
        ['builtin', 'y'],
        ['extra', 'x'],
      ]);
      expect(await sourceEntities(upgraded, 'extra')).toEqual([entity('x', 'Ana Lima')]);
      expect(await upgraded.notes.get('x')).toMatchObject({ text: 'mine' });
      // And the upgraded data behaves: removing "extra" keeps x, given by the built-in pack.
      await removeSourceData(upgraded, 'extra');
      expect((await upgraded.entities.get('x'))!.sourceIds).toEqual(['builtin']);
    } finally {
      await upgraded.delete();
    }
  });
});
