import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyPack } from '../../lib/kb/apply-pack';
import { openDb } from '../../lib/kb/db';
import type { Entity, Pack } from '../../lib/pack/types';

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

  it('upgrades a version 1 database with its data and notes preserved', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ entities: 'id, *searchKeys, kind, *sourceIds', sources: 'id', meta: 'key' });
    await v1.table('entities').put({ ...entity('a', 'Ana Lima'), searchKeys: ['ana lima'], sourceIds: ['s'] });
    await v1.table('sources').put({ ...source, entityCount: 1 });
    v1.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect((await db.entities.get('a'))?.name).toBe('Ana Lima');
    expect((await db.sources.get('s'))?.entityCount).toBe(1);
    await db.notes.put({ entityId: 'a', text: 'met her in 2019', updatedAt: 1 });
    expect(await db.entities.where('searchKeys').startsWith('ana').count()).toBe(1);
    await db.delete();
  });
});
