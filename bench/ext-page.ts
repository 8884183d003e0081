// Longer than 300 lines: page.evaluate sends each function's source alone, so every one carries its own IndexedDB and messaging code; they are one list of probes.
/**
 * Functions evaluated inside one of Gloss's extension pages (page.evaluate). Each is self-contained
 * (page.evaluate sends a function's source, not its module: hence the repeated indexedDB.open), times itself with the page's clock (no Playwright round trip inside a figure) and reads the
 * knowledge base straight from IndexedDB where it must not wake the worker.
 */

/** One request to the background as Gloss's pages send it (@webext-core/messaging's envelope). */
export async function timeMessage({
  type,
  data,
}: {
  type: string;
  data: unknown;
}): Promise<{ ms: number; reply: unknown; sentAt: number }> {
  const t0 = performance.now();
  const reply = (await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })) as {
    res?: { ok: boolean; value?: unknown; error?: string };
  };
  const ms = performance.now() - t0;
  if (!reply?.res?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply).slice(0, 300)}`);
  // Epoch milliseconds, comparable with a worker's performance.timeOrigin.
  return { ms, reply: reply.res.value, sentAt: performance.timeOrigin + t0 };
}

/**
 * Reads the stored matcher the way a starting worker does (one IndexedDB get, structured-clone
 * deserialisation), in a page: the part of a cold start that is the matcher's size. Then times the
 * entity count the worker's stamp needs, on its own. Sizes count a string at two bytes a character.
 */
export async function timeStoredMatcherRead(): Promise<{ ms: number; mb: number; countMs: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('gloss');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    const t0 = performance.now();
    const record = await new Promise<{ value?: Record<string, unknown> } | undefined>((resolve, reject) => {
      const get = db.transaction('meta', 'readonly').objectStore('meta').get('matchIndex');
      get.onsuccess = () => resolve(get.result as { value?: Record<string, unknown> } | undefined);
      get.onerror = () => reject(get.error);
    });
    const ms = performance.now() - t0;
    let bytes = 0;
    const visit = (v: unknown): void => {
      if (ArrayBuffer.isView(v)) bytes += v.byteLength;
      else if (typeof v === 'string') bytes += v.length * 2;
      else if (v && typeof v === 'object') Object.values(v).forEach(visit);
    };
    visit(record?.value);
    if (!record?.value) throw new Error('no stored matcher in meta.matchIndex');
    const t1 = performance.now();
    await new Promise((resolve, reject) => {
      const count = db.transaction('entities', 'readonly').objectStore('entities').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    });
    return { ms, mb: bytes / (1024 * 1024), countMs: performance.now() - t1 };
  } finally {
    db.close();
  }
}

/** Deletes a meta record behind the worker's back (it must be stopped, or it may write it again). */
export async function deleteMeta(key: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('gloss');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').delete(key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export interface ImportTimeline {
  /** Until the source's status says it is done (version stored, no sync marker). */
  doneMs: number;
  /** Until the whole body was staged (received = total). */
  downloadedMs: number | null;
  /** Until the status entered the apply phase: parsing and validation are over. */
  applyMs: number | null;
  lastResult: string;
  entityCount: number;
}

/**
 * Subscribes a pack-URL source, as the options page does, and watches its status in IndexedDB until
 * it says done. Polled every 50 ms, so each time is late by at most that.
 */
export async function subscribeAndWatch({ url, timeoutMs }: { url: string; timeoutMs: number }): Promise<ImportTimeline> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('gloss');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  interface Status {
    version?: string;
    syncing?: { phase: string; received: number; total?: number };
    lastResult?: string;
    lastError?: string;
    entityCount: number;
  }
  const read = (id: string) =>
    new Promise<Status | undefined>((resolve, reject) => {
      const get = db.transaction('sources', 'readonly').objectStore('sources').get(id);
      get.onsuccess = () => resolve(get.result as Status | undefined);
      get.onerror = () => reject(get.error);
    });
  try {
    const t0 = performance.now();
    const reply = (await chrome.runtime.sendMessage({
      id: Date.now(),
      type: 'addSource',
      data: { kind: 'pack-url', url },
      timestamp: Date.now(),
    })) as { res?: { ok: boolean; value?: { id: string }; error?: string } };
    if (!reply?.res?.ok || !reply.res.value) throw new Error(`addSource failed: ${JSON.stringify(reply)}`);
    const id = reply.res.value.id;
    let downloadedMs: number | null = null;
    let applyMs: number | null = null;
    for (;;) {
      const s = await read(id);
      const at = performance.now() - t0;
      if (s?.syncing) {
        if (downloadedMs === null && s.syncing.total !== undefined && s.syncing.received >= s.syncing.total) downloadedMs = at;
        if (applyMs === null && s.syncing.phase === 'apply') applyMs = at;
      }
      if (s && !s.syncing && (s.version !== undefined || s.lastError)) {
        if (s.lastError) throw new Error(`the import failed: ${s.lastResult ?? s.lastError}`);
        return { doneMs: at, downloadedMs, applyMs, lastResult: s.lastResult ?? '', entityCount: s.entityCount };
      }
      if (at > timeoutMs) throw new Error(`the import did not finish in ${timeoutMs} ms; status: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    db.close();
  }
}

/**
 * The floor under an import: the rows Gloss writes for a pack, put in one transaction into a scratch
 * database with the same stores and indexes as the knowledge base (lib/kb/db.ts); Dexie's bulkPut
 * issues exactly these puts. `layout: 'v3'` writes what schema v3 wrote for the same pack instead (a
 * variant row per entity, and multi-entry indexes on the entities' search keys and sources), to show
 * what the v4 layout saves.
 */
