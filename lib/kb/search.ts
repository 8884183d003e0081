import Dexie from 'dexie';
import { foldText } from '../core/fold';
import { SearchIndex, type IndexedDoc } from '../core/search-index';
import { kbRevision } from './apply-pack';
import type { GlossDb, StoredEntity } from './db';

/**
 * Search as you type: prefix, typo-tolerant, case- and diacritic-insensitive, over every alias in
 * every language. The keys are held in an in-memory index (lib/core/search-index.ts) and only the
 * best hits are read back from Dexie. bench/search.ts and bench/search-chromium.ts measure it.
 *
 * Building that index means reading every entity: seconds at 100,000 entities. So the worker builds it
 * after every change and stores it in `meta`, and the next page that opens loads it (under a second at
 * 100,000 entities in Chromium). A multi-entry IndexedDB index on the keys would answer prefixes before
 * then, but it doubled the cost of writing entities (schema v4 dropped it, see lib/kb/db.ts).
 */

const STORED_KEY = 'searchIndex';
/** Kept apart from the index so checking it does not load megabytes. */
const STAMP_KEY = 'searchIndexStamp';

interface State {
  /** The latest built index, possibly older than the data: good enough until the next one lands. */
  ready: SearchIndex | null;
  /** The data generation `ready` was built from. */
  readyGeneration: number;
  building: Promise<SearchIndex> | null;
  /** Called when a build lands, so views can search again. */
  listeners: Set<() => void>;
}

const states = new WeakMap<GlossDb, State>();
const generations = new Map<string, number>();
let listening = false;

/**
 * Dexie reports every write, including those made in other contexts of the extension (the worker
 * writes, the popup reads) through its BroadcastChannel; a write to `entities` makes the index stale.
 */
function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      const m = /^idb:\/\/([^/]+)\/entities\//.exec(part);
      if (m) generations.set(m[1]!, (generations.get(m[1]!) ?? 0) + 1);
    }
  });
}

/** Calls back whenever the entities change (here or in another extension context); returns a stop function. */
export function onEntitiesChanged(db: GlossDb, callback: () => void): () => void {
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((p) => p.startsWith(`idb://${db.name}/entities/`))) callback();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/** Calls back when a new search index is ready (after the first build, or a rebuild after a change). */
export function onSearchIndexReady(db: GlossDb, callback: () => void): () => void {
  const state = stateOf(db);
  state.listeners.add(callback);
  return () => state.listeners.delete(callback);
}

function stateOf(db: GlossDb): State {
  let state = states.get(db);
  if (!state) {
    state = { ready: null, readyGeneration: -1, building: null, listeners: new Set() };
    states.set(db, state);
  }
  return state;
}

/**
 * What the stored index must have been built from: the knowledge base's revision, which every write
 * through lib/kb/apply-pack.ts bumps (syncs, removals, personal entities, imports). Counting the
 * entities as well would catch other writers, but costs 300 ms at 100,000 entities in Chromium.
 */
async function stampOf(db: GlossDb): Promise<string> {
  return String(await kbRevision(db));
}

/** Entities read per request while building: between requests the page gets to paint and answer keys. */
const CHUNK = 5_000;

/** Builds the index from every entity, a chunk at a time in primary-key order. */
async function buildSearchIndex(db: GlossDb): Promise<SearchIndex> {
  const docs: IndexedDoc[] = [];
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const chunk: StoredEntity[] = await (from === null ? db.entities.orderBy(':id') : db.entities.where(':id').above(from))
      .limit(CHUNK)
      .toArray();
    for (const e of chunk) docs.push({ id: e.id, keys: e.searchKeys, name: foldText(e.name), prior: e.prior });
    if (chunk.length < CHUNK) break;
    after = chunk[chunk.length - 1]!.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return SearchIndex.build(docs);
}

/**
 * The stored index if it was built from the data as it is, else one built now (reading the entities
 * with `getAll` in chunks) and stored for the next page.
 */
