import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLocal, type LocalServer } from '../../scripts/local-server';
import { launcherForFile, type ChromiumSession } from './support/chromium';
import { READ_STATS, type ContentStats } from './support/content-world';
import { highlightsIn, worldOf } from './support/gloss-page';
import { CORPUS, ROOT } from './support/paths';

/**
 * One pipeline (issue 14): on a saved page, `gloss annotate page.html` reports exactly what Gloss marks in
 * Chromium: the same article text, the same filters and caps, the same known and unknown marks, and the
 * same decision on a page that is not in English (known names only, no name finder).
 */

/** English news pages and a French one (lemonde), from the shared corpus. */
const PAGES = [
  'seed/article.html',
  'pages/trafilatura__timesofisrael.com.washington/source.html',
  'pages/readability-lemonde-1/source.html',
];
const present = PAGES.filter((p) => existsSync(join(CORPUS, p)));
if (present.length < PAGES.length) console.warn(`one-pipeline e2e: ${CORPUS} lacks some saved pages; those are skipped`);

interface CliMention {
  surface: string;
  known: boolean;
}

/** "surface|known" or "surface|unknown", sorted: what a reader sees marked, whatever the order of painting. */
const marksOf = (list: { surface: string; known: boolean }[]) =>
  list.map((m) => `${m.surface}|${m.known ? 'known' : 'unknown'}`).sort();

let server: LocalServer;
let cache: string;
const launch = launcherForFile();
let gloss: ChromiumSession;

beforeAll(async () => {
  cache = mkdtempSync(join(tmpdir(), 'gloss-one-pipeline-'));
  server = await listenLocal((req, res) => {
    const page = PAGES[Number(/^\/(\d+)\.html$/.exec(req.url ?? '')?.[1])];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(CORPUS, page)));
  });
  gloss = await launch();
});
afterAll(async () => {
  await server?.close();
  rmSync(cache, { recursive: true, force: true });
});

/** The CLI, as a reader runs it, on the saved file. */
function cliMarks(file: string): { lang: string; mentions: CliMention[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gloss.ts'), 'annotate', file], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_CACHE_DIR: cache },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out) as { lang: string; mentions: CliMention[] };
}

/** What Gloss marked in Chromium once it settled: known marks carry their kind, the others "unknown". */
async function browserMarks(i: number): Promise<{ surface: string; known: boolean }[]> {
  const page = await gloss.context.newPage();
  try {
    const world = worldOf(gloss.context, page, gloss.extensionId);
    await page.goto(server.url(`/${i}.html`), { waitUntil: 'domcontentloaded' });
    await expect
      .poll(async () => (await (await world).evaluate<ContentStats>(READ_STATS))?.settledAt ?? null, {
        timeout: 30_000,
        interval: 250,
      })
      .not.toBeNull();
    const marks = await highlightsIn(await world, page);
    return marks
      .filter((h) => h.kind !== 'focus' && h.kind !== 'flash')
      .map((h) => ({ surface: h.text, known: h.kind !== 'unknown' }));
  } finally {
    await page.close();
  }
}

describe('the CLI reports what the browser marks', () => {
  it.each(present.map((p) => [p, PAGES.indexOf(p)] as const))('%s', async (page, i) => {
    const cli = cliMarks(join(CORPUS, page));
    const browser = await browserMarks(i);
    expect(browser.length, 'Gloss marked nothing in Chromium').toBeGreaterThan(0);
    expect(marksOf(cli.mentions)).toEqual(marksOf(browser));
    if (!cli.lang.toLowerCase().startsWith('en')) {
      // Not English: known names only, in both.
      expect(cli.mentions.filter((m) => !m.known)).toEqual([]);
    }
  });
});
