import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMatchIndex } from '../../lib/core/match-index';
import { toStored } from '../../lib/core/index-store';
import { matchIndexProblem, repairCaches } from '../../lib/kb/cache-check';
import { DB_VERSION, openDb, type GlossDb } from '../../lib/kb/db';
import { openOrRecover, type RecoveringDb, type RecoveryDeps } from '../../lib/kb/open-or-recover';
import { listPersonal } from '../../lib/kb/personal';
import { request } from '../../lib/kb/raw-idb';
import { RecoveryJournal } from '../../lib/kb/recovery-journal';
import { describeRecovery, RECOVERY_REPORT_KEY, type RecoveryReport } from '../../lib/kb/recovery-report';
import { buildSalvage } from '../../lib/kb/salvage';
import { searchEntities } from '../../lib/kb/search';
import { checkAndRepair, startKb, type StartDeps } from '../../lib/kb/start-kb';
import { knowledgeStamp, loadOrBuildMatchIndex } from '../../lib/kb/stored-index';
import { readUserData, USER_COPY_KEY, UserCopyKeeper, type UserCopy } from '../../lib/kb/user-copy';
import { BUILTIN, ensureBuiltinFor, memoryArea, populate, URL_ENTITIES, URL_SOURCE, type Populated } from './kb-fault-fixtures';
import { allVariants, sourceEntities, sourceEntityIds } from '../../lib/kb/variant-buckets';
import { bucketOf } from '../../lib/kb/bucket-of';
import { statusText } from '../../lib/sync/status-text';

/**
 * A damaged, downgraded, unreadable or vanished knowledge base: each is rebuilt, with every note,
 * entity of the user's and subscribed source kept, the built-in pack imported again and the
 * subscribed sources due for a fetch; the user is told what happened.
 */

