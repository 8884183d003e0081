/**
 * Search latency at 100,000 entities (`node --expose-gc --import tsx bench/search.ts`): the popup's
 * in-memory index (lib/kb/search.ts), alone and with the hits read back from a fake-indexeddb
 * database. Prints one row per query; the target is < 50 ms per keystroke. bench/search-libraries.ts
 * compares the index with MiniSearch and FlexSearch.
 *
 * fake-indexeddb is a JavaScript IndexedDB, slower per request than a browser's: the read-back figures
 * here are an upper bound. The in-memory figures do not touch IndexedDB and carry over as they are.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../lib/kb/db';
import { searchKeysOf } from '../lib/kb/search-keys';
import { loadSearchIndex, searchEntities, searchIndexOf } from '../lib/kb/search';
import type { Pack } from '../lib/pack/types';
import { SEARCH_QUERIES } from './search-queries';
import { syntheticEntities } from './synthetic-kb';

const SIZE = Number(process.env.SEARCH_BENCH_SIZE ?? 100_000);
const MB = 1024 * 1024;

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
/** Median of n runs, and the worst: a keystroke that is slow once is felt. */
async function runs(n: number, fn: () => Promise<unknown> | unknown): Promise<{ median: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await time(fn)).ms);
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(n / 2)]!, max: ms[n - 1]! };
}
const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / MB;
};

const world = JSON.parse(readFileSync(join(import.meta.dirname, '../assets/packs/world-news.json'), 'utf8')) as Pack;
const synthetic: Pack = {
  ...world,
  id: 'synthetic',
  name: 'Synthetic',
  entities: syntheticEntities(SIZE - world.entities.length),
};
const db = openDb(`bench-search-${Date.now()}`);

// Search reads only the entities table: write it directly (applying packs adds merging this bench is not about).
const stored = (pack: Pack) => pack.entities.map((e) => ({ ...e, searchKeys: searchKeysOf(e), sourceIds: [pack.id] }));
const filled = await time(async () => {
  await db.entities.bulkPut(stored(world));
  await db.entities.bulkPut(stored(synthetic));
});
const pairs = [...stored(world), ...stored(synthetic)].reduce((n, e) => n + e.searchKeys.length, 0);
console.log(
  `${(await db.entities.count()).toLocaleString()} entities, ${pairs.toLocaleString()} (key, entity) pairs; ` +
    `filled fake-indexeddb in ${(filled.ms / 1000).toFixed(1)} s\n`,
);

// Building the index: once per change of the knowledge base; every other opening loads the stored one.
const before = heapMb();
const built = await time(() => loadSearchIndex(db));
const index = built.value.index;
const heap = heapMb() - before;
const loaded = await time(() => loadSearchIndex(db));
console.log(
  `index: ${index.keys.length.toLocaleString()} distinct keys, ${heap.toFixed(1)} MB of heap; ` +
    `built from every entity in ${built.ms.toFixed(0)} ms, loaded stored in ${loaded.ms.toFixed(0)} ms ` +
    `(${loaded.value.loaded ? 'from meta' : 'NOT from meta'})\n`,
);
await searchIndexOf(db);

const queries = SEARCH_QUERIES;

const rows: string[][] = [['query', 'index only', 'index + read entities', 'found']];
const all: number[] = [];
for (const q of queries) {
  // Warm once, as the second keystroke would be.
  await searchEntities(db, q);
  const bare = await runs(9, () => index.search(q, 20));
  const mem = await runs(9, () => searchEntities(db, q));
  const memTop = (await searchEntities(db, q, 3)).map((e) => e.name);
  all.push(mem.median);
  const ms = (r: { median: number; max: number }) => `${r.median.toFixed(1)} / ${r.max.toFixed(1)}`;
  rows.push([JSON.stringify(q), ms(bare), ms(mem), memTop.join('; ').slice(0, 56) || '—']);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | '));
all.sort((a, b) => a - b);
console.log(
  `\nmedian / max ms of 9 runs. In-memory search, entities read: slowest query ${all.at(-1)!.toFixed(1)} ms, ` +
    `median query ${all[Math.floor(all.length / 2)]!.toFixed(1)} ms, over ${queries.length} queries.`,
);
console.log(`Node ${process.version}, ${process.arch}, ${SIZE.toLocaleString()} entities.`);
await db.delete();
