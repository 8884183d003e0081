/**
 * `npm run bench`: speed and memory of the matcher and the knowledge base, each figure beside
 * baselines measured in the same run on the same text. Prints a table and writes docs/performance.md.
 */
import AhoCorasick from 'modern-ahocorasick';
import nlp from 'compromise';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { annotateBlocks } from '../lib/core/annotate';
import { foldText } from '../lib/core/fold';
import { fromStored, toStored } from '../lib/core/index-store';
import { buildMatchIndex } from '../lib/core/match-index';
import { splitParagraphs } from '../lib/core/paragraphs';
import { scan } from '../lib/core/scan';
import type { Entity, Pack } from '../lib/pack/types';
import { loadArticles, repeatTo } from './corpus-text';
import { writeReport, type BenchRow } from './report';
import { aliasTexts, syntheticEntities } from './synthetic-kb';

const MB = 1024 * 1024;
const rows: BenchRow[] = [];
const add = (row: BenchRow) => {
  rows.push(row);
  console.log(
    `${row.kb.padEnd(16)} ${String(row.aliases || '').padStart(7)}  ${row.what.padEnd(46)} ${String(row.value).padStart(9)} ${row.unit.padEnd(5)} ${row.ratio ?? ''}`,
  );
};
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}
/** Best of n runs: the least disturbed by the other core's work. */
function best(n: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) min = Math.min(min, time(fn).ms);
  return min;
}
const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / MB;
};
const charsOf = (texts: readonly string[]) => texts.reduce((s, a) => s + a.length, 0);
const mbps = (texts: readonly string[], ms: number) => round(charsOf(texts) / MB / (ms / 1000), 2);

const { articles, source } = loadArticles();
const corpus = repeatTo(articles, MB);
const corpusParagraphs = corpus.map((a) => splitParagraphs(a).map((p) => p.text));
/** The slow baselines get ~200 K characters of the same articles. */
const sample = repeatTo(articles, 200 * 1024);
console.log(`Text: ${(charsOf(corpus) / MB).toFixed(2)} M characters from ${source}, ${articles.length} distinct articles\n`);

const defaultPack = JSON.parse(readFileSync(join(import.meta.dirname, '../assets/packs/world-news.json'), 'utf8')) as Pack;
const kbs: [string, Entity[]][] = [
  ['default pack', defaultPack.entities],
  ['synthetic 100k', syntheticEntities(100_000)],
];

for (const [kb, entities] of kbs) {
  const aliases = [...new Set(aliasTexts(entities))];
  const n = aliases.length;

  const before = heapMb();
  const built = time(() => buildMatchIndex(entities));
  const index = built.value;
  add({ kb, aliases: n, what: 'matcher build', value: round(built.ms, 0), unit: 'ms' });
  add({ kb, aliases: n, what: 'matcher heap', value: round(heapMb() - before), unit: 'MB' });
  const stored = toStored(index, 'bench');
  const loadMs = best(3, () => fromStored(structuredClone(stored), 'bench'));
  add({
    kb,
    aliases: n,
    what: 'stored matcher load (structured clone)',
    value: round(loadMs),
    unit: 'ms',
    ratio: `${(built.ms / loadMs).toFixed(0)}× faster than a rebuild`,
  });

  const scanMbps = mbps(
    corpus,
    best(3, () => corpus.forEach((a) => scan(index, a))),
  );
  const fullMbps = mbps(
    corpus,
    best(3, () => corpusParagraphs.forEach((p) => annotateBlocks(index, p))),
  );
  add({ kb, aliases: n, what: 'Gloss scan (automaton)', value: scanMbps, unit: 'MB/s', ratio: '1×' });
  add({
    kb,
    aliases: n,
    what: 'Gloss annotate (scan + case + linking)',
    value: fullMbps,
    unit: 'MB/s',
    ratio: `${(fullMbps / scanMbps).toFixed(2)}× of scan`,
  });

  const escaped = aliases
    .map(foldText)
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const reMbps = mbps(
    sample,
    best(1, () => sample.forEach((a) => a.toLowerCase().match(re))),
  );
  add({
    kb,
    aliases: n,
    what: 'regex alternation',
    value: reMbps,
    unit: 'MB/s',
    ratio: `Gloss scan ${(scanMbps / reMbps).toFixed(0)}× faster`,
  });

  const ac = new AhoCorasick(aliases.map((a) => a.toLowerCase()));
  const acMbps = mbps(
    sample,
    best(1, () => sample.forEach((a) => ac.search(a.toLowerCase(), { strategy: 'leftmost-longest' }))),
  );
  add({
    kb,
    aliases: n,
    what: 'modern-ahocorasick',
    value: acMbps,
    unit: 'MB/s',
    ratio: `Gloss scan ${(scanMbps / acMbps).toFixed(0)}× faster`,
  });
}

// compromise's NER runs at a few dozen KB/s: it gets 60 articles, and Gloss the same 60.
const slice = corpus.slice(0, 60);
const index = buildMatchIndex(defaultPack.entities);
const nlpMbps = mbps(
  slice,
  best(1, () => slice.forEach((a) => nlp(a).topics().json())),
);
const glossSlice = mbps(
  slice,
  best(3, () =>
    slice.forEach((a) =>
      annotateBlocks(
        index,
        splitParagraphs(a).map((p) => p.text),
      ),
    ),
  ),
);
add({
  kb: 'default pack',
  aliases: 0,
  what: `compromise topics() (${(charsOf(slice) / 1024).toFixed(0)} K chars)`,
  value: nlpMbps,
  unit: 'MB/s',
});
add({
  kb: 'default pack',
  aliases: 0,
  what: 'Gloss annotate, same text',
  value: glossSlice,
  unit: 'MB/s',
  ratio: `${(glossSlice / nlpMbps).toFixed(0)}× compromise`,
});

const output = join(import.meta.dirname, '../.output/chrome-mv3');
if (existsSync(output)) {
  const sizeOf = (rel: string) => statSync(join(output, rel)).size;
  const chunks = readdirSync(join(output, 'chunks'));
  for (const [what, files] of [
    ['background.js', ['background.js']],
    ['content script', ['content-scripts/content.js']],
    ['popup (own chunks)', chunks.filter((f) => f.startsWith('popup')).map((f) => `chunks/${f}`)],
    ['options (own chunks)', chunks.filter((f) => f.startsWith('options')).map((f) => `chunks/${f}`)],
  ] as const) {
    add({
      kb: 'build',
      aliases: 0,
      what: `size of ${what}`,
      value: round(files.reduce((s, f) => s + sizeOf(f), 0) / 1024),
      unit: 'KiB',
    });
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
writeReport(rows, [
  `Machine: ${cpus().length} × ${cpu}, Node ${process.version}. Text: ${(charsOf(corpus) / MB).toFixed(2)} M characters from ${source}.`,
  'Gloss figures are the best of 3 runs; baselines run once on a 200 K-character sample of the same articles (they are 10–1,000× slower).',
  'Targets (issue 4/8): ≥ 50 MB/s matching at 100k aliases, ≥ 500× compromise; import ≤ 10 s and matcher ready ≤ 200 ms at 100k entities.',
  'The stored-matcher load is measured in Node with structuredClone, the same serialisation IndexedDB uses; in-browser figures belong to the end-to-end runs.',
]);
console.log('\nWrote docs/performance.md and docs/images/matching-speed.svg');
