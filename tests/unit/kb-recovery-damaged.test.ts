import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDb } from '../../lib/kb/db';
import { request } from '../../lib/kb/raw-idb';
import { startKb } from '../../lib/kb/start-kb';
import { BUILTIN, memoryArea, URL_ENTITIES, URL_SOURCE } from './support/kb-fault-fixtures';
import { allVariants } from '../../lib/kb/variant-buckets';
import { fresh, usersKb, recovering, expectUsersDataKept, upgradeRaw, brokenUntilDeleted } from './support/kb-recovery';

/**
 * A damaged, downgraded, unreadable or vanished knowledge base: each is rebuilt, with every note,
 * entity of the user's and subscribed source kept, the built-in pack imported again and the
 * subscribed sources due for a fetch; the user is told what happened.
 */

describe('a damaged database', () => {
  it('missing a table (notes) at this version: rebuilt, the notes taken from the second copy', async () => {
    const name = fresh('missing-table');
    const { populated, area, before } = await usersKb(name);
    // The same version number with a store gone cannot be made by an upgrade: rebuild the file that way.
    const rows = await (async () => {
      const db = openDb(name);
      const all = { sources: await db.sources.toArray(), variants: await allVariants(db) };
      db.close();
      return all;
    })();
    await Dexie.delete(name);
    const req = indexedDB.open(name, 30);
    req.onupgradeneeded = () => {
      const d = req.result;
      const entities = d.createObjectStore('entities', { keyPath: 'id' });
      entities.createIndex('searchKeys', 'searchKeys', { multiEntry: true });
      entities.createIndex('kind', 'kind');
      entities.createIndex('sourceIds', 'sourceIds', { multiEntry: true });
      const sources = d.createObjectStore('sources', { keyPath: 'id' });
      d.createObjectStore('meta', { keyPath: 'key' });
      const variants = d.createObjectStore('variants', { keyPath: ['sourceId', 'entityId'] });
      variants.createIndex('sourceId', 'sourceId');
      variants.createIndex('entityId', 'entityId');
      d.createObjectStore('downloads', { keyPath: 'sourceId' });
      d.createObjectStore('downloadChunks', { keyPath: ['sourceId', 'seq'] }).createIndex('sourceId', 'sourceId');
      for (const s of rows.sources) sources.put(s);
      for (const v of rows.variants) variants.put(v);
    };
    (await request(req)).close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect(reports[0]).toMatchObject({ reason: 'damaged', detail: 'the "notes" table is missing', fromCopy: { notes: 2 } });
  });

  it('missing a table, opened first by a page (whose Dexie added it back empty): still rebuilt, notes from the copy', async () => {
    const name = fresh('patched');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, DB_VERSION * 10 + 1, (db, tx) => {
      tx.objectStore('notes').clear();
      db.deleteObjectStore('notes');
    });
    // The popup opens the database with plain Dexie before the worker does: it patches in an empty table.
    const page = openDb(name);
    expect(await page.notes.count()).toBe(0);
    page.close();
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect(reports[0]).toMatchObject({ reason: 'damaged', detail: 'a table or index had gone missing and was added back empty' });
  });

  it('missing an index: rebuilt, and counting by kind works again', async () => {
    const name = fresh('missing-index');
    const { populated, area, before } = await usersKb(name);
    // The current version's tables, made by hand without the entities' kind index (an upgrade cannot
    // make a version with less).
    const db0 = openDb(name);
    const dump = {
      entities: await db0.entities.toArray(),
      sources: await db0.sources.toArray(),
      variantBuckets: await db0.variantBuckets.toArray(),
      notes: await db0.notes.toArray(),
    };
    db0.close();
    await Dexie.delete(name);
    const req = indexedDB.open(name, DB_VERSION * 10);
    req.onupgradeneeded = () => {
      const d = req.result;
      d.createObjectStore('entities', { keyPath: 'id' });
      d.createObjectStore('sources', { keyPath: 'id' });
      d.createObjectStore('meta', { keyPath: 'key' });
      d.createObjectStore('notes', { keyPath: 'entityId' }).createIndex('updatedAt', 'updatedAt');
      d.createObjectStore('variantBuckets', { keyPath: ['sourceId', 'bucket'] }).createIndex('sourceId', 'sourceId');
      d.createObjectStore('downloads', { keyPath: 'sourceId' });
      d.createObjectStore('downloadChunks', { keyPath: ['sourceId', 'seq'] }).createIndex('sourceId', 'sourceId');
      const tx = req.transaction!;
      for (const [store, list] of Object.entries(dump)) for (const row of list) tx.objectStore(store).put(row);
    };
    (await request(req)).close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect(reports[0]).toMatchObject({ reason: 'damaged', detail: 'the "entities" table lacks its "kind" index' });
    const people = (await kb.db.entities.toArray()).filter((e) => e.kind === 'person').length;
    expect(people).toBeGreaterThan(0);
    expect(await kb.db.entities.where('kind').equals('person').count()).toBe(people);
  });

  it('that IndexedDB cannot open at all: rebuilt from the second copy', async () => {
    const name = fresh('unreadable');
    const { populated, area, before } = await usersKb(name);
    const broken = brokenUntilDeleted(name);
    const { kb, deps, reports } = recovering(name, area, { indexedDB: broken });
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: false });
    expect(reports[0]).toMatchObject({
      reason: 'unreadable',
      fromCopy: { notes: 2, personalEntities: 1, sources: 3 },
      refetch: ['Desk pack'],
    });
    expect(reports[0]!.detail).toMatch(/UnknownError/);
  });

  it('gone while the second copy says there was one: rebuilt from the copy', async () => {
    const name = fresh('vanished');
    const { populated, area, before } = await usersKb(name);
    await Dexie.delete(name);
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: false });
    expect(reports[0]).toMatchObject({ reason: 'missing', fromCopy: { notes: 2, personalEntities: 1, sources: 3 } });
  });

  it('dropped and opened empty again by a page before the worker: rebuilt from the copy', async () => {
    const name = fresh('emptied');
    const { populated, area, before } = await usersKb(name);
    await Dexie.delete(name);
    // The options page opens first: its Dexie creates an empty database at the current version.
    const page = openDb(name);
    await page.open();
    page.close();
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: false });
    expect(reports[0]).toMatchObject({
      reason: 'missing',
      detail: 'the database was empty, but the second copy of your data was there',
    });
  });

  it('a first install (no database, no copy) is not a recovery', async () => {
    const name = fresh('first-install');
    const area = memoryArea();
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    expect(reports).toEqual([]);
    expect((await kb.db.sources.toArray()).map((s) => s.id)).toEqual(['builtin']);
    expect(await kb.db.entities.count()).toBe(BUILTIN.entities.length);
    // And looking before opening did not leave an empty version-1 database for Dexie to "upgrade".
    expect(kb.db.backendDB().version).toBe(DB_VERSION * 10);
  });

  it('whose upgrade throws on a malformed old row: salvaged from the old tables and rebuilt', async () => {
    const name = fresh('bad-upgrade');
    const area = memoryArea();
    const old = new Dexie(name);
    old.version(1).stores({ entities: 'id, *searchKeys, kind, *sourceIds', sources: 'id', meta: 'key' });
    old.version(2).stores({ notes: 'entityId, updatedAt' });
    await old.table('sources').bulkPut([
      { id: 'builtin', kind: 'builtin', name: 'World news', enabled: true, priority: 0, entityCount: 1, version: '1' },
      { ...URL_SOURCE, entityCount: 2 },
    ]);
    await old.table('entities').bulkPut([
      { ...URL_ENTITIES[0], searchKeys: ['cy dunn'], sourceIds: [URL_SOURCE.id] },
      // The v3 upgrade maps over sourceIds: a string there throws, and the whole upgrade aborts.
      { ...URL_ENTITIES[1], searchKeys: ['ana lima'], sourceIds: 'builtin' },
    ]);
    await old.table('notes').put({ entityId: 'u:cy', text: 'Old note', updatedAt: 5 });
    old.close();
    // Without the rebuild, the database cannot be opened at all.
    const plain = openDb(name);
    await expect(plain.open()).rejects.toThrow();
    plain.close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    expect(await kb.db.notes.toArray()).toEqual([{ entityId: 'u:cy', text: 'Old note', updatedAt: 5 }]);
    expect((await kb.db.entities.get('u:cy'))?.sourceIds).toEqual([URL_SOURCE.id]);
    expect((await kb.db.sources.get(URL_SOURCE.id))?.nextDue).toBe(0);
    expect(reports[0]).toMatchObject({ reason: 'open-failed', dropped: { entities: 1 } });
  });
});
