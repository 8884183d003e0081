import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, expect } from 'vitest';
import { DB_VERSION, openDb, type GlossDb } from '../../../lib/kb/db';
import { openOrRecover, type RecoveringDb, type RecoveryDeps } from '../../../lib/kb/open-or-recover';
import { listPersonal } from '../../../lib/kb/personal';
import { request } from '../../../lib/kb/raw-idb';
import { RECOVERY_REPORT_KEY, type RecoveryReport } from '../../../lib/kb/recovery-report';
import { searchEntities } from '../../../lib/kb/search';
import type { StartDeps } from '../../../lib/kb/start-kb';
import { readUserData, UserCopyKeeper, type UserCopy } from '../../../lib/kb/user-copy';
import { BUILTIN, ensureBuiltinFor, memoryArea, populate, URL_ENTITIES, URL_SOURCE, type Populated } from './kb-fault-fixtures';
import { sourceEntities } from '../../../lib/kb/variant-buckets';
import { statusText } from '../../../lib/sync/status-text';

/** Knowledge bases for the recovery tests: a user's after a while, opened through recovery, and factories that fail on cue. */

const names: string[] = [];
export const opened: GlossDb[] = [];
export const fresh = (prefix: string) => {
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
export async function usersKb(
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

export function recovering(name: string, area: ReturnType<typeof memoryArea>, over: Partial<RecoveryDeps> = {}) {
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
export async function expectUsersDataKept(
  kb: RecoveringDb,
  populated: Populated,
  before: UserCopy,
  opts: { urlEntities: boolean },
) {
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
export async function upgradeRaw(name: string, nativeVersion: number, change: (db: IDBDatabase, tx: IDBTransaction) => void) {
  const req = indexedDB.open(name, nativeVersion);
  req.onupgradeneeded = () => change(req.result, req.transaction!);
  (await request(req)).close();
}

export function brokenUntilDeleted(name: string): IDBFactory {
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
export function failingOpensAfterDelete(name: string): IDBFactory {
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
