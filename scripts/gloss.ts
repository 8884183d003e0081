/**
 * The Gloss command line, for pack authors and for evaluation. `npm run gloss:build` bundles it into one
 * plain JavaScript file that starts at once: `node .output/cli/gloss.mjs annotate …` (it finds the packs
 * two folders up, in assets/packs, as it does from here).
 *
 *   npm run --silent gloss -- annotate FILE.html|FILE.txt [--date YYYY-MM-DD] [--pack PATH]
 *   npm run --silent gloss -- annotate --jsonl FILE.jsonl [--pack PATH]
 *   npm run --silent gloss -- eval GOLD.jsonl [--json] [--exact] [--lines A-B] [--ids ID,ID] [--pack PATH]
 *     --exact: exact-boundary precision/recall/F1 over PER/ORG/LOC (for gold that annotates every entity);
 *     --errors (with --exact): also list each document's missed gold spans (-) and wrong predictions (+);
 *     --names: score every name the name finder found, not only the unknown actors the browser marks;
 *     --lines / --ids: score only those documents (1-based line range, or ids), e.g. a tuning or held-out part.
 *   npm run --silent gloss -- validate PACK.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mentionsOfArticle } from '../lib/core/article-mentions';
import { judgeExact, score, scoreExact, type GoldDocument } from '../lib/core/evaluate';
import { splitParagraphs } from '../lib/core/paragraphs';
import { loadPack, type LoadedPack } from '../lib/cli/load-pack';
import { validatePack } from '../lib/pack/validate';

const USAGE = `usage: gloss annotate FILE.html|FILE.txt [--date YYYY-MM-DD] [--pack PATH]
       gloss annotate --jsonl FILE.jsonl [--pack PATH]
       gloss eval GOLD.jsonl [--json] [--exact [--errors]] [--names] [--lines A-B | --ids ID,ID] [--pack PATH]
       gloss validate PACK.json`;

function readArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      date: { type: 'string' },
      pack: { type: 'string' },
      jsonl: { type: 'string' },
      json: { type: 'boolean', default: false },
      exact: { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      names: { type: 'boolean', default: false },
      lines: { type: 'string' },
      ids: { type: 'string' },
    },
  });
}
// Parsed here rather than in run() so that `values` keeps its type; a bad option still gets plain words and the usage.
let args: ReturnType<typeof readArgs>;
try {
  args = readArgs();
} catch (e) {
  console.error(`gloss: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { positionals, values } = args;
const [command, file] = positionals;

function annotateText(loaded: LoadedPack, text: string, date?: string) {
  return mentionsOfArticle(loaded.index, splitParagraphs(text), loaded.wikipediaOf, {
    ...(date ? { date } : {}),
    allNames: values.names,
  });
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

/** The documents --lines (1-based, inclusive: "56-109") or --ids ("a,b") choose; all of them otherwise. */
function selectDocuments(docs: GoldDocument[]): GoldDocument[] {
  if (values.lines) {
    const m = /^(\d+)-(\d+)$/.exec(values.lines);
    if (!m) throw new Error(`--lines wants a range like 1-55, not "${values.lines}"`);
    return docs.slice(Number(m[1]) - 1, Number(m[2]));
  }
  if (values.ids) {
    const wanted = new Set(values.ids.split(','));
    const chosen = docs.filter((d) => wanted.has(d.id));
    if (chosen.length !== wanted.size) throw new Error(`--ids: ${wanted.size - chosen.length} of the ids are not in the file`);
    return chosen;
  }
  return docs;
}

async function run(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'annotate': {
      const loaded = loadPack(values.pack);
      if (values.jsonl) {
        // Written in batches: a console.log per document was a tenth of the CLI's time on a corpus.
        let lines: string[] = [];
        for (const doc of readJsonl<{ id: string; text: string; date?: string }>(values.jsonl)) {
          lines.push(JSON.stringify({ id: doc.id, mentions: annotateText(loaded, doc.text, doc.date) }));
          if (lines.length === 64) {
            console.log(lines.join('\n'));
            lines = [];
          }
        }
        if (lines.length > 0) console.log(lines.join('\n'));
        return 0;
      }
      if (!file) throw new Error('annotate needs a FILE.html, FILE.txt or --jsonl FILE.jsonl');
      const raw = readFileSync(file, 'utf8');
      if (/\.x?html?$/i.test(file)) {
        // The HTML reader (linkedom) is loaded only for HTML: text and JSONL runs start without it.
        const { extractArticle } = await import('../lib/cli/html-article');
        const article = extractArticle(raw);
        const date = values.date ?? article.date ?? undefined;
        const mentions = mentionsOfArticle(loaded.index, article.paragraphs, loaded.wikipediaOf, {
          ...(date ? { date } : {}),
          lang: article.lang,
        });
        console.log(JSON.stringify({ date: date ?? null, lang: article.lang, text: article.text, mentions }, null, 1));
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
      const docs = selectDocuments(readJsonl<GoldDocument>(file)).map((gold) => ({
        gold,
        predicted: annotateText(loaded, gold.text, gold.date),
      }));
      if (values.exact) {
        if (values.errors) {
          for (const { gold, predicted } of docs) {
            const j = judgeExact(gold, predicted);
            const line = (m: { start: number; end: number; type?: string; kind?: string }) =>
              `${gold.text.slice(m.start, m.end)} [${m.type ?? m.kind ?? ''}] …${gold.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ')}…`;
            for (const m of j.missed) console.log(`${gold.id}\t- ${line(m)}`);
            for (const p of j.spurious) console.log(`${gold.id}\t+ ${line(p)}`);
          }
        }
        const e = scoreExact(docs);
        if (values.json) console.log(JSON.stringify(e));
        else {
          console.log(`${docs.length} documents, ${e.gold} gold PER/ORG/LOC spans, ${e.predicted} predicted, ${e.exact} exact`);
          console.log(`exact-boundary precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  F1 ${e.f1.toFixed(3)}`);
        }
        return 0;
      }
      const s = score(docs);
      if (values.json) console.log(JSON.stringify(s));
      else {
        const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
        console.log(`${s.documents} documents, ${s.gold} gold mentions, ${s.predicted} predicted`);
        console.log(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
        console.log(
          `coverage: links right ${s.linkedRight}/${s.linkable} (${pct(s.linkAccuracy)}); predictions on not-entities: ${s.notEntityHits}`,
        );
        console.log(`link precision ${s.linksRight}/${s.linksJudged} (${pct(s.linkPrecision)})`);
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
      console.error(command ? `gloss: no command "${command}"\n${USAGE}` : USAGE);
      return 2;
  }
}

try {
  process.exitCode = await run();
} catch (e) {
  console.error(`gloss: ${(e as Error).message}`);
  process.exitCode = 1;
}
