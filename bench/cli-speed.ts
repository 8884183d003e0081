import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTLED_MS } from '../lib/cli/file-stamp';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, '.output/cli/gloss.mjs');

/** compromise as a command line of the same shape: reads the JSONL, prints each document's topics. */
const COMPROMISE_CLI = `
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
for (const line of readFileSync(process.argv[1], 'utf8').split('\\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  console.log(JSON.stringify({ id: doc.id, topics: nlp(doc.text).topics().json() }));
}`;

export interface CliFigures {
  /** Characters in the JSONL corpus's texts. */
  chars: number;
  /** Wall time of a whole `node gloss.mjs annotate --jsonl` process with its index cached (the usual run). */
  glossMs: number;
  /** The same with an empty cache: the first run after the packs change. */
  glossColdMs: number;
  /** The same process annotating an empty corpus: start-up alone. */
  glossStartMs: number;
  compromiseMs: number;
}

function wall(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.toString()}`);
  return ms;
}

/**
 * The CLI as a reader runs it: the bundle built by `npm run gloss:build`, one whole process over a JSONL
 * corpus, against compromise's whole process over the same corpus. Gloss gets the best of three runs and
 * compromise one (it is 10–100× slower). The cache lives in a fresh folder, so the cold run is real.
 */
export function runCliBench(texts: readonly string[]): CliFigures {
  execFileSync('npm', ['run', '--silent', 'gloss:build'], { cwd: ROOT, stdio: 'inherit' });
  // A bundle this fresh is keyed by its bytes, a settled one by its file status (stampFile): waiting until it
  // has settled gives every run below the same cache key, as a reader's runs have.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLED_MS + 100);
  const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-bench-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(corpus, texts.map((text, i) => JSON.stringify({ id: `doc-${i}`, text })).join('\n') + '\n');
    writeFileSync(empty, '');
    const env = { ...process.env, GLOSS_CACHE_DIR: join(dir, 'cache') };
    const gloss = (file: string) => wall([BUNDLE, 'annotate', '--jsonl', file], env);
    const glossColdMs = gloss(corpus);
    const glossStartMs = Math.min(gloss(empty), gloss(empty), gloss(empty));
    const glossMs = Math.min(gloss(corpus), gloss(corpus), gloss(corpus));
    const compromiseMs = wall(['--input-type=module', '-e', COMPROMISE_CLI, corpus], process.env);
    return { chars: texts.reduce((s, t) => s + t.length, 0), glossMs, glossColdMs, glossStartMs, compromiseMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
