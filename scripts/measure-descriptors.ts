/**
 * How often an unknown person the browser would mark gets at least one descriptor on its card, over a
 * gold JSONL corpus (its texts only; the gold spans are not used). Runs the browser's pipeline: the
 * default packs' matcher, names first, unknown actors, then describeActors and the page's marking rule.
 *
 *   npx tsx scripts/measure-descriptors.ts [FILE.jsonl] [--ids ID,ID | --lines A-B] [--show]
 *
 * --show prints every profile, to check precision by hand; it refuses the held-out news-2025 ids, which
 * are for figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeActors, markedUnknowns, profileActors } from '../lib/core/actor-profiles';
import { annotateArticle } from '../lib/core/annotate-article';
import { splitParagraphs } from '../lib/core/paragraphs';
import { loadPack } from '../lib/cli/load-pack';

const HELD_OUT = new Set(['news2025-21', 'news2025-25', 'news2025-29', 'news2025-33', 'news2025-37']);

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { ids: { type: 'string' }, lines: { type: 'string' }, show: { type: 'boolean', default: false } },
});
const file = positionals[0] ?? join(import.meta.dirname, '../../shared/corpus/gold/news-2025-dev.jsonl');
if (!existsSync(file)) {
  console.log(`skipped: corpus absent (${file})`);
  process.exit(0);
}
interface Doc {
  id: string;
  text: string;
  date?: string;
}
let docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Doc);
if (values.lines) {
  const [a, b] = values.lines.split('-').map(Number);
  docs = docs.slice(a! - 1, b);
}
if (values.ids) {
  const ids = new Set(values.ids.split(','));
  docs = docs.filter((d) => ids.has(d.id));
}
if (values.show && docs.some((d) => HELD_OUT.has(d.id))) {
  console.error('--show would print held-out articles; run the figure without it.');
  process.exit(1);
}

const { index } = loadPack();
let people = 0;
let described = 0;
let describedBefore = 0;
let descriptors = 0;
for (const doc of docs) {
  const texts = splitParagraphs(doc.text).map((p) => p.text);
  const { unknown } = annotateArticle(index, texts, { ...(doc.date ? { date: doc.date } : {}), lang: 'en' });
  const actors = describeActors(texts, unknown);
  // The actors a reader would see marked: at least one mention passes the page's rule.
  const marked = new Set(
    markedUnknowns(texts, unknown)
      .flat()
      .map((a) => a.actor),
  );
  const linkerOnly = new Set(
    unknown
      .flat()
      .filter((a) => a.descriptor)
      .map((a) => a.surface.toLowerCase()),
  );
  for (const p of profileActors(actors)) {
    if (p.kind !== 'person' || !marked.has(p.actor)) continue;
    people++;
    if (p.descriptors.length > 0) described++;
    descriptors += p.descriptors.length;
    // Before: one descriptor per mention, from the name finder alone, on the full name only.
    if (linkerOnly.has(p.actor)) describedBefore++;
    if (values.show) console.log(`${doc.id}\t${p.name}\t×${p.mentions.length}\t${p.descriptors.join(' | ') || '—'}`);
  }
}
const share = (n: number) => (people ? (n / people).toFixed(3) : 'n/a');
console.log(
  `${docs.length} articles: ${people} marked unknown people; with ≥1 descriptor ${described}/${people} = ${share(described)}` +
    ` (name finder alone: ${describedBefore}/${people} = ${share(describedBefore)}); ${descriptors} descriptors in all`,
);
