import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBuiltinPackWithResult } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import type { Entity, Pack } from '../../lib/pack/types';
import { mustPassValidationUnchanged } from '../../scripts/pack/catalogue';

// The worker imports the catalogue's own files without validating them again; these are the two halves of
// that trust: the build refuses what validation would refuse or change, the worker refuses a file that is
// not the pack it expects.

const entity = (id: string, name: string, description = `${name}, a test person.`): Entity => ({
  id,
  kind: 'person',
  name,
  description,
  sources: ['https://example.org/'],
});
const worldNews = BUILTIN_PACKS[0]!;
const pack = (entities: Entity[], id = worldNews.packId): Pack => ({
  format: 1,
  id,
  name: 'World news',
  version: '1',
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities,
});

describe('the pack build (scripts/pack/catalogue.ts)', () => {
  it('accepts a pack that validation leaves exactly as it is', () => {
    expect(() => mustPassValidationUnchanged(pack([entity('a', 'Ana Lima')]))).not.toThrow();
  });

  it('refuses a pack that does not validate, naming the first problem', () => {
    expect(() => mustPassValidationUnchanged(pack([entity('a', 'Ana Lima', 'A <b>bold</b> claim.')]))).toThrow(
      /does not validate.*entities\[0\]\.description/,
    );
  });

  it('refuses a pack that validation would change (a name it trims), naming the entity', () => {
    expect(() => mustPassValidationUnchanged(pack([entity('a', 'Ana Lima '), entity('b', 'Bo Chen')]))).toThrow(
      /validation changes the entity a/,
    );
  });
});

describe('importing a file of the catalogue in the worker', () => {
  let db: GlossDb;
  beforeEach(() => {
    db = openDb(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('imports the pack it expects', async () => {
    const result = await importBuiltinPackWithResult(db, pack([entity('a', 'Ana Lima')]), worldNews, {
      builtByCatalogue: true,
    });
    expect(result.entityCount).toBe(1);
    expect((await db.entities.get('a'))?.name).toBe('Ana Lima');
  });

  it('refuses another pack, or a file without entities, and writes nothing', async () => {
    for (const wrong of [pack([entity('a', 'Ana Lima')], 'someone-else'), { ...pack([]), entities: 'none' }, null]) {
      await expect(importBuiltinPackWithResult(db, wrong, worldNews, { builtByCatalogue: true })).rejects.toThrow(
        /packs\/world-news\.json is not the pack gloss-world-news/,
      );
    }
    expect(await db.entities.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });
});
