import { DB_VERSION, SCHEMA_HISTORY } from './db';
import { request } from './raw-idb';

/** What one object store on disk looks like. */
export interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  indexes: { name: string; keyPath: string | string[]; multiEntry: boolean }[];
}

export type Inspection =
  | { state: 'absent' }
  | { state: 'unreadable'; error: string }
  /** `sources`: rows in the sources table; none means not even the built-in pack was ever imported. */
  | { state: 'present'; version: number; stores: StoreShape[]; sources: number };

export type ProblemReason = 'downgraded' | 'damaged' | 'unreadable' | 'open-failed' | 'malformed' | 'missing';

export interface Problem {
  reason: ProblemReason;
  /** In words, for the log and the report. */
  detail: string;
  /** The schema version found on disk (Dexie's number), when there was one. */
  foundVersion?: number;
}

/**
 * Looks at a database without opening it through Dexie: Dexie 4 opens a database of a newer version
 * as it is, and quietly adds any store it misses (bumping the version), so by the time Dexie has
 * opened it, a downgrade or a lost store can no longer be told apart from a healthy database.
 */
export async function inspectDatabase(idb: IDBFactory, name: string): Promise<Inspection> {
  let db: IDBDatabase;
  try {
    const opened = await openExisting(idb, name);
    if (!opened) return { state: 'absent' };
    db = opened;
  } catch (e) {
    return { state: 'unreadable', error: describe(e) };
  }
  try {
    const names = [...db.objectStoreNames];
    const stores: StoreShape[] = [];
    let sources = 0;
    if (names.includes('sources')) sources = await request(db.transaction('sources', 'readonly').objectStore('sources').count());
    if (names.length > 0) {
      const tx = db.transaction(names, 'readonly');
      for (const storeName of names) {
        const store = tx.objectStore(storeName);
        stores.push({
          name: storeName,
          keyPath: store.keyPath,
          indexes: [...store.indexNames].map((i) => {
            const index = store.index(i);
            return { name: i, keyPath: index.keyPath, multiEntry: index.multiEntry };
          }),
        });
      }
    }
    return { state: 'present', version: db.version, stores, sources };
  } catch (e) {
    return { state: 'unreadable', error: describe(e) };
  } finally {
    db.close();
  }
}

/**
 * Opens a database only if it exists: a plain open would create an empty one at version 1, which
 * Dexie would then take for an old database to upgrade. Aborting the upgrade a new database needs
 * leaves nothing behind.
 */
async function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  let created = false;
  const req = idb.open(name);
  req.onupgradeneeded = () => {
    created = true;
    req.transaction?.abort();
  };
  try {
    return await request(req);
  } catch (e) {
    if (created) return null;
    throw e;
  }
}

/** Store shapes a database of Dexie version `version` must have, from the declared history. */
export function expectedStores(version: number): StoreShape[] {
  const specs = new Map<string, string>();
  for (const v of SCHEMA_HISTORY) {
    if (v.version > version) break;
    for (const [store, spec] of Object.entries(v.stores)) {
      if (spec === null) specs.delete(store);
      else specs.set(store, spec);
    }
  }
  return [...specs].map(([name, spec]) => {
    const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
    return {
      name,
      keyPath: keyPathOf(primary!.replace(/^(\+\+|&)/, '')),
      indexes: indexes.map((i) => {
        const bare = i.replace(/^[&*]+/, '');
        return { name: bare, keyPath: keyPathOf(bare), multiEntry: i.includes('*') };
      }),
    };
  });
}

function keyPathOf(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What is wrong with a database on disk, or null when it is one this code can open: the version one
 * of ours (Dexie stores version × 10), no newer, and every store and index that version declares
 * present with the same key paths. Extra stores are tolerated only in the sense that they make the
 * version newer than ours, which is a downgrade.
 */
export function diagnose(inspection: Inspection): Problem | null {
  if (inspection.state === 'absent') return null;
  if (inspection.state === 'unreadable')
    return { reason: 'unreadable', detail: `IndexedDB could not open it: ${inspection.error}` };
  const version = inspection.version / 10;
  // Dexie adds a missing store or index to a database it opens by raising the version by one (31 for
  // our 3): a page that opened a damaged database before the worker did leaves it so.
  if (!Number.isInteger(version) && Math.floor(version) <= DB_VERSION) {
    return { reason: 'damaged', detail: 'a table or index had gone missing and was added back empty', foundVersion: version };
  }
  if (version > DB_VERSION) {
    return {
      reason: 'downgraded',
      detail: `schema ${version}; this version of Gloss knows schema ${DB_VERSION}`,
      foundVersion: version,
    };
  }
  if (!SCHEMA_HISTORY.some((v) => v.version === version)) {
    return { reason: 'damaged', detail: `its schema version (${version}) is not one Gloss ever wrote`, foundVersion: version };
  }
  const found = new Map(inspection.stores.map((s) => [s.name, s]));
  for (const want of expectedStores(version)) {
    const have = found.get(want.name);
    if (!have) return { reason: 'damaged', detail: `the "${want.name}" table is missing`, foundVersion: version };
    if (!same(have.keyPath, want.keyPath)) {
      return { reason: 'damaged', detail: `the "${want.name}" table has the wrong key`, foundVersion: version };
    }
    for (const index of want.indexes) {
      const got = have.indexes.find((i) => i.name === index.name);
      if (!got || !same(got.keyPath, index.keyPath) || got.multiEntry !== index.multiEntry) {
        return { reason: 'damaged', detail: `the "${want.name}" table lacks its "${index.name}" index`, foundVersion: version };
      }
    }
  }
  return null;
}

export function describe(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) {
    const { name, message } = e as { name?: string; message?: string };
    return name && name !== 'Error' ? `${name}: ${message ?? ''}` : String(message);
  }
  return String(e);
}
