/**
 * The Gloss command line, for pack authors and for evaluation.
 *
 *   npm run --silent gloss -- annotate FILE.html|FILE.txt [--date YYYY-MM-DD] [--pack PATH]
 *   npm run --silent gloss -- annotate --jsonl FILE.jsonl [--pack PATH]
 *   npm run --silent gloss -- eval GOLD.jsonl [--json] [--pack PATH]
 *   npm run --silent gloss -- validate PACK.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mentionsOfArticle } from '../lib/core/article-mentions';
import { score, type GoldDocument } from '../lib/core/evaluate';
import { splitParagraphs } from '../lib/core/paragraphs';
import { extractArticle } from '../lib/cli/html-article';
import { loadPack, type LoadedPack } from '../lib/cli/load-pack';
import { validatePack } from '../lib/pack/validate';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    pack: { type: 'string' },
    jsonl: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const [command, file] = positionals;

function annotateText(loaded: LoadedPack, text: string, date?: string) {
  return mentionsOfArticle(loaded.index, splitParagraphs(text), loaded.wikipediaOf, date ? { date } : {});
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}:${i + 1}: not a JSON line`);
      }
    });
}

function run(): number {
  switch (command) {
    case 'annotate': {
      const loaded = loadPack(values.pack);
      if (values.jsonl) {
        for (const doc of readJsonl<{ id: string; text: string; date?: string }>(values.jsonl)) {
          console.log(JSON.stringify({ id: doc.id, mentions: annotateText(loaded, doc.text, doc.date) }));
        }
        return 0;
      }
      if (!file) throw new Error('annotate needs a FILE.html, FILE.txt or --jsonl FILE.jsonl');
      const raw = readFileSync(file, 'utf8');
      if (/\.x?html?$/i.test(file)) {
        const article = extractArticle(raw);
        const date = values.date ?? article.date ?? undefined;
        const mentions = mentionsOfArticle(loaded.index, article.paragraphs, loaded.wikipediaOf, date ? { date } : {});
        console.log(JSON.stringify({ date: date ?? null, text: article.text, mentions }, null, 1));
      } else {
        console.log(
          JSON.stringify({ date: values.date ?? null, text: raw, mentions: annotateText(loaded, raw, values.date) }, null, 1),
        );
      }
      return 0;
    }
    case 'eval': {
      if (!file) throw new Error('eval needs a GOLD.jsonl file');
      const loaded = loadPack(values.pack);
      const docs = readJsonl<GoldDocument>(file).map((gold) => ({ gold, predicted: annotateText(loaded, gold.text, gold.date) }));
      const s = score(docs);
      if (values.json) console.log(JSON.stringify(s));
      else {
        const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
        console.log(`${s.documents} documents, ${s.gold} gold mentions, ${s.predicted} predicted`);
        console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
        console.log(
          `links right ${s.linkedRight}/${s.linkable} (${pct(s.linkAccuracy)}); predictions on not-entities: ${s.notEntityHits}`,
        );
      }
      return 0;
    }
    case 'validate': {
      if (!file) throw new Error('validate needs a PACK.json file');
      const result = validatePack(JSON.parse(readFileSync(file, 'utf8')));
      if (result.ok) {
        console.log(`${file}: valid pack "${result.pack.name}" ${result.pack.version}, ${result.pack.entities.length} entities`);
        return 0;
      }
      for (const p of result.problems) console.log(`${p.path}: ${p.message}`);
      console.log(`${file}: ${result.problems.length} problem(s); the pack would be refused`);
      return 1;
    }
    default:
      console.error('usage: gloss annotate FILE | annotate --jsonl FILE | eval GOLD.jsonl [--json] | validate PACK.json');
      return 2;
  }
}

try {
  process.exitCode = run();
} catch (e) {
  console.error(`gloss: ${(e as Error).message}`);
  process.exitCode = 1;
}
