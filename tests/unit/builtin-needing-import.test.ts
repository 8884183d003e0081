import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinsNeedingImport } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';

// A worker checks every pack of the catalogue in one read before its matcher is ready (entrypoints/background/knowledge.ts).

let db: GlossDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('builtinsNeedingImport', () => {
  it('says for each pack whether it is missing or stored at another version, in the order asked', async () => {
    db = openDb(`needing-${Math.random()}`);
    await db.sources.bulkPut([
      { id: 'builtin', kind: 'builtin', name: 'World news', enabled: true, priority: 0, entityCount: 1, version: '2' },
      { id: 'builtin-places', kind: 'builtin', name: 'Places', enabled: false, priority: 1, entityCount: 1, version: '1' },
    ]);
    const due = await builtinsNeedingImport(db, [
      { sourceId: 'builtin-places', version: '1' },
      { sourceId: 'builtin', version: '3' },
      { sourceId: 'builtin-media', version: '1' },
      { sourceId: 'builtin', version: '2' },
    ]);
    expect(due).toEqual([false, true, true, false]);
  });

  it('answers an empty list for no packs', async () => {
    db = openDb(`needing-${Math.random()}`);
    expect(await builtinsNeedingImport(db, [])).toEqual([]);
  });
});
