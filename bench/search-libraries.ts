// Longer than 300 lines: one benchmark, three engines measured the same way on the same data; each part is used once.
/**
 * Gloss's own search index against MiniSearch and FlexSearch on the same 100,000 entities and the same
 * queries (`node --expose-gc --import tsx bench/search-libraries.ts`; bench/run.ts can call
 * runSearchLibraryBench() for the report). Measured for each: index build, memory it keeps, the size of
 * its stored form and loading it back, median and p95 per-keystroke latency, and whether the expected
 * entity is in the top 5.
 *
 * Only the in-memory lookup is timed (query → top 20 ids): reading the hits from IndexedDB afterwards
 * costs every engine the same. Each library gets the same folding as ours (lib/core/fold.ts), so the
 * comparison is of indexing and ranking, not of who lowercases better.
 */
import { Charset, Index as FlexIndex, type EncoderOptions } from 'flexsearch';
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { foldText } from '../lib/core/fold';
import { allowedDistance, SearchIndex } from '../lib/core/search-index';
import { searchKeysOf } from '../lib/kb/search-keys';
import type { Entity, Pack } from '../lib/pack/types';
import { SEARCH_QUERIES } from './search-queries';
import { syntheticEntities } from './synthetic-kb';

const SIZE = Number(process.env.SEARCH_BENCH_SIZE ?? 100_000);
const RUNS = 9;
const TOP = 5;
const MB = 1024 * 1024;

/** What a query should find in its top 5: an entity id, or a test on the names when many would do. */
type Expected = string | ((e: Entity) => boolean);
const NETANYAHU = 'wd:Q43723';
const ISRAEL = 'wd:Q801';
const named = (re: RegExp) => (e: Entity) => [e.name, ...(e.alternateName ?? []).map((a) => a.text)].some((t) => re.test(t));

/**
 * Every latency query of bench/search-queries.ts, with what it should find where one answer is right
 * (one or two letters, or "zzzzzz", have none), plus more typos and scripts for the hit rate.
 */
const QUERIES: [string, Expected | null][] = [
  ...SEARCH_QUERIES.map((q): [string, Expected | null] => {
    const f = foldText(q);
    if (f.length >= 4 && 'netanyahu'.startsWith(f)) return [q, NETANYAHU];
    const known: Record<string, Expected> = {
      Nétanyahou: NETANYAHU,
      bibi: NETANYAHU,
      netnayahu: NETANYAHU,
      'benjamin net': NETANYAHU,
      'netanyahu benjamin': NETANYAHU,
      'james smi': named(/^James( \S+)? Smi/),
      'jmaes smith': named(/^James( \S+)? Smith/),
      müller: named(/\bMüller\b/u),
      muller: named(/\bMüller\b/u),
      'democratic par': named(/\bDemocratic Part/),
      'ceasefire tru': (e) => e.id === 'gloss:term-ceasefire' || /^ceasefire tru/.test(e.name),
      Израиль: ISRAEL,
      إسرائيل: ISRAEL,
    };
    return [q, known[q] ?? null];
  }),
  ['netanyahou', NETANYAHU],
  ['benjamin netanyhu', NETANYAHU],
  ['zelenskiy', 'wd:Q3874799'],
  ['volodymyr zelensky', 'wd:Q3874799'],
  ['putn', 'wd:Q7747'],
  ['xi jinping', 'wd:Q15031'],
  ['Ισραήλ', ISRAEL],
  ['ישראל', ISRAEL],
  ['trump', 'wd:Q22686'],
];

interface Built {
  search(query: string, limit: number): string[];
  /** The stored form's size in bytes and a way to load it, for engines that can store their index. */
  store?(): { bytes: number; load(): unknown };
}
interface Engine {
  name: string;
  config: string;
  build(entities: readonly Entity[]): Built;
}

const aliasesOf = (e: Entity) => (e.alternateName ?? []).map((a) => a.text);
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

