import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPack } from '../../lib/kb/apply-pack';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { searchEntities } from '../../lib/kb/search';
import type { Entity, Pack } from '../../lib/pack/types';
import { entity as testEntity, pack as testPack } from './support/sync-fixtures';

const entity = (id: string, name: string, aliases: string[] = []): Entity =>
  testEntity(id, name, { alternateName: aliases.map((text) => ({ text })) });
const pack = (entities: Entity[], version = '1'): Pack => testPack(entities, version, 'test');
const source = (id: string) => ({ id, kind: 'pack-url' as const, name: id, enabled: true, priority: 1 });

let db: GlossDb;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('applyPack', () => {
  it('adds, updates and removes what one source gives', async () => {
    await applyPack(db, source('a'), pack([entity('x', 'Ana Lima'), entity('y', 'Bo Chen')]));
    const report = await applyPack(db, source('a'), pack([entity('x', 'Ana Lima Souza'), entity('z', 'Cy Dunn')]));
    expect(report).toEqual({ added: 1, updated: 1, removed: 1 });
    expect((await db.entities.toArray()).map((e) => e.id).sort()).toEqual(['x', 'z']);
    expect((await db.entities.get('x'))?.name).toBe('Ana Lima Souza');
    expect((await db.sources.get('a'))?.entityCount).toBe(2);
  });

  it('keeps an entity another source still gives', async () => {
    await applyPack(db, source('a'), pack([entity('x', 'Ana Lima')]));
    await applyPack(db, source('b'), pack([entity('x', 'Ana Lima')]));
    await applyPack(db, source('a'), pack([]));
    expect((await db.entities.get('x'))?.sourceIds).toEqual(['b']);
  });
});

describe('importBuiltinPack', () => {
  it('refuses an invalid pack whole and leaves the knowledge base as it was', async () => {
    await importBuiltinPack(db, pack([entity('x', 'Ana Lima')]));
    const bad = pack([entity('y', 'Bo Chen'), { ...entity('z', 'Cy Dunn'), sources: ['javascript:alert(1)'] }]);
    await expect(importBuiltinPack(db, bad)).rejects.toThrow(/invalid.*sources\[0\]/);
    expect((await db.entities.toArray()).map((e) => e.id)).toEqual(['x']);
  });
});

describe('searchEntities', () => {
  beforeEach(async () => {
    await applyPack(
      db,
      source('a'),
      pack([entity('n', 'Benjamin Netanyahu', ['Bibi']), entity('e', 'Recep Tayyip Erdoğan'), entity('b', 'Naftali Bennett')]),
    );
  });
  it.each([
    ['netan', ['n']],
    ['NETANYAHU', ['n']],
    ['bibi', ['n']],
    ['benjamin net', ['n']],
    ['erdogan', ['e']],
    ['n', ['b', 'n']],
    ['zzz', []],
    ['', []],
  ])('"%s" finds %j', async (query, ids) => {
    expect((await searchEntities(db, query)).map((e) => e.id).sort()).toEqual(ids.sort());
  });
});
