/**
 * Measures findUnknownActors against gold spans (default: the Wikinews NER dev set in ../shared/corpus),
 * beside compromise's people/organizations/places as a baseline. Spans are judged by overlap, as the
 * corpus README asks: gold spans are whole noun phrases ("the United States Air Force ( USAF").
 *   npx tsx scripts/eval-unknown.ts [file.jsonl] [--errors]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { findUnknownActors } from '../lib/core/unknown-actors';

interface Span {
  start: number;
  end: number;
}
interface Doc {
  id: string;
  text: string;
  mentions: (Span & { surface: string; type?: string })[];
}

const args = process.argv.slice(2);
const file =
  args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/corpus/gold/wikinews-ner-dev.jsonl');
const showErrors = args.includes('--errors');
if (!existsSync(file)) {
  console.log(`skipped: corpus absent (${file})`);
  process.exit(0);
}
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Doc);

/** Only named actors count as gold: news terms (TERM) and MISC are not what these finders look for. */
const goldOf = (d: Doc): Span[] => d.mentions.filter((m) => !m.type || ['PER', 'ORG', 'LOC'].includes(m.type));

function compromiseSpans(text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  for (const view of [doc.people(), doc.organizations(), doc.places()]) {
    for (const m of view.json({ offset: true }) as { terms: { offset: { start: number; length: number } }[] }[]) {
      const first = m.terms[0]!.offset;
      const last = m.terms[m.terms.length - 1]!.offset;
      out.push({ start: first.start, end: last.start + last.length });
    }
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function score(name: string, predict: (text: string) => Span[]): void {
  let predicted = 0;
  let correct = 0;
  let gold = 0;
  let found = 0;
  const errors: string[] = [];
  const t0 = performance.now();
  for (const d of docs) {
    const g = goldOf(d);
    const p = predict(d.text);
    predicted += p.length;
    gold += g.length;
    for (const s of p) {
      if (g.some((x) => overlaps(s, x))) correct++;
      else errors.push(`FP ${d.id}: ${d.text.slice(s.start, s.end)}`);
    }
    for (const s of g) {
      if (p.some((x) => overlaps(s, x))) found++;
      else errors.push(`FN ${d.id}: ${d.text.slice(s.start, s.end)}`);
    }
  }
  const ms = performance.now() - t0;
  const precision = correct / (predicted || 1);
  const recall = found / (gold || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const f = (x: number): string => x.toFixed(3);
  console.log(
    `${name.padEnd(18)} P ${f(precision)}  R ${f(recall)}  F1 ${f(f1)}  (${correct}/${predicted} predicted, ${found}/${gold} gold, ${ms.toFixed(0)} ms)`,
  );
  if (showErrors) for (const e of errors) console.log(`  ${e}`);
}

console.log(`${docs.length} documents from ${file}`);
score('findUnknownActors', (text) => findUnknownActors(text, []));
score('compromise', compromiseSpans);
