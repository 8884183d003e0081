/**
 * The article detector as it was when issue 15 was filed, read from git history at measure time, so the
 * bench compares against exactly that code without a frozen copy of it in the tree. Node only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PreviousDetector } from './methods';

/** The last commit before the detector changed for issue 15 (8afb220 is the first that changed it). */
export const FILED_COMMIT = 'e993054a077b2a1808d760b0a27cf84ab639fba5';

/** The detector's files at that commit: they import only each other. */
const FILES = ['main-content', 'skip-rules', 'walker', 'json-ld-body'] as const;

const REPO = resolve(import.meta.dirname, '../..');

function gitShow(path: string): string {
  try {
    return execFileSync('git', ['-C', REPO, 'show', `${FILED_COMMIT}:${path}`], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(
      `Cannot read ${path} at commit ${FILED_COMMIT.slice(0, 7)} from git (a shallow clone lacks it; fetch the history): ${String(e)}`,
    );
  }
}

/** Writes the old detector's files into a temporary folder and returns it. */
function previousDetectorDir(): string {
  const dir = join(tmpdir(), `gloss-detector-${FILED_COMMIT.slice(0, 7)}`);
  mkdirSync(dir, { recursive: true });
  for (const name of FILES) {
    const source = gitShow(`lib/page/${name}.ts`);
    // Anything imported from outside these four files would not be the old code: refuse rather than mix.
    for (const [, from] of source.matchAll(/from '([^']+)'/g)) {
      if (!FILES.some((f) => from === `./${f}`)) throw new Error(`${name}.ts at ${FILED_COMMIT} imports ${from}`);
    }
    writeFileSync(join(dir, `${name}.ts`), source);
  }
  return dir;
}

/** The old detector, imported in Node (tsx compiles the files from the temporary folder). */
export async function loadPreviousDetector(): Promise<PreviousDetector> {
  const dir = previousDetectorDir();
  const area = (await import(join(dir, 'main-content.ts'))) as Pick<PreviousDetector, 'findArticleArea'>;
  const walker = (await import(join(dir, 'walker.ts'))) as Pick<PreviousDetector, 'walkBlocks'>;
  return { findArticleArea: area.findArticleArea, walkBlocks: walker.walkBlocks };
}

/** Source of a browser script that puts the old detector on `globalThis.glossPrevious`, for esbuild. */
export function previousDetectorEntry(): { contents: string; resolveDir: string } {
  const dir = previousDetectorDir();
  return {
    resolveDir: dir,
    contents:
      "import { findArticleArea } from './main-content';\n" +
      "import { walkBlocks } from './walker';\n" +
      'globalThis.glossPrevious = { findArticleArea, walkBlocks };\n',
  };
}
