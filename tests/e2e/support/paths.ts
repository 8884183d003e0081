import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** Same variable as wxt.config.ts, so a run can build and test in its own folder. */
const OUTPUT = resolve(ROOT, process.env.GLOSS_OUT_DIR ?? '.output');
export const CHROME_BUILD = join(OUTPUT, 'chrome-mv3');
export const FIREFOX_BUILD = join(OUTPUT, 'firefox-mv3');
export const RESULTS = join(ROOT, 'test-results');
/** Saved news pages and corpus texts live beside the project, never in it. */
export const CORPUS = resolve(ROOT, '../shared/corpus');
const SEED_HTML = join(CORPUS, 'seed/article.html');
export const hasSeed = existsSync(SEED_HTML);

export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `No extension build in ${dir}: run "npm run build" and "npm run build:firefox" first (npm run test:e2e does both).`,
    );
  }
}
