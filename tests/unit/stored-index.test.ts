import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { fromStored, toStored } from '../../lib/core/index-store';
import { buildMatchIndex } from '../../lib/core/match-index';
import { applyPack } from '../../lib/kb/apply-pack';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { loadOrBuildMatchIndex, readStoredMatchIndex } from '../../lib/kb/stored-index';
import type { Entity } from '../../lib/pack/types';

const entities: Entity[] = [
  {
    id: 'a',
    kind: 'person',
    name: 'Ana Lima',
    alternateName: [{ text: 'Lima' }],
    description: 'x',
    sources: ['https://example.org/'],
  },
  { id: 'b', kind: 'place', name: 'Lima', description: 'x', sources: ['https://example.org/'], prior: 0.9 },
  {
    id: 'c',
    kind: 'organization',
    name: 'Union of Testers',
    alternateName: [{ text: 'UOT' }],
    description: 'x',
    sources: ['https://example.org/'],
  },
];
const text = 'Ana Lima of the UOT flew to Lima; the uot did not.';

describe('stored match index', () => {
  it('annotates exactly as the index it was stored from', () => {
    const built = buildMatchIndex(entities);
    const restored = fromStored(structuredClone(toStored(built, 's1')), 's1');
    expect(restored).not.toBeNull();
    expect(annotate(restored!, text)).toEqual(annotate(built, text));
  });

  it('is refused when the stamp or format differs', () => {
    const stored = toStored(buildMatchIndex(entities), 's1');
    expect(fromStored(stored, 's2')).toBeNull();
    expect(fromStored({ ...stored, format: 1 }, 's1')).toBeNull();
    expect(fromStored(undefined, 's1')).toBeNull();
  });

  describe('in the knowledge base', () => {
    let db: GlossDb;
    beforeEach(() => {
      db = openDb(`idx-${Math.random()}`);
    });
    afterEach(() => db.delete());
    const source = { id: 's', kind: 'pack-url' as const, name: 's', enabled: true, priority: 1 };
    const pack = (list: Entity[], version: string) => ({
      format: 1 as const,
      id: 'p',
      name: 'p',
      version,
      license: 'x',
      attribution: 'x',
      asOf: '2025',
      entities: list,
    });

    it('is built once, then loaded, and rebuilt after the knowledge base changes', async () => {
      await applyPack(db, source, pack(entities, '1'));
      expect((await loadOrBuildMatchIndex(db)).loaded).toBe(false);
      expect((await loadOrBuildMatchIndex(db)).loaded).toBe(true);
      await applyPack(db, source, pack(entities.slice(0, 1), '2'));
      const after = await loadOrBuildMatchIndex(db);
      expect(after.loaded).toBe(false);
      expect(after.index.entities.map((e) => e.id)).toEqual(['a']);
    });

    it('takes a matcher read ahead of a write only if it was stored for the revision after it', async () => {
      await applyPack(db, source, pack(entities, '1'));
      await loadOrBuildMatchIndex(db);
      // Read at worker start, then an import lands before the first lookup: the early read is stale.
      const early = readStoredMatchIndex(db);
      await early;
      await applyPack(db, source, pack(entities.slice(0, 1), '2'));
      const after = await loadOrBuildMatchIndex(db, early);
      expect(after.loaded).toBe(false);
      expect(after.index.entities.map((e) => e.id)).toEqual(['a']);
      // Nothing written since: the early read is the matcher, without a second read.
      const current = readStoredMatchIndex(db);
      await current;
      const get = db.meta.get.bind(db.meta);
      const keysRead: unknown[] = [];
      db.meta.get = ((key: string) => (keysRead.push(key), get(key))) as typeof db.meta.get;
      const loaded = await loadOrBuildMatchIndex(db, current);
      expect(loaded.loaded).toBe(true);
      // Entities of a loaded matcher are decoded on first read by index (lib/core/index-store.ts).
      expect([loaded.index.entities.length, loaded.index.entities[0]?.id]).toEqual([1, 'a']);
      expect(keysRead).toEqual(['kbRevision']);
    });

    it('keeps the built-in entities of a flooded alias: subscribed packs are cut first', async () => {
      const flood = (n: number, from: number) =>
        Array.from({ length: n }, (_, i) => ({
          id: `flood${from + i}`,
          kind: 'person' as const,
          name: 'Lima',
          description: 'x',
          sources: ['https://example.org/'],
        }));
      // Ids that sort before the built-in one: the order of the table alone would put the flood first.
      const builtinPlace = { ...entities[1]!, id: 'zz-lima' };
      for (let p = 0; p < 4; p++)
        await applyPack(db, { ...source, id: `hostile${p}`, priority: p + 2 }, { ...pack(flood(20, p * 20), '1'), id: `h${p}` });
      await applyPack(
        db,
        { id: 'builtin', kind: 'builtin', name: 'World news', enabled: true, priority: 9 },
        pack([builtinPlace], '1'),
      );
      const { index } = await loadOrBuildMatchIndex(db);
      const [mention] = annotate(index, 'She flew to Lima.');
      expect(mention?.candidates).toContain('zz-lima');
    });
  });
});