export async function timeRawPut({
  url,
  limit,
  layout = 'current',
}: {
  url: string;
  /** Only the first `limit` entities (and as large a share of the variant buckets). */
  limit?: number;
  layout?: 'current' | 'v3';
}): Promise<{ fetchParseMs: number; putMs: number; rows: number }> {
  const t0 = performance.now();
  const all = (await (await fetch(url)).json()) as {
    entities: { id: string; searchKeys?: unknown; sourceIds?: unknown }[];
    variantBuckets: unknown[];
  };
  const entities = all.entities.slice(0, limit);
  const buckets =
    limit === undefined
      ? all.variantBuckets
      : all.variantBuckets.slice(0, Math.ceil((all.variantBuckets.length * limit) / all.entities.length));
  const fetchParseMs = performance.now() - t0;
  const name = 'gloss-bench-scratch';
  await new Promise<void>((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => resolve();
  });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      const e = r.result.createObjectStore('entities', { keyPath: 'id' });
      e.createIndex('kind', 'kind');
      if (layout === 'v3') {
        e.createIndex('searchKeys', 'searchKeys', { multiEntry: true });
        e.createIndex('sourceIds', 'sourceIds', { multiEntry: true });
        const v = r.result.createObjectStore('variants', { keyPath: ['sourceId', 'entityId'] });
        v.createIndex('sourceId', 'sourceId');
        v.createIndex('entityId', 'entityId');
      } else {
        r.result.createObjectStore('variantBuckets', { keyPath: ['sourceId', 'bucket'] }).createIndex('sourceId', 'sourceId');
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    const t1 = performance.now();
    let rows = entities.length;
    await new Promise<void>((resolve, reject) => {
      const variantStore = layout === 'v3' ? 'variants' : 'variantBuckets';
      const tx = db.transaction(['entities', variantStore], 'readwrite');
      const es = tx.objectStore('entities');
      const vs = tx.objectStore(variantStore);
      if (layout === 'v3') {
        for (const { searchKeys: _k, sourceIds: _s, ...entity } of entities)
          vs.put({ sourceId: 'bench', entityId: entity.id, entity });
        rows += entities.length;
      } else {
        for (const v of buckets) vs.put(v);
        rows += buckets.length;
      }
      for (const e of entities) es.put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return { fetchParseMs, putMs: performance.now() - t1, rows };
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

/**
 * Asks for annotations of `text` until `entityId` is among them: after an import the worker answers
 * from the previous matcher while it builds the new one. Returns the time until it is found.
 */
export async function untilAnnotated({
  text,
  entityId,
  timeoutMs,
}: {
  text: string;
  entityId: string;
  timeoutMs: number;
}): Promise<{ ms: number; tries: number }> {
  const t0 = performance.now();
  for (let tries = 1; ; tries++) {
    const reply = (await chrome.runtime.sendMessage({
      id: Date.now(),
      type: 'annotate',
      data: { blocks: [text] },
      timestamp: Date.now(),
    })) as { res?: { ok: boolean; value?: { mentions: { entityId: string | null }[][] } } };
    const found = reply?.res?.value?.mentions[0]?.some((m) => m.entityId === entityId);
    if (found) return { ms: performance.now() - t0, tries };
    if (performance.now() - t0 > timeoutMs) throw new Error(`${entityId} not annotated after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until the worker has stored the popup's search index for the current knowledge base (it
 * rebuilds it 2 s after a change): until then it is busy, and a measurement would share the core.
 */
export async function untilSearchIndexStored(timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('gloss');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const [revision, stamp] = await Promise.all(
      ['kbRevision', 'searchIndexStamp'].map(
        (key) =>
          new Promise<unknown>((resolve, reject) => {
            const get = db.transaction('meta', 'readonly').objectStore('meta').get(key);
            get.onsuccess = () => resolve((get.result as { value?: unknown } | undefined)?.value);
            get.onerror = () => reject(get.error);
          }),
      ),
    );
    db.close();
    if (revision !== undefined && String(revision) === stamp) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`search index not stored after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The floor under an install: the rows the knowledge base holds now (its entities and variant buckets),
 * read from Gloss's database and put again into a scratch database with the same stores, in one
 * transaction. Everything an install does beyond this is Gloss's own work.
 */
export async function timeRestoringStoredRows(): Promise<{ putMs: number; rows: number }> {
  const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
      if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const getAll = (db: IDBDatabase, store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const get = db.transaction(store, 'readonly').objectStore(store).getAll();
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
  const gloss = await open('gloss');
  const [entities, buckets] = [await getAll(gloss, 'entities'), await getAll(gloss, 'variantBuckets')];
  gloss.close();
  const name = 'gloss-bench-install-floor';
  await new Promise<void>((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => resolve();
  });
  const db = await open(name, (d) => {
    d.createObjectStore('entities', { keyPath: 'id' }).createIndex('kind', 'kind');
    d.createObjectStore('variantBuckets', { keyPath: ['sourceId', 'bucket'] }).createIndex('sourceId', 'sourceId');
  });
  try {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['entities', 'variantBuckets'], 'readwrite');
      for (const b of buckets) tx.objectStore('variantBuckets').put(b);
      for (const e of entities) tx.objectStore('entities').put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return { putMs: performance.now() - t0, rows: entities.length + buckets.length };
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}
