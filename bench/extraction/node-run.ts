/**
 * Quick comparison of the extractors in Node (linkedom), for iterating. Held-out pages are scored but
 * never shown one by one: only their mean, with --held-out.
 *
 *   npx tsx bench/extraction/node-run.ts [--held-out] [--only=substring] [--methods=current,readability]
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { corpusPages, readSource } from './corpus';
import { chosen, current, readability, type MethodName } from './methods';
import { plainText } from './plain-text';
import { loadPreviousDetector } from './previous-detector';
import { wordOverlap, type Overlap } from './word-overlap';

const args = process.argv.slice(2);
const showHeldOut = args.includes('--held-out');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const methods = (args.find((a) => a.startsWith('--methods='))?.slice(10) ?? 'current,chosen').split(',') as MethodName[];

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function referenceText(kind: 'html' | 'text', path: string): string {
  const raw = readFileSync(path, 'utf8');
  return kind === 'text' ? raw : plainText(doc(`<html><body>${raw}</body></html>`).body);
}

const previous = await loadPreviousDetector();
const run: Record<MethodName, (d: Document) => string> = {
  current: (d) => current(previous, d),
  readability: (d) => readability(d, false),
  chosen: (d) => chosen(d),
};

const sums: Record<string, { f1: number; n: number; below: number }> = {};
for (const page of corpusPages()) {
  if (!page.reference || (only && !page.id.includes(only))) continue;
  const reference = referenceText(page.reference.kind, page.reference.path);
  const html = readSource(page);
  const row: string[] = [];
  for (const m of methods) {
    let o: Overlap;
    const t0 = performance.now();
    try {
      o = wordOverlap(run[m](doc(html)), reference);
    } catch (e) {
      console.error(page.id, m, e);
      o = { precision: 0, recall: 0, f1: 0, extracted: 0, reference: 0 };
    }
    const ms = performance.now() - t0;
    const key = `${m}${page.heldOut ? ' (held out)' : ''}`;
    const s = (sums[key] ??= { f1: 0, n: 0, below: 0 });
    s.f1 += o.f1;
    s.n++;
    if (o.f1 < 0.8) s.below++;
    row.push(`${m} P ${o.precision.toFixed(2)} R ${o.recall.toFixed(2)} F ${o.f1.toFixed(3)} ${ms.toFixed(0)}ms`);
  }
  if (!page.heldOut) console.log(page.id.padEnd(50), row.join(' | '));
}
for (const [k, s] of Object.entries(sums)) {
  if (k.includes('held out') && !showHeldOut) continue;
  console.log(`${k}: mean F1 ${(s.f1 / s.n).toFixed(3)} over ${s.n} pages, ${s.below} below 0.80`);
}
