import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyPack } from '../../lib/kb/apply-pack';
import { declareSchema, DB_VERSION, openDb, SCHEMA_HISTORY, type GlossDb } from '../../lib/kb/db';
import { removeSourceData } from '../../lib/kb/apply-pack';
import { openOrRecover } from '../../lib/kb/open-or-recover';
import { searchEntities } from '../../lib/kb/search';
import type { Entity, Pack } from '../../lib/pack/types';
import { allVariants } from '../../lib/kb/variant-buckets';
import { bucketOf, bucketRows, WHOLE_SOURCE } from '../../lib/kb/bucket-of';

const entity = (id: string, name: string): Entity => ({
  id,
  kind: 'person',
  name,
  description: `${name}.`,
  sources: ['https://example.org/'],
});
const pack = (entities: Entity[], version: string): Pack => ({
  format: 1,
  id: 'p',
  name: 'p',
  version,
  license: 'CC0',
  attribution: 'tests',
  asOf: '2025',
  entities,
});
const source = { id: 's', kind: 'pack-url' as const, name: 's', enabled: true, priority: 1 };

describe('knowledge base faults', () => {
  it('keeps the old data whole when storage runs out in the middle of an import', async () => {
    const db = openDb(`quota-${Math.random()}`);
    await applyPack(db, source, pack([entity('a', 'Ana Lima'), entity('b', 'Bo Chen')], '1'));
    const before = await db.entities.toArray();
    const realBulkPut = db.entities.bulkPut.bind(db.entities);
    db.entities.bulkPut = (async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.entities.bulkPut;
    await expect(applyPack(db, source, pack([entity('c', 'Cy Dunn')], '2'))).rejects.toThrow(/quota/);
    db.entities.bulkPut = realBulkPut;
    expect(await db.entities.toArray()).toEqual(before);
    expect((await db.sources.get('s'))?.version).toBe('1');
    await db.delete();
  });
});

/**
 * A database from every earlier schema version, built with the declarations as they were (kept in
 * lib/kb/db.ts) and a row in every table it had, opened by the current code: every row is still there,
 * the tables added since are filled or empty as their upgrade says, and the data behaves.
 */
describe('upgrades from every earlier schema version', () => {
  const stored = (e: Entity, sourceIds: string[]) => ({
    ...e,
    searchKeys: [e.name.toLowerCase(), ...e.name.toLowerCase().split(' ')],
    sourceIds,
  });
  const rows = {
    sources: [
      { id: 'builtin', kind: 'builtin', name: 'World news', enabled: true, priority: 0, entityCount: 2, version: '2024-12-01' },
      { ...source, url: 'https://example.org/p.json', entityCount: 2, etag: '"e1"', lastSuccess: 1_700_000_000_000 },
      { id: 'personal', kind: 'personal', name: 'My entities', enabled: false, priority: 2, entityCount: 1 },
    ],
    entities: [
      stored(entity('a', 'Ana Lima'), ['builtin', 's']),
      stored(entity('b', 'Bo Chen'), ['builtin']),
      stored(entity('c', 'Cy Dunn'), ['s']),
      stored({ ...entity('personal:1', 'Dee Park'), sources: [] }, ['personal']),
    ],
    meta: [
      { key: 'kbRevision', value: 41 },
      { key: 'searchIndexStamp', value: '41' },
    ],
    notes: [
      { entityId: 'a', text: 'Met her in 2019.', updatedAt: 1 },
      { entityId: 'personal:1', text: 'My own.', updatedAt: 2 },
    ],
    downloads: [],
    downloadChunks: [],
  };
  // What each source gave, in the shape of v3 (a row each) and of v4 (buckets), as those versions wrote it.
  const given = [
    { sourceId: 'builtin', entity: entity('a', 'Ana Lima') },
    { sourceId: 'builtin', entity: entity('b', 'Bo Chen') },
    { sourceId: 'personal', entity: { ...entity('personal:1', 'Dee Park'), sources: [] } },
    { sourceId: 's', entity: entity('a', 'Ana Lima') },
    { sourceId: 's', entity: entity('c', 'Cy Dunn') },
  ];
  const variantRows = {
    variants: given.map(({ sourceId, entity: e }) => ({ sourceId, entityId: e.id, entity: e })),
    variantBuckets: bucketRows(given),
  };
  /** Tables the current schema still has, compared row for row; variants are compared as what each source gives. */
  const kept = ['entities', 'meta', 'notes', 'sources', 'downloads', 'downloadChunks'];
  const earlier = SCHEMA_HISTORY.filter((v) => v.version < DB_VERSION).map((v) => v.version);

  const TABLES_AT: Record<number, string[]> = {
    1: ['entities', 'meta', 'sources'],
    2: ['entities', 'meta', 'notes', 'sources'],
    3: ['downloadChunks', 'downloads', 'entities', 'meta', 'notes', 'sources', 'variants'],
    4: ['downloadChunks', 'downloads', 'entities', 'meta', 'notes', 'sources', 'variantBuckets', 'variants'],
    5: ['downloadChunks', 'downloads', 'entities', 'meta', 'notes', 'sources', 'variantBuckets'],
  };

  async function build(name: string, version: number): Promise<string[]> {
    const old = new Dexie(name);
    declareSchema(old, version);
    await old.open();
    const tables = old.tables.map((t) => t.name).sort();
    const all: Record<string, unknown[]> = { ...rows, ...variantRows };
    for (const table of tables) await old.table(table).bulkPut(all[table]!);
    old.close();
    return tables;
  }

  async function expectAllThere(db: GlossDb, tables: string[]) {
    const sorted = (list: unknown[]) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    expect(db.verno).toBe(DB_VERSION);
    for (const table of tables.filter((t) => kept.includes(t)))
      expect(sorted(await db.table(table).toArray()), table).toEqual(sorted(rows[table as keyof typeof rows] as unknown[]));
    // Every source's own copy of what it gave: written by the v3 upgrade from the merged rows, moved
    // into buckets by v4's.
    expect((await allVariants(db)).map((v) => [v.sourceId, v.entityId])).toEqual([
      ['builtin', 'a'],
      ['builtin', 'b'],
      ['personal', 'personal:1'],
      ['s', 'a'],
      ['s', 'c'],
    ]);
    // Since v6 the built-in source keeps what it gives in one whole row; the others keep their buckets.
    const rowsOf = async (sourceId: string) =>
      (await db.variantBuckets.where('sourceId').equals(sourceId).toArray()).map((r) => r.bucket);
    expect(await rowsOf('builtin')).toEqual([WHOLE_SOURCE]);
    expect(await rowsOf('s')).toEqual([...new Set([bucketOf('a'), bucketOf('c')])].sort((x, y) => x - y));
    expect(await db.downloads.count()).toBe(0);
    expect(await db.downloadChunks.count()).toBe(0);
    // The data behaves: search finds by prefix; removing a source keeps what another gives.
    expect((await searchEntities(db, 'cy du')).map((e) => e.id)).toEqual(['c']);
    await removeSourceData(db, 's');
    expect((await db.entities.get('a'))?.sourceIds).toEqual(['builtin']);
    expect(await db.entities.get('c')).toBeUndefined();
    // Notes came with v2: a v1 database has none, and its new table takes them.
    if (tables.includes('notes')) expect((await db.notes.get('a'))?.text).toBe('Met her in 2019.');
    else expect(await db.notes.count()).toBe(0);
  }

  it('covers every version before the current one', () => {
    expect(earlier).toEqual([1, 2, 3, 4, 5]);
  });

  for (const version of earlier) {
    it(`from version ${version}: every row of every table survives`, async () => {
      const name = `upgrade-v${version}-${Math.random()}`;
      const tables = await build(name, version);
      expect(tables).toEqual(TABLES_AT[version]);
      const db = openDb(name);
      try {
        await expectAllThere(db, tables);
      } finally {
        await db.delete();
      }
    });

    it(`from version ${version}, through the integrity check: upgraded, not rebuilt`, async () => {
      const name = `upgrade-checked-v${version}-${Math.random()}`;
      const tables = await build(name, version);
      const reports: unknown[] = [];
      const kb = openOrRecover(name, { readCopy: async () => null, saveReport: async (r) => void reports.push(r) });
      try {
        await kb.ready();
        expect(reports).toEqual([]);
        await expectAllThere(kb.db, tables);
      } finally {
        await kb.db.delete();
      }
    });
  }
});
