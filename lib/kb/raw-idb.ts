/**
 * Plain IndexedDB, for the few moments Dexie cannot be used: looking at a database before opening
 * it, reading what is left of one Dexie cannot open, deleting it.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = (e) => {
      // Handled here: an unhandled request error would also abort its transaction and be reported.
      e.preventDefault();
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

/**
 * Deletes a database. Another context holding it open (a Gloss page) is asked to close it by the
 * `versionchange` event, which Dexie answers by closing; one that does not answer in time makes this
 * fail rather than wait for ever.
 */
export function deleteDatabase(idb: IDBFactory, name: string, blockedTimeoutMs = 10_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = idb.deleteDatabase(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error ?? new Error(`deleting ${name} failed`));
    };
    req.onblocked = () => {
      timer ??= setTimeout(
        () => reject(new Error(`another page kept the database open for ${blockedTimeoutMs / 1000} s`)),
        blockedTimeoutMs,
      );
    };
  });
}

/** Rows of the stores a salvage reads, by store; a store that could not be read is absent. */
export interface RawDump {
  version: number;
  stores: Record<string, unknown[]>;
  /** meta rows read one by one (the stored matcher and search index are caches, and large). */
  meta: Record<string, unknown>;
  /** Stores that exist but could not be read, with why. */
  unreadable: Record<string, string>;
}

/** Stores whose rows are worth saving; the rest (entities, staged downloads) are rebuilt or fetched again. */
const SALVAGED = ['sources', 'variantBuckets', 'variants', 'notes'];
/** Before v3 there were no variants of either shape: entities are the only copy of what each source gave. */
const SALVAGED_WITHOUT_VARIANTS = ['entities'];
const META_KEYS = ['kbRevision'];

/**
 * Reads what can be read of a database, store by store, without Dexie and without upgrading it. A
 * store whose getAll fails is read again row by row, keeping the rows before the one that broke.
 */
export async function dumpDatabase(idb: IDBFactory, name: string): Promise<RawDump> {
  const db = await request(idb.open(name));
  try {
    const names = [...db.objectStoreNames];
    const hasVariants = names.includes('variants') || names.includes('variantBuckets');
    const wanted = [...SALVAGED, ...(hasVariants ? [] : SALVAGED_WITHOUT_VARIANTS)].filter((s) => names.includes(s));
    const dump: RawDump = { version: db.version, stores: {}, meta: {}, unreadable: {} };
    for (const store of wanted) {
      try {
        dump.stores[store] = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      } catch (e) {
        const rows: unknown[] = [];
        dump.unreadable[store] = e instanceof Error ? e.message : String(e);
        await readByCursor(db, store, rows).catch(() => undefined);
        if (rows.length > 0) dump.stores[store] = rows;
      }
    }
    if (names.includes('meta')) {
      for (const key of META_KEYS) {
        try {
          const row = await request(db.transaction('meta', 'readonly').objectStore('meta').get(key));
          if (row !== undefined) dump.meta[key] = (row as { value?: unknown }).value;
        } catch {
          // A cache counter: losing it only means caches are rebuilt.
        }
      }
    }
    return dump;
  } finally {
    db.close();
  }
}

function readByCursor(db: IDBDatabase, store: string, rows: unknown[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = db.transaction(store, 'readonly').objectStore(store).openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve();
      rows.push(cursor.value);
      cursor.continue();
    };
    req.onerror = (e) => {
      e.preventDefault();
      reject(req.error ?? new Error('cursor failed'));
    };
  });
}