const ours: Engine = {
  name: 'Gloss (lib/core/search-index.ts)',
  config: 'prefix on the last word, words in any order, 1 typo from 4 letters and 2 from 9 when nothing matches as typed',
  build(entities) {
    const index = SearchIndex.build(
      entities.map((e) => ({ id: e.id, keys: searchKeysOf(e), name: foldText(e.name), prior: e.prior })),
    );
    return {
      search: (q, limit) => index.search(q, limit).map((h) => h.id),
      store() {
        const stored = index.toStored();
        const bytes = Object.values(stored).reduce((n, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
        // IndexedDB clones what it stores: structuredClone is the same serialisation.
        return { bytes, load: () => SearchIndex.fromStored(structuredClone(stored)) };
      },
    };
  },
};

function miniSearch(): Engine {
  const options = {
    fields: ['name', 'aliases'],
    processTerm: (term: string) => foldText(term) || null,
    searchOptions: {
      boost: { name: 2 },
      combineWith: 'AND' as const,
      prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
      fuzzy: (term: string) => allowedDistance(term.length),
    },
  };
  return {
    name: 'MiniSearch 7.2',
    config:
      'processTerm = our folding; fields name (×2) and aliases; AND; prefix on the last word; fuzzy = our distances; boost by prior',
    build(entities) {
      const priors = new Map(entities.map((e) => [e.id, e.prior ?? 0.5]));
      const withPrior = {
        ...options,
        searchOptions: { ...options.searchOptions, boostDocument: (id: string) => 1 + (priors.get(id) ?? 0.5) },
      };
      const ms = new MiniSearch<{ id: string; name: string; aliases: string }>(withPrior);
      ms.addAll(entities.map((e) => ({ id: e.id, name: e.name, aliases: aliasesOf(e).join(' \n ') })));
      return {
        search: (q, limit) =>
          ms
            .search(q)
            .slice(0, limit)
            .map((r) => r.id as string),
        store() {
          const json = JSON.stringify(ms);
          return { bytes: utf8(json), load: () => MiniSearch.loadJSON(json, withPrior) };
        },
      };
    },
  };
}

function flexSearch(label: string, charset: EncoderOptions): Engine {
  // FlexSearch has no edit distance: its Latin charsets forgive typos by encoding words phonetically,
  // and `suggest` keeps results when one word of the query matches nothing.
  const options = { tokenize: 'forward' as const, encoder: { ...charset, normalize: (s: string) => foldText(s) } };
  return {
    name: `FlexSearch 0.8 (${label})`,
    config: `tokenize forward (prefixes), Charset.${label} with our folding, suggest`,
    build(entities) {
      const index = new FlexIndex(options);
      entities.forEach((e, doc) => index.add(doc, [e.name, ...aliasesOf(e)].join(' \n ')));
      return {
        search: (q, limit) => (index.search(q, { limit, suggest: true }) as number[]).map((doc) => entities[doc]!.id),
        store() {
          const parts: [string, string][] = [];
          index.export((key, data) => void parts.push([key, data]));
          return {
            bytes: parts.reduce((n, [k, d]) => n + utf8(k) + utf8(d), 0),
            load: () => {
              const fresh = new FlexIndex(options);
              for (const [k, d] of parts) fresh.import(k, d);
              return fresh;
            },
          };
        },
      };
    },
  };
}

interface Result {
  engine: Engine;
  buildMs: number;
  memoryMb: number | null;
  storedBytes: number | null;
  loadMs: number | null;
  median: number;
  p95: number;
  slowest: { query: string; ms: number };
  hits: Map<string, boolean>;
}

const isRight = (expected: Expected, e: Entity) => (typeof expected === 'string' ? e.id === expected : expected(e));

/** Heap plus memory outside it: typed arrays (ours) keep their bytes there, and would look free. */
const memory = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / MB;
};
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** The queries scored for quality: those whose expected entity exists in this knowledge base. */
type Expectations = ReadonlyMap<string, Expected>;

function measure(engine: Engine, entities: readonly Entity[], byId: Map<string, Entity>, expect: Expectations): Result {
  const before = memory();
  const t0 = performance.now();
  const built = engine.build(entities);
  const buildMs = performance.now() - t0;
  const memoryMb = globalThis.gc ? memory() - before : null;

  const stored = built.store?.();
  let loadMs: number | null = null;
  if (stored) {
    const t1 = performance.now();
    stored.load();
    loadMs = performance.now() - t1;
  }

  const samples: number[] = [];
  let slowest = { query: '', ms: 0 };
  const hits = new Map<string, boolean>();
  for (const [query] of QUERIES) {
    // The first keystroke after a build warms caches: time the ones after it.
    const top = built.search(query, 20);
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      built.search(query, 20);
      runs.push(performance.now() - t);
    }
    samples.push(...runs);
    runs.sort((a, b) => a - b);
    const median = quantile(runs, 0.5);
    if (median > slowest.ms) slowest = { query, ms: median };
    const expected = expect.get(query);
    if (expected)
      hits.set(
        query,
        top.slice(0, TOP).some((id) => isRight(expected, byId.get(id)!)),
      );
  }
  samples.sort((a, b) => a - b);
  return {
    engine,
    buildMs,
    memoryMb,
    storedBytes: stored?.bytes ?? null,
    loadMs,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    slowest,
    hits,
  };
}