export async function loadSearchIndex(db: GlossDb): Promise<{ index: SearchIndex; loaded: boolean }> {
  const stamp = await stampOf(db);
  if ((await db.meta.get(STAMP_KEY))?.value === stamp) {
    const loaded = SearchIndex.fromStored((await db.meta.get(STORED_KEY))?.value);
    if (loaded) return { index: loaded, loaded: true };
  }
  // Stamped before reading: if entities change meanwhile, the next stamp differs and the next page rebuilds.
  const index = await buildSearchIndex(db);
  await storeSearchIndex(db, index, stamp);
  return { index, loaded: false };
}

async function storeSearchIndex(db: GlossDb, index: SearchIndex, stamp: string): Promise<void> {
  // Storing is an optimisation: a failure (quota, a closing page) must not fail the search.
  await db
    .transaction('rw', db.meta, async () => {
      await db.meta.put({ key: STORED_KEY, value: index.toStored() });
      await db.meta.put({ key: STAMP_KEY, value: stamp });
    })
    .catch(() => undefined);
}

/**
 * For the worker: after the entities change (a sync, an import), builds and stores a fresh index
 * so that the next popup loads it instead of building it. Nothing is kept in the worker's memory.
 */
export function keepStoredSearchIndexFresh(db: GlossDb, delayMs = 2_000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const run = async (): Promise<void> => {
    if (running) {
      timer = setTimeout(() => void run(), delayMs);
      return;
    }
    running = true;
    try {
      const stamp = await stampOf(db);
      if ((await db.meta.get(STAMP_KEY))?.value !== stamp) await storeSearchIndex(db, await buildSearchIndex(db), stamp);
    } catch (e) {
      console.warn('Gloss: could not store the search index', e);
    } finally {
      running = false;
    }
  };
  timer = setTimeout(() => void run(), delayMs);
  const stop = onEntitiesChanged(db, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** Starts a build if none runs and the ready index is missing or stale. */
function refresh(db: GlossDb): State {
  listen();
  const state = stateOf(db);
  const generation = generations.get(db.name) ?? 0;
  if (state.building || (state.ready && state.readyGeneration === generation)) return state;
  const building = loadSearchIndex(db).then(({ index }) => index);
  state.building = building;
  building.then(
    (index) => {
      state.ready = index;
      state.readyGeneration = generation;
      state.building = null;
      state.listeners.forEach((l) => l());
      // Written again while building: build once more from the newer data.
      if ((generations.get(db.name) ?? 0) !== generation) refresh(db);
    },
    () => (state.building = null),
  );
  return state;
}

/** The index for a database, built (or loaded) on first use and again after the entities change. */
export async function searchIndexOf(db: GlossDb): Promise<SearchIndex> {
  const state = refresh(db);
  if (state.building && (!state.ready || state.readyGeneration !== (generations.get(db.name) ?? 0))) return state.building;
  return state.ready!;
}

async function read(
  db: GlossDb,
  index: SearchIndex,
  query: string,
  limit: number,
): Promise<{ results: StoredEntity[]; total: number }> {
  const { hits, total } = index.searchCounted(query, limit);
  // An entity deleted since the index was built is simply left out.
  const results = (await db.entities.bulkGet(hits.map((h) => h.id))).filter((e): e is StoredEntity => e !== undefined);
  return { results, total: total - (hits.length - results.length) };
}

/** The best matches, in the index's order (lib/core/search-index.ts says what comes first). */
export async function searchEntities(db: GlossDb, query: string, limit = 20): Promise<StoredEntity[]> {
  if (!foldText(query)) return [];
  return (await read(db, await searchIndexOf(db), query, limit)).results;
}

/**
 * For a view that must answer every keystroke now: the index if one is built (even if a newer one is
 * on its way, then marked `complete: false` so the view asks again when onSearchIndexReady fires),
 * else the first index once it is loaded or built.
 */
export async function searchEntitiesNow(
  db: GlossDb,
  query: string,
  limit = 20,
): Promise<{ results: StoredEntity[]; total: number; complete: boolean }> {
  if (!foldText(query)) return { results: [], total: 0, complete: true };
  const state = refresh(db);
  if (state.ready) return { ...(await read(db, state.ready, query, limit)), complete: !state.building };
  return { ...(await read(db, await searchIndexOf(db), query, limit)), complete: true };
}
