/**
 * Issue 13's third speed target, in headless Chromium with the built extension and the built-in default
 * set: on the saved corpus pages (../shared/corpus/pages and readability-pages), Gloss's longest main-thread
 * task stays under 50 ms. Each page is loaded once in a fresh tab with the V8 sampling profiler on (as
 * tests/e2e/pages.e2e.test.ts does); Gloss's longest run of samples is the page's figure. The baseline,
 * from the same profiles: the page's own longest run (its scripts, parsing and layout, nothing of Gloss's).
 * readability-pages is split as the project splits it (every 4th folder by name held out) and reported apart.
 * Part of `npm run bench`; alone: `npx tsx bench/corpus-longest-task.ts` (BENCH_PAGES_EVERY=n: every nth page;
 * BENCH_PAGES_ONLY=a,b: those folders only).
 */
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { startServer } from '../scripts/demo-server';
import { launchChromium } from '../tests/e2e/support/chromium';
import { contentWorld, READ_STATS, type ContentStats } from '../tests/e2e/support/content-world';
import { glossRuns, startProfile } from '../tests/e2e/support/main-thread-trace';
import { CORPUS } from '../tests/e2e/support/paths';
import type { BrowserFigure } from './report';

const TARGET_MS = 50;
/** Time a page gets after Gloss settles, so late work (unknown actors in idle time) is in the profile. */
const SETTLE_MS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const r1 = (x: number) => Math.round(x * 10) / 10;

interface CorpusPage {
  path: string;
  name: string;
  part: 'tuning' | 'held out';
}

/** The saved pages; readability-pages' every 4th folder (sorted, index % 4 == 3) is the held-out part. */
function corpusPages(every: number): CorpusPage[] {
  const out: CorpusPage[] = [];
  for (const folder of ['pages', 'readability-pages']) {
    const dir = join(CORPUS, folder);
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir)
      .filter((n) => existsSync(join(dir, n, 'source.html')))
      .sort();
    names.forEach((name, i) => {
      const part = folder === 'readability-pages' && i % 4 === 3 ? 'held out' : 'tuning';
      out.push({ path: `/corpus/${folder}/${name}/source.html`, name, part });
    });
  }
  const only = process.env.BENCH_PAGES_ONLY?.split(',');
  return out.filter((p, i) => (only ? only.includes(p.name) : i % every === 0));
}

interface PageTiming {
  page: CorpusPage;
  glossMs: number;
  pageMs: number;
  functions: string[];
  /** The content script's own longest timed slice (lib/page/slices.ts): which step it was. */
  slice: string;
}

type Profile = Awaited<ReturnType<Awaited<ReturnType<typeof startProfile>>>>;

/** The page's own longest run of busy samples (not idle, nothing of Gloss's on the stack), ms. */
function pageLongestRun(profile: Profile, extensionId: string): number {
  const p = profile as unknown as {
    nodes: { id: number; children?: number[]; callFrame: { url: string; functionName: string } }[];
    samples?: number[];
    timeDeltas?: number[];
  };
  const prefix = `chrome-extension://${extensionId}/`;
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const isGloss = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)!.callFrame.url.startsWith(prefix)) return true;
    return false;
  };
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  let longest = 0;
  let run = 0;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    const busy = byId.get(id)!.callFrame.functionName !== '(idle)' && !isGloss(id);
    run = busy ? run + (deltas[i + 1] ?? 250) : 0;
    longest = Math.max(longest, run);
  }
  return longest / 1000;
}

async function profilePage(context: BrowserContext, extensionId: string, url: string, page: CorpusPage): Promise<PageTiming> {
  const tab = await context.newPage();
  try {
    const world = await contentWorld(context, tab, extensionId);
    const stop = await startProfile(world.cdp);
    await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    while ((await world.evaluate<ContentStats>(READ_STATS))?.settledAt == null) {
      if (Date.now() > deadline) break;
      await tab.waitForTimeout(200);
    }
    await tab.waitForTimeout(SETTLE_MS);
    const profile = await stop();
    const slices = (await world.evaluate<ContentStats>(READ_STATS))?.slices;
    const longest = glossRuns(profile, extensionId).runs[0];
    return {
      page,
      glossMs: longest?.ms ?? 0,
      pageMs: pageLongestRun(profile, extensionId),
      functions: longest?.functions.slice(0, 3) ?? [],
      slice: slices ? `${slices.longestName} ${r1(slices.longestMs)} ms` : 'none',
    };
  } finally {
    await tab.close();
  }
}

function figuresOf(part: string, timings: PageTiming[], load: string): BrowserFigure[] {
  if (timings.length === 0) return [];
  const worst = [...timings].sort((a, b) => b.glossMs - a.glossMs)[0]!;
  const over = timings.filter((t) => t.glossMs > TARGET_MS);
  return [
    {
      what: `corpus pages (${part}, ${timings.length}): Gloss's longest main-thread task, worst page`,
      value: r1(worst.glossMs),
      unit: 'ms',
      how: `${worst.page.name}, one load each with the default set, V8 sampling profiler every 250 µs, load ${load} at start; ${over.length} of ${timings.length} pages over ${TARGET_MS} ms${over.length ? ` (${over.map((t) => `${t.page.name} ${r1(t.glossMs)}`).join(', ')})` : ''}; busiest: ${worst.functions.join(', ') || 'none'}`,
      baseline: { what: "that page's own longest task in the same load", value: r1(worst.pageMs), unit: 'ms' },
      target: { max: TARGET_MS, unit: 'ms' },
    },
    {
      what: `corpus pages (${part}, ${timings.length}): Gloss's longest main-thread task, median page`,
      value: r1(median(timings.map((t) => t.glossMs))),
      unit: 'ms',
      baseline: { what: "the pages' own longest task, median page", value: r1(median(timings.map((t) => t.pageMs))), unit: 'ms' },
    },
  ];
}

export async function runCorpusLongestTaskBench(log: (line: string) => void = console.log): Promise<BrowserFigure[]> {
  const every = Math.max(1, Number(process.env.BENCH_PAGES_EVERY ?? 1));
  const pages = corpusPages(every);
  if (pages.length === 0) {
    log('corpus pages: ../shared/corpus absent, longest task not measured');
    return [];
  }
  const server = await startServer();
  const session = await launchChromium();
  const load = loadavg()[0]!.toFixed(1);
  try {
    // The first page after install waits for the built-in import and the matcher: measure steady state.
    const warm = await session.context.newPage();
    await warm.goto(server.url('/demo/article.html'));
    await warm.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 60_000 });
    await warm.close();
    const timings: PageTiming[] = [];
    for (const page of pages) {
      const t = await profilePage(session.context, session.extensionId, server.url(page.path), page);
      timings.push(t);
      log(
        `${page.part.padEnd(8)} ${page.name.padEnd(40)} Gloss ${r1(t.glossMs)} ms (${t.functions.join(', ')}; slice ${t.slice}), page ${r1(t.pageMs)} ms`,
      );
    }
    log(`load average ${load} at start, ${loadavg()[0]!.toFixed(1)} at the end`);
    return [
      ...figuresOf(
        'tuning',
        timings.filter((t) => t.page.part === 'tuning'),
        load,
      ),
      ...figuresOf(
        'held out',
        timings.filter((t) => t.page.part === 'held out'),
        load,
      ),
    ];
  } finally {
    await session.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await runCorpusLongestTaskBench())
    console.log(
      `${f.what}: ${f.value} ${f.unit}; baseline ${f.baseline?.what} ${f.baseline?.value} ms${f.how ? `; ${f.how}` : ''}`,
    );
}
