import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWorld, READ_STATS, type ContentStats } from './support/content-world';
import { launchChromium, launchPlainChromium, type ChromiumSession } from './support/chromium';
import { highlightLabels } from './support/gloss-page';
import { glossRuns, startProfile } from './support/main-thread-trace';
import { placeHighlights, readableText } from './support/page-probes';
import { CORPUS, ROOT } from './support/paths';
import { startServer, type TestServer } from '../../scripts/demo-server';
import { waitForMarks } from './support/marks';

/**
 * Gloss on every saved news page in ../shared/corpus/pages, each loaded twice in headless Chromium: once
 * without Gloss (the page's own errors and text) and once with it, traced. Checks that marks sit in the
 * article only, that the text and errors are the page's own, and measures how fast and how lightly
 * Gloss works; the figures go to test-results/pages.md (`npm test` never rewrites a committed file: the
 * table in docs/pages.md is written by a script).
 */

const PAGES = join(CORPUS, 'pages');
const DOC = join(ROOT, 'test-results/pages.md');
const dirs = existsSync(PAGES)
  ? readdirSync(PAGES)
      .filter((d) => existsSync(join(PAGES, d, 'source.html')))
      .sort()
  : [];
const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/pages/expected.json'), 'utf8')) as Record<
  string,
  { body: string; mustFind: string[]; min: number }
>;
/** Time the page gets after its DOM is loaded before its text and errors are read, in both runs. */
const SETTLE_MS = 1_500;
/** Baseline runs (no Gloss, nothing measured) load this many pages at once. */
const BASELINE_PARALLEL = 4;

interface PageResult {
  page: string;
  sizeKb: number;
  known: number;
  unknown: number;
  how: string;
  paintMs: number | null;
  longestGlossMs: number;
  totalGlossMs: number;
}

/** A page on its own: its errors and readable text without Gloss. */
interface Baseline {
  errors: string[];
  text: string;
}

const results: PageResult[] = [];
let server: TestServer;
let gloss: ChromiumSession;
let plain: Browser;
const baselines = new Map<string, Baseline>();

/** Requests of the browser with Gloss, and the hosts the pages contact on their own (without Gloss). */
const glossRequests: { url: string; byGloss: boolean }[] = [];
const pageOwnHosts = new Set<string>();
const hostOf = (url: string) => (/^https?:/.test(url) ? new URL(url).hostname : null);
const leavesMachine = (url: string) => {
  const host = hostOf(url);
  return host !== null && host !== '127.0.0.1';
};