const names: string[] = [];
const opened: GlossDb[] = [];
const fresh = (prefix: string) => {
  const name = `${prefix}-${Math.random()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) {
    await Dexie.delete(name);
    await Dexie.delete(`${name}-recovery`);
  }
});

/** A knowledge base as a user's would be after a while, with its second copy written, then closed. */
async function usersKb(
  name: string,
  area = memoryArea(),
): Promise<{ populated: Populated; area: typeof area; before: UserCopy }> {
  const db = openDb(name);
  const populated = await populate(db);
  const copy = new UserCopyKeeper(db, area);
  copy.enable();
  await copy.save();
  const before = (await copy.read())!;
  db.close();
  return { populated, area, before };
}

function recovering(name: string, area: ReturnType<typeof memoryArea>, over: Partial<RecoveryDeps> = {}) {
  const reports: RecoveryReport[] = [];
  const kb = openOrRecover(name, {
    readCopy: async () => (await new UserCopyKeeper(openDb(name), area).read()) ?? null,
    saveReport: async (r) => {
      reports.push(r);
      await area.set({ [RECOVERY_REPORT_KEY]: r });
    },
    retryDelayMs: 10,
    ...over,
  });
  opened.push(kb.db);
  const copy = new UserCopyKeeper(kb.db, area);
  const deps: StartDeps = {
    kb,
    copy,
    ensureBuiltin: ensureBuiltinFor(kb.db),
    writeSettings: async () => undefined,
    saveReport: async (r) => void reports.push(r),
  };
  return { kb, copy, deps, reports };
}

/** What the user would check after any rebuild: all of their data, the built-in pack, sources due. */
async function expectUsersDataKept(kb: RecoveringDb, populated: Populated, before: UserCopy, opts: { urlEntities: boolean }) {
  const db = kb.db;
  expect(db.verno).toBe(DB_VERSION);
  expect(db.backendDB().version).toBe(DB_VERSION * 10);
  const after = await readUserData(db);
  expect(after.notes).toEqual(before.notes);
  expect(after.personal).toEqual(before.personal);
  expect((await listPersonal(db)).map((e) => e.id)).toEqual([populated.personalId]);
  // The user's entity is an entity again: searchable and on pages.
  expect((await searchEntities(db, 'mensah')).map((e) => e.id)).toEqual([populated.personalId]);
  // The built-in pack, imported again with the user's choices for it.
  expect((await db.sources.get('builtin'))?.version).toBe(BUILTIN.version);
  expect((await db.entities.get('b:bo'))?.name).toBe('Bo Chen');
  // The subscription: address and choices kept; validators gone so the server sends the whole file; due now.
  const url = (await db.sources.get(URL_SOURCE.id))!;
  expect(url).toMatchObject({ url: URL_SOURCE.url, enabled: true, priority: 1, intervalHours: 12, nextDue: 0 });
  expect(url.etag).toBeUndefined();
  expect(url.status).toMatchObject({ code: 'rebuilt' });
  expect(statusText(url.status!)).toMatch(/rebuilt its knowledge base.*fetched again/);
  const fromUrl = await sourceEntities(db, URL_SOURCE.id);
  const byId = (list: { id: string }[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(byId(fromUrl)).toEqual(opts.urlEntities ? byId(URL_ENTITIES) : []);
  // Merged as before: Ana is given by both, the built-in pack first.
  if (opts.urlEntities) expect((await db.entities.get('b:ana'))?.sourceIds).toEqual(['builtin', URL_SOURCE.id]);
}

/** Rewrites the database at a newer Dexie version, as a newer Gloss would (raw: no Dexie declarations). */
async function upgradeRaw(name: string, nativeVersion: number, change: (db: IDBDatabase, tx: IDBTransaction) => void) {
  const req = indexedDB.open(name, nativeVersion);
  req.onupgradeneeded = () => change(req.result, req.transaction!);
  (await request(req)).close();
}

describe('a database written by a newer Gloss (downgrade)', () => {
  it('opens as it is in plain Dexie 4, and quietly gains an empty notes table when the newer schema moved them', async () => {
    // Why the rebuild exists: without it, Dexie opens a newer database without complaint and "patches"
    // a store it misses, so the notes the newer version moved look lost, and the version is bumped.
    const name = fresh('dexie-downgrade');
    await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db, tx) => {
      db.createObjectStore('notes2', { keyPath: 'entityId' }).put({ entityId: 'b:ana', text: 'moved' });
      tx.objectStore('notes').clear();
      db.deleteObjectStore('notes');
    });
    const plain = openDb(name);
    opened.push(plain);
    expect(await plain.notes.count()).toBe(0);
    expect(plain.backendDB().version).toBe((DB_VERSION + 1) * 10 + 1);
  });

  it('is rebuilt at this version with everything the user made, when the newer schema only added a store', async () => {
    const name = fresh('downgrade');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) =>
      db.createObjectStore('highlights', { keyPath: 'id' }).put({ id: 'h1' }),
    );
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect([...kb.db.backendDB().objectStoreNames]).not.toContain('highlights');
    expect(reports[0]).toMatchObject({
      reason: 'downgraded',
      foundVersion: DB_VERSION + 1,
      kept: { notes: 2, personalEntities: 1, sources: 3, entities: 2 },
      dropped: { notes: 0, entities: 0, sources: 0 },
      fromCopy: { notes: 0, personalEntities: 0, sources: 0 },
      refetch: ['Desk pack'],
    });
    expect(area.data[RECOVERY_REPORT_KEY]).toEqual(reports[0]);
    expect(describeRecovery(reports[0]!).join(' ')).toMatch(
      /newer version of Gloss.*kept 2 notes, 1 entity of your own and 3 sources; the built-in pack was imported again\. Fetching again: Desk pack\./,
    );
    // The copy is written again from the rebuilt database, and equals what was there before.
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
  });

  it('keeps notes and the user’s entities even when the newer schema dropped variants and moved notes', async () => {
    const name = fresh('downgrade-moved');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db, tx) => {
      tx.objectStore('notes').clear();
      db.deleteObjectStore('notes');
      db.deleteObjectStore('variantBuckets');
      db.createObjectStore('notes2', { keyPath: 'entityId' });
    });
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    // Without variants, each source's entities are read back from the merged entities (as the v3 upgrade
    // does): the desk's own description of Ana is lost (the merged row shows the built-in's), the
    // rest is there; the notes come from the second copy.
    const db = kb.db;
    expect((await readUserData(db)).notes).toEqual(before.notes);
    expect((await listPersonal(db)).map((e) => e.id)).toEqual([populated.personalId]);
    expect((await sourceEntityIds(db, URL_SOURCE.id)).sort()).toEqual(['b:ana', 'u:cy']);
    expect(reports[0]).toMatchObject({ reason: 'downgraded', fromCopy: { notes: 2 } });
  });
});

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

describe('malformed rows in a database that opens', () => {
  it('are found by the read-through, left out, and everything else rebuilt', async () => {
    const name = fresh('malformed');
    const { populated, area, before } = await usersKb(name);
    const raw = openDb(name);
    await raw.entities.put({ id: 'b:bo', kind: 'person', searchKeys: [], sourceIds: ['builtin'] } as never); // no name
    const bucket = bucketOf('u:zz');
    const row = await raw.variantBuckets.get([URL_SOURCE.id, bucket]);
    await raw.variantBuckets.put({
      sourceId: URL_SOURCE.id,
      bucket,
      entities: [...(row?.entities ?? []), { id: 'u:zz', garbage: true } as never],
    });
    await raw.notes.put({ entityId: 'u:cy', text: 42, updatedAt: 'yesterday' } as never);
    await raw.sources.put({ id: 'url:bogus', kind: 'ftp', name: 7 } as never);
    raw.close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    // The start does not read every row; a run-time failure (or the daily check) does.
    const report = await checkAndRepair(deps, true);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect(await kb.db.sources.get('url:bogus')).toBeUndefined();
    expect(await kb.db.notes.get('u:cy')).toBeUndefined();
    expect(report).toMatchObject({ reason: 'malformed', dropped: { notes: 1, entities: 1, sources: 1 } });
    expect(report!.detail).toMatch(/sources "url:bogus": no known kind/);
    expect(reports.at(-1)).toEqual(report);
    // Checked again right after: clean.
    expect(await checkAndRepair(deps, true)).toBeNull();
  });

  it('a revision counter of the wrong type: caches dropped and the counter restarted past any old value', async () => {
    const name = fresh('meta');
    const { area } = await usersKb(name);
    const raw = openDb(name);
    const stamp = await knowledgeStamp(raw);
    await loadOrBuildMatchIndex(raw);
    expect((await raw.meta.get('matchIndex'))?.value).toMatchObject({ stamp });
    await raw.meta.put({ key: 'kbRevision', value: 'seven' });
    raw.close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    expect(await kb.db.meta.get('matchIndex')).toBeUndefined();
    expect((await kb.db.meta.get('kbRevision'))?.value).toBeGreaterThanOrEqual(1_700_000_000_000);
    expect(reports).toEqual([expect.objectContaining({ reason: 'caches', detail: 'the revision counter was not a number' })]);
    expect(await repairCaches(kb.db)).toBeNull();
  });

  it('a stored matcher with garbage inside is told apart from a sound one', async () => {
    const name = fresh('matcher');
    const db = openDb(name);
    opened.push(db);
    await populate(db);
    const sound = buildMatchIndex(await db.entities.toArray());
    expect(matchIndexProblem(sound)).toBeNull();
    // Stored with the right stamp, as a bit flip or a half-written blob would leave it.
    const stored = toStored(sound, await knowledgeStamp(db));
    const garbage = [
      { ...stored, automaton: { ...stored.automaton, edgeTarget: stored.automaton.edgeTarget.map(() => 999_999) } },
      { ...stored, automaton: { ...stored.automaton, firstEdge: new Uint32Array(3) } },
      { ...stored, variants: { ...stored.variants, entity: stored.variants.entity.map(() => 77) } },
      { ...stored, variants: { ...stored.variants, text: '' } },
      { ...stored, automaton: { ...stored.automaton, output: Int32Array.from(stored.automaton.output, () => 1e6) } },
    ];
    for (const blob of garbage) {
      await db.meta.put({ key: 'matchIndex', value: blob });
      const { index, loaded } = await loadOrBuildMatchIndex(db);
      expect(loaded).toBe(true);
      expect(matchIndexProblem(index)).not.toBeNull();
    }
  });
});

describe('a rebuild cut off by the worker stopping', () => {
  /** The states a stopped rebuild can leave, once its salvage is journalled. */
  const cutAt = {
    'before the delete': async () => undefined,
    'after the delete': async (name: string) => Dexie.delete(name),
    'in the restore (its transaction aborted: an empty database)': async (name: string) => {
      await Dexie.delete(name);
      const empty = openDb(name);
      await empty.open();
      empty.close();
    },
    'after the restore committed, before the journal was removed': async (name: string, journalled: unknown) => {
      await Dexie.delete(name);
      const { restoreSalvage } = await import('../../lib/kb/restore-salvage');
      const db = openDb(name);
      await restoreSalvage(db, journalled as never);
      db.close();
    },
  };

  for (const [where, leave] of Object.entries(cutAt)) {
    it(`${where}: the next start finishes it from the journal`, async () => {
      const name = fresh('journal');
      const { populated, area, before } = await usersKb(name);
      await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) => db.createObjectStore('extra'));
      // What the first worker got to: the salvage, journalled.
      const journal = new RecoveryJournal(name);
      const { dumpDatabase } = await import('../../lib/kb/raw-idb');
      const salvage = buildSalvage(
        await dumpDatabase(indexedDB, name),
        before,
        { reason: 'downgraded', detail: 'test' },
        Date.now(),
      );
      await journal.write(salvage);
      journal.close();
      await leave(name, salvage);

      const { kb, deps, reports } = recovering(name, area);
      await startKb(deps);
      await expectUsersDataKept(kb, populated, before, { urlEntities: true });
      expect(reports[0]).toMatchObject({ reason: 'downgraded', detail: 'test' });
      expect(await new RecoveryJournal(name).read()).toBeNull();
    });
  }

  it('resumed over a database the user wrote to meanwhile: keeps both what was salvaged and what was written since', async () => {
    const name = fresh('journal-merge');
    const { populated, area, before } = await usersKb(name);
    const { dumpDatabase } = await import('../../lib/kb/raw-idb');
    const salvage = buildSalvage(await dumpDatabase(indexedDB, name), null, { reason: 'downgraded', detail: 'test' }, Date.now());
    const journal = new RecoveryJournal(name);
    await journal.write(salvage);
    journal.close();
    // The last worker's rebuild failed after the delete; it ran on an empty database, and the user
    // wrote a note and an entity into it (the copy was not updated: it stays off after a failure).
    await Dexie.delete(name);
    const meanwhile = openDb(name);
    await ensureBuiltinFor(meanwhile)();
    await meanwhile.notes.put({ entityId: 'b:bo', text: 'Written after the failed rebuild.', updatedAt: 9 });
    const { savePersonal } = await import('../../lib/kb/personal');
    const laterId = await savePersonal(meanwhile, {
      kind: 'place',
      name: 'Tell Abyad',
      aliases: [],
      description: 'A town.',
      sources: [],
    });
    meanwhile.close();

    const { kb, deps } = recovering(name, area);
    await startKb(deps);
    const notes = (await kb.db.notes.toArray()).map((n) => n.entityId).sort();
    expect(notes).toEqual([...before.notes.map((n) => n.entityId), 'b:bo'].sort());
    expect((await listPersonal(kb.db)).map((e) => e.id).sort()).toEqual([populated.personalId, laterId].sort());
    expect((await kb.db.sources.get(URL_SOURCE.id))?.url).toBe(URL_SOURCE.url);
    expect(await new RecoveryJournal(name).read()).toBeNull();
  });

  it('a restore that fails is recorded, keeps the journal and the copy, and the next start completes it', async () => {
    const name = fresh('restore-fails');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) => db.createObjectStore('extra'));
    // The first worker: the delete works, opening the new database fails (as a full disk would).
    const flaky = failingOpensAfterDelete(name);
    const first = recovering(name, area, { indexedDB: flaky });
    await expect(startKb(first.deps)).rejects.toThrow();
    expect(first.kb.lastReport?.failed).toBeTruthy();
    expect((area.data[RECOVERY_REPORT_KEY] as RecoveryReport).failed).toBeTruthy();
    // The copy was not overwritten by whatever the failed start could see.
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
    first.kb.db.close();

    const second = recovering(name, area);
    await startKb(second.deps);
    await expectUsersDataKept(second.kb, populated, before, { urlEntities: true });
    expect(second.reports[0]).toMatchObject({ reason: 'downgraded' });
  });
});

describe('the second copy of the user’s data', () => {
  it('follows the user’s data even when the built-in import fails at start, and the failure is passed on', async () => {
    const name = fresh('builtin-fails');
    const { area, before } = await usersKb(name);
    delete area.data[USER_COPY_KEY];
    const { deps } = recovering(name, area);
    await expect(startKb({ ...deps, ensureBuiltin: () => Promise.reject(new Error('no pack file')) })).rejects.toThrow(
      'no pack file',
    );
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
    expect((area.data[USER_COPY_KEY] as UserCopy).personal).toEqual(before.personal);
  });

  it('follows every note and entity write, and is not rewritten when nothing it holds changed', async () => {
    const name = fresh('copy');
    const db = openDb(name);
    opened.push(db);
    const area = memoryArea();
    let writes = 0;
    const counting = { get: area.get, set: async (items: Record<string, unknown>) => void (writes++, await area.set(items)) };
    const copy = new UserCopyKeeper(db, counting);
    await populate(db);
    await copy.save();
    expect(writes).toBe(0); // off until the database is known good
    copy.enable();
    await copy.save();
    expect(writes).toBe(1);
    await copy.save();
    expect(writes).toBe(1);
    // A sync changes status fields only: the copy holds none of them.
    await db.sources.update(URL_SOURCE.id, { lastChecked: 5, lastResult: 'Checked.' });
    await copy.save();
    expect(writes).toBe(1);
    await db.notes.put({ entityId: 'b:bo', text: 'new', updatedAt: 9 });
    await copy.save();
    expect(writes).toBe(2);
    expect((area.data[USER_COPY_KEY] as UserCopy).notes.map((n) => n.entityId)).toContain('b:bo');
    // A new keeper (a new worker) compares with what is stored instead of writing again.
    const next = new UserCopyKeeper(db, counting);
    next.enable();
    await next.save();
    expect(writes).toBe(2);
  });

  it('a storage quota error never fails the write it follows, and is kept for the status', async () => {
    const name = fresh('copy-quota');
    const db = openDb(name);
    opened.push(db);
    const full = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const copy = new UserCopyKeeper(db, full);
    copy.enable();
    await populate(db);
    await expect(copy.save()).resolves.toBeUndefined();
    expect(copy.lastError).toMatch(/quota/);
  });
});

/** An IndexedDB where the named database fails to open (as a corrupted file does) until it is deleted. */
function brokenUntilDeleted(name: string): IDBFactory {
  let broken = true;
  return wrapFactory({
    open: (real, n, v) =>
      n === name && broken
        ? failedRequest(new DOMException('Internal error opening backing store', 'UnknownError'))
        : real.open(n, v),
    deleteDatabase: (real, n) => {
      if (n === name) broken = false;
      return real.deleteDatabase(n);
    },
  });
}

/** An IndexedDB where, once the named database was deleted, opening it fails (the disk filled up). */
function failingOpensAfterDelete(name: string): IDBFactory {
  let deleted = false;
  return wrapFactory({
    open: (real, n, v) =>
      n === name && deleted ? failedRequest(new DOMException('The disk is full', 'QuotaExceededError')) : real.open(n, v),
    deleteDatabase: (real, n) => {
      if (n === name) deleted = true;
      return real.deleteDatabase(n);
    },
  });
}

function wrapFactory(over: {
  open: (real: IDBFactory, name: string, version?: number) => IDBOpenDBRequest;
  deleteDatabase: (real: IDBFactory, name: string) => IDBOpenDBRequest;
}): IDBFactory {
  const real = indexedDB;
  return {
    open: (n: string, v?: number) => over.open(real, n, v),
    deleteDatabase: (n: string) => over.deleteDatabase(real, n),
    cmp: (a: unknown, b: unknown) => real.cmp(a, b),
    databases: () => real.databases(),
  } as IDBFactory;
}

function failedRequest(error: DOMException): IDBOpenDBRequest {
  const req = {
    error,
    result: undefined,
    readyState: 'done',
    transaction: null,
    source: null,
    onsuccess: null as ((e: unknown) => void) | null,
    onerror: null as ((e: unknown) => void) | null,
    onupgradeneeded: null,
    onblocked: null,
    addEventListener() {},
    removeEventListener() {},
  };
  setTimeout(() => req.onerror?.({ target: req, type: 'error', preventDefault() {}, stopPropagation() {} }), 0);
  return req as unknown as IDBOpenDBRequest;
}

describe('the second copy follows writes made anywhere', () => {
  it('after a source is added by other code, the copy lists it', async () => {
    const { followUserData } = await import('../../lib/kb/user-copy');
    const { addUrlSource } = await import('../../lib/sync/registry');
    const name = fresh('follow');
    const db = openDb(name);
    opened.push(db);
    const area = memoryArea();
    const copy = new UserCopyKeeper(db, area);
    copy.enable();
    await populate(db);
    await copy.save();
    const stop = followUserData(db, copy, 10);
    try {
      await addUrlSource(db, { url: 'https://example.net/x.json', kind: 'pack-url', name: 'X' });
      await expect
        .poll(() => (area.data[USER_COPY_KEY] as UserCopy).sources.map((s) => s.name), { timeout: 2_000 })
        .toContain('X');
    } finally {
      stop();
    }
  });
});