function knowledgeBase(): Entity[] {
  const world = JSON.parse(readFileSync(join(import.meta.dirname, '../assets/packs/world-news.json'), 'utf8')) as Pack;
  return [...world.entities, ...syntheticEntities(SIZE - world.entities.length)];
}

const fixed = (x: number, digits: number) => x.toFixed(digits);
/** Milliseconds with two significant digits below 1 ms, where keystrokes of fast engines land. */
const ms = (x: number) => `${x < 1 ? x.toPrecision(2) : x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
/** "(3.2×)": a figure against Gloss's own in the same run (higher is worse in every column). */
const ratio = (x: number | null, base: number | null) =>
  x === null || base === null || base === 0 || x === base
    ? ''
    : ` (${x / base < 0.1 ? (x / base).toPrecision(1) : fixed(x / base, x / base < 10 ? 1 : 0)}×)`;

function markdown(results: readonly Result[], entities: number, expect: Expectations, unanswerable: string[]): string {
  const base = results[0]!;
  const scored = [...expect.keys()];
  const rate = (r: Result) => [...r.hits.values()].filter(Boolean).length;
  const rows = results.map((r) =>
    [
      r.engine.name,
      `${ms(r.buildMs)}${ratio(r.buildMs, base.buildMs)}`,
      r.memoryMb === null ? 'n/a' : `${fixed(r.memoryMb, 1)} MB${ratio(r.memoryMb, base.memoryMb)}`,
      r.storedBytes === null ? '—' : `${fixed(r.storedBytes / MB, 1)} MB${ratio(r.storedBytes, base.storedBytes)}`,
      r.loadMs === null ? '—' : `${ms(r.loadMs)}${ratio(r.loadMs, base.loadMs)}`,
      `${ms(r.median)}${ratio(r.median, base.median)}`,
      `${ms(r.p95)}${ratio(r.p95, base.p95)}`,
      `${ms(r.slowest.ms)} ${JSON.stringify(r.slowest.query)}`,
      `${rate(r)}/${scored.length} (${fixed((100 * rate(r)) / scored.length, 0)} %)`,
    ].join(' | '),
  );
  const missed = results
    .map((r) => {
      const misses = scored.filter((q) => !r.hits.get(q));
      return `- ${r.engine.name} — ${r.engine.config}. Missed: ${misses.length ? misses.map((q) => JSON.stringify(q)).join(', ') : 'none'}.`;
    })
    .join('\n');
  return `### Search: Gloss's index against MiniSearch and FlexSearch

${entities.toLocaleString('en')} entities (the built-in pack plus bench/synthetic-kb.ts), ${QUERIES.length} queries
(bench/search-queries.ts and more typos and scripts), each timed ${RUNS} times after one warm-up: query to
top 20 ids in memory, in Node ${process.version} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}. Top 5 is right when the
expected entity is in it, for the ${scored.length} queries that have one${unanswerable.length ? ` (not scored, no such entity at this size: ${unanswerable.map((q) => JSON.stringify(q)).join(', ')})` : ''}. Ratios are to Gloss's figure (higher is worse).
Memory is the growth of heap plus external memory (typed arrays) after a full GC with the index kept; stored is the form each engine can save and load back.

| engine | build | memory | stored | load stored | median query | p95 query | slowest query (median) | top 5 right |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |
${rows.map((r) => `| ${r} |`).join('\n')}

${missed}
`;
}

export async function runSearchLibraryBench(): Promise<{ markdown: string }> {
  const entities = knowledgeBase();
  const byId = new Map(entities.map((e) => [e.id, e]));
  const expect = new Map<string, Expected>();
  const unanswerable: string[] = [];
  for (const [query, expected] of QUERIES) {
    if (expected === null) continue;
    if (entities.some((e) => isRight(expected, e))) expect.set(query, expected);
    else unanswerable.push(query);
  }
  const engines = [
    ours,
    miniSearch(),
    flexSearch('LatinBalance', Charset.LatinBalance),
    flexSearch('LatinExtra', Charset.LatinExtra),
  ];
  const results: Result[] = [];
  for (const engine of engines) {
    results.push(measure(engine, entities, byId, expect));
    // Yield between engines, so a caller's output is not held up by a minute of synchronous work.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { markdown: markdown(results, entities.length, expect, unanswerable) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!globalThis.gc) console.warn('Run with node --expose-gc for memory figures.');
  console.log((await runSearchLibraryBench()).markdown);
}