async function loadBaseline(dir: string): Promise<void> {
  const page = await plain.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const host = hostOf(r.url());
    if (host) pageOwnHosts.add(host);
  });
  await page
    .goto(server.url(`/corpus/pages/${dir}/source.html`), { waitUntil: 'domcontentloaded', timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForTimeout(SETTLE_MS);
  baselines.set(dir, { errors, text: await page.evaluate(readableText) });
  await page.close();
}

beforeAll(async () => {
  if (dirs.length === 0) return;
  server = await startServer();
  [gloss, plain] = await Promise.all([launchChromium(), launchPlainChromium()]);
  gloss.context.on('request', (r) => {
    let frame = '';
    try {
      frame = r.frame().url();
    } catch {
      // A service worker's request has no frame.
    }
    glossRequests.push({ url: r.url(), byGloss: r.serviceWorker() !== null || frame.startsWith('chrome-extension://') });
  });
  // The first page after install waits for the built-in pack to be imported; measure steady state.
  const warm = await gloss.context.newPage();
  await warm.goto(server.url('/demo/article.html'));
  await waitForMarks(warm, 30_000);
  await warm.close();
  // Baselines in parallel, before anything is timed: they only read what the page does on its own.
  const queue = [...dirs];
  await Promise.all(
    Array.from({ length: BASELINE_PARALLEL }, async () => {
      for (let dir = queue.shift(); dir; dir = queue.shift()) await loadBaseline(dir);
    }),
  );
}, 180_000);

afterAll(async () => {
  if (results.length === dirs.length && dirs.length > 0) await writeTable(results);
  await gloss?.close();
  await plain?.close();
  await server?.close();
});

function without(own: string[], base: string[]): string[] {
  const left = [...base];
  return own.filter((e) => {
    const i = left.indexOf(e);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('Gloss on the saved news pages', () => {
  if (dirs.length === 0) {
    it('needs ../shared/corpus/pages', (ctx) => {
      console.warn('skipped: ../shared/corpus/pages absent, no real pages to check');
      ctx.skip();
    });
  }

  it.each(dirs)('%s: marks the article only, leaves the page as it was, stays light', async (dir) => {
    const spec = expected[dir];
    expect(spec, `an entry for ${dir} in tests/fixtures/pages/expected.json`).toBeDefined();
    const url = server.url(`/corpus/pages/${dir}/source.html`);

    const base = baselines.get(dir)!;
    const page = await gloss.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const world = await contentWorld(gloss.context, page, gloss.extensionId);
    const stopProfile = await startProfile(world.cdp);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
    await expect
      .poll(async () => (await world.evaluate<ContentStats>(READ_STATS))?.settledAt ?? null, { timeout: 20_000, interval: 200 })
      .not.toBeNull();
    await page.waitForTimeout(SETTLE_MS);
    const profile = glossRuns(await stopProfile(), gloss.extensionId);
    const stats = (await world.evaluate<ContentStats>(READ_STATS))!;
    const placed = await page.evaluate(placeHighlights, [spec!.body, await highlightLabels(world)] as [
      string,
      Record<string, string>,
    ]);
    const text = await page.evaluate(readableText);
    await page.close();

    const longest = profile.runs[0];
    results.push({
      page: dir,
      sizeKb: Math.round(readFileSync(join(PAGES, dir, 'source.html')).length / 1024),
      known: placed.filter((p) => p.name !== 'unknown').length,
      unknown: placed.filter((p) => p.name === 'unknown').length,
      how: `${stats.how}: ${stats.roots.join(' + ')}`,
      paintMs: stats.paintedAt === null ? null : stats.paintedAt - stats.startedAt,
      longestGlossMs: longest?.ms ?? 0,
      totalGlossMs: profile.totalMs,
    });

    const texts = placed.map((p) => p.text);
    expect(
      placed.filter((p) => !p.inBody).map((p) => p.text),
      'marks outside the article',
    ).toEqual([]);
    expect(
      placed.filter((p) => p.furniture !== null).map((p) => `${p.text} in ${p.furniture}`),
      'marks in furniture',
    ).toEqual([]);
    expect(placed.length).toBeGreaterThanOrEqual(spec!.min);
    for (const name of spec!.mustFind) expect(texts, `a mark on "${name}"`).toContain(name);
    expect(firstDifference(text, base.text), 'where the page text with Gloss differs from the text without').toBeNull();
    expect(without(errors, base.errors), 'page errors Gloss added').toEqual([]);
    // Timings are written to test-results/pages.md, not asserted: a timed assertion flakes on a shared 2-core
    // machine. The report says where the 50 ms target is missed and by how much.
  });
});

describe('what leaves the machine with default settings', () => {
  const seed = join(CORPUS, 'seed/article.html');
  it('nothing from Gloss: on the seed article and every saved page, no request beyond 127.0.0.1 the page did not make itself', async (ctx) => {
    if (!existsSync(seed) || dirs.length < 2) {
      console.warn('skipped: ../shared/corpus (seed article and saved pages) absent');
      ctx.skip();
      return;
    }
    const page = await gloss.context.newPage();
    await page.goto(server.url('/corpus/seed/article.html'), { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 20_000 });
    await page.waitForTimeout(SETTLE_MS);
    await page.close();
    expect(glossRequests.filter((r) => r.byGloss && leavesMachine(r.url)).map((r) => r.url)).toEqual([]);
    const added = glossRequests.filter((r) => leavesMachine(r.url) && !pageOwnHosts.has(hostOf(r.url)!));
    expect(added.map((r) => r.url)).toEqual([]);
    const seen = glossRequests.filter((r) => r.url.includes('/corpus/seed/') || r.url.includes('/corpus/pages/'));
    expect(seen.length, 'the watcher saw the pages load').toBeGreaterThan(dirs.length);
  });
});

/**
 * Where two texts first differ, or null. Long digit runs are the page's own clock (cache-busting
 * timestamps a page writes into its markup, as herald-sun does), not text Gloss could have changed.
 */
function firstDifference(a: string | null, b: string | null): string | null {
  const x = (a ?? '').replace(/\d{8,}/g, '#');
  const y = (b ?? '').replace(/\d{8,}/g, '#');
  if (x === y) return null;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `at ${i}: "${x.slice(Math.max(0, i - 40), i + 60)}" vs "${y.slice(Math.max(0, i - 40), i + 60)}"`;
}

const ms = (n: number | null) => (n === null ? '—' : n.toFixed(0));

/** Writes the measured table into test-results/pages.md, formatted so it can be pasted into docs/pages.md. */
async function writeTable(rows: PageResult[]): Promise<void> {
  const over = rows.filter((r) => r.longestGlossMs > 50);
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`tests/e2e/pages.e2e.test.ts\` on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), headless Chromium, V8 sampling profiler on (every 250 µs); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min) when the table was written.`,
    '',
    '| page | size (KB) | known marks | unknown-actor marks | article found by | idle → painted (ms) | longest Gloss task (ms) | all Gloss work (ms) |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.sizeKb} | ${r.known} | ${r.unknown} | ${r.how.replace(/\|/g, '\\|')} | ${ms(r.paintMs)} | ${r.longestGlossMs.toFixed(1)} | ${r.totalGlossMs.toFixed(1)} |`,
    ),
    '',
    over.length === 0
      ? 'Every page is within the 50 ms target.'
      : `Over the 50 ms target: ${over.map((r) => `${r.page} (${r.longestGlossMs.toFixed(0)} ms, +${(r.longestGlossMs - 50).toFixed(0)})`).join(', ')}.`,
  ].join('\n');
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '<!-- pages-table:start -->\n<!-- pages-table:end -->\n';
  const updated = doc.replace(
    /<!-- pages-table:start -->[\s\S]*<!-- pages-table:end -->/,
    `<!-- pages-table:start -->\n${table}\n<!-- pages-table:end -->`,
  );
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, await prettier.format(updated, { ...options, filepath: DOC }));
}
