/**
 * Writes the extraction table of docs/pages.md: every saved page with a reference, word precision,
 * recall and F1 and the time each extractor took in headless Chromium, all three measured in the same run.
 * Run by hand (npm run measure:extraction), never by npm test.
 *
 *   npm run measure:extraction -- [--runs=3]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { corpusPages } from './corpus';
import { measure, METHODS, type PageScore } from './chromium-run';
import { PAGE_NOTES } from './page-notes';
import { FILED_COMMIT } from './previous-detector';

const DOC = join(import.meta.dirname, '../../docs/pages.md');
const START = '<!-- extraction-table:start -->';
const END = '<!-- extraction-table:end -->';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const pages = corpusPages().filter((p) => p.reference);
if (pages.length === 0) {
  console.error('No saved pages found in ../shared/corpus: nothing to measure.');
  process.exit(1);
}
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
const scores = await measure(pages, METHODS, runs, (s) => console.log(s.page.id, s.results.chosen?.f1.toFixed(3)));

const f = (n: number) => n.toFixed(2);
const cell = (s: PageScore, m: (typeof METHODS)[number]) => {
  const r = s.results[m]!;
  return `${f(r.precision)} / ${f(r.recall)} / **${f(r.f1)}** | ${r.ms.toFixed(1)}`;
};
function summary(label: string, rows: PageScore[]): string {
  const parts = METHODS.map((m) => {
    const f1s = rows.map((r) => r.results[m]!.f1);
    const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    const below = f1s.filter((x) => x < 0.8).length;
    const ms = rows.map((r) => r.results[m]!.ms).sort((a, b) => a - b);
    return `${m} ${mean.toFixed(3)} (${below} below 0.80, median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, slowest ${ms[ms.length - 1]!.toFixed(0)} ms)`;
  });
  return `- ${label}, ${rows.length} pages: mean word F1 ${parts.join('; ')}.`;
}
/** The chosen detector's pages below 0.80, each with why (page-notes.ts), or saying that nobody has said yet. */
const note = (s: PageScore): string =>
  s.results.chosen!.f1 >= 0.8
    ? ''
    : (PAGE_NOTES[s.page.id] ?? (s.page.heldOut ? 'held out: not looked at' : 'below 0.80, not explained yet'));
const tuned = scores.filter((s) => !s.page.heldOut);
const held = scores.filter((s) => s.page.heldOut);
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run measure:extraction -- --runs=${runs}\` (bench/extraction/write-docs.ts) on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), headless Chromium, the pages' own scripts off, nothing fetched; "current" is \`lib/page\` at commit ${FILED_COMMIT.slice(0, 7)}; time is the median of ${runs} run(s) of each extractor on the same loaded page; load average ${load} (1 / 5 / 15 min) at the start.`,
  '',
  summary('Tuning pages (the 14 saved news pages and 3 of every 4 readability pages)', tuned),
  summary('Held-out pages (every 4th readability page, never looked at while tuning)', held),
  '',
  '| page | held out | KB | current P / R / F1 | ms | Readability P / R / F1 | ms | chosen P / R / F1 | ms | below 0.80 because |',
  '| --- | --- | ---: | --- | ---: | --- | ---: | --- | ---: | --- |',
  ...scores.map(
    (s) =>
      `| ${s.page.id} | ${s.page.heldOut ? 'yes' : ''} | ${s.sizeKb} | ${cell(s, 'current')} | ${cell(s, 'readability')} | ${cell(s, 'chosen')} | ${note(s)} |`,
  ),
].join('\n');

const doc = readFileSync(DOC, 'utf8');
const from = doc.indexOf(START);
const to = doc.indexOf(END);
if (from < 0 || to < 0) throw new Error(`docs/pages.md has no ${START} … ${END} markers to write between`);
const next = `${doc.slice(0, from + START.length)}\n\n${table}\n\n${doc.slice(to)}`;
writeFileSync(DOC, await prettier.format(next, { ...(await prettier.resolveConfig(DOC)), filepath: DOC }));
console.log(summary('tuning', tuned));
console.log(summary('held out', held));
for (const s of scores.filter((s) => note(s) !== ''))
  console.log(`${s.page.id}: chosen F1 ${s.results.chosen!.f1.toFixed(3)}: ${note(s)}`);
