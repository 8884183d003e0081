/**
 * Runs the extractors on every saved page in headless Chromium (the page's own scripts off, nothing
 * fetched), and scores their text against the reference extraction.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../scripts/chromium';
import { corpusPages, readSource, type CorpusPage } from './corpus';
import { plainText } from './plain-text';
import { previousDetectorEntry } from './previous-detector';
import { wordOverlap, type Overlap } from './word-overlap';

export const METHODS = ['current', 'readability', 'chosen'] as const;
export type Method = (typeof METHODS)[number];

export interface MethodResult extends Overlap {
  /** Median time of the extraction over the runs, in ms. */
  ms: number;
}

export interface PageScore {
  page: CorpusPage;
  sizeKb: number;
  results: Partial<Record<Method, MethodResult>>;
}

/** One script for the page: the old detector (from git) first, then the extractors that use it. */
async function bundle(): Promise<string> {
  const options = { bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent' } as const;
  const previous = await build({ ...options, stdin: { ...previousDetectorEntry(), loader: 'ts' } });
  const extractors = await build({ ...options, entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname] });
  return `${previous.outputFiles[0]!.text}\n${extractors.outputFiles[0]!.text}`;
}

export function referenceText(page: CorpusPage): string {
  const { kind, path } = page.reference!;
  const raw = readFileSync(path, 'utf8');
  if (kind === 'text') return raw;
  const { document } = parseHTML(`<html><body>${raw}</body></html>`);
  return plainText(document.body as unknown as Element);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measure(
  pages: CorpusPage[],
  methods: readonly Method[],
  runs: number,
  onPage?: (s: PageScore) => void,
): Promise<PageScore[]> {
  const code = await bundle();
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  const scores: PageScore[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    for (const page of pages) {
      const html = readSource(page);
      const tab = await context.newPage();
      // Offline: the page itself from memory, everything else refused.
      await tab.route('**/*', (route) =>
        route.request().url() === 'http://fakehost/test/page.html'
          ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
          : route.abort(),
      );
      await tab.goto('http://fakehost/test/page.html', { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
      await tab.evaluate(code);
      // Style and layout once before timing: the content script starts after the page's first frame.
      await tab.evaluate(() => document.body?.getBoundingClientRect());
      const reference = referenceText(page);
      const results: PageScore['results'] = {};
      for (const m of methods) {
        const times: number[] = [];
        let text = '';
        for (let r = 0; r < runs; r++) {
          const got = await tab.evaluate((name) => (globalThis as any).glossExtraction[name](), m); // eslint-disable-line @typescript-eslint/no-explicit-any
          times.push(got.ms);
          text = got.text;
        }
        results[m] = { ...wordOverlap(text, reference), ms: median(times) };
      }
      await tab.close();
      const score = { page, sizeKb: Math.round(html.length / 1024), results };
      scores.push(score);
      onPage?.(score);
    }
  } finally {
    await browser.close();
  }
  return scores;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const showHeldOut = args.includes('--held-out');
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const pages = corpusPages().filter((p) => p.reference && (!only || p.id.includes(only)));
  const sums: Record<string, number[]> = {};
  await measure(pages, METHODS, 3, (s) => {
    const cells = METHODS.map((m) => {
      const r = s.results[m]!;
      const key = `${m}${s.page.heldOut ? ' held-out' : ''}`;
      (sums[key] ??= []).push(r.f1);
      return `${m} P ${r.precision.toFixed(2)} R ${r.recall.toFixed(2)} F ${r.f1.toFixed(3)} ${r.ms.toFixed(1)}ms`;
    });
    if (!s.page.heldOut) console.log(s.page.id.padEnd(50), `${String(s.sizeKb).padStart(5)}KB`, cells.join(' | '));
  });
  for (const [k, f] of Object.entries(sums)) {
    if (k.includes('held-out') && !showHeldOut) continue;
    const mean = f.reduce((a, b) => a + b, 0) / f.length;
    console.log(`${k}: mean F1 ${mean.toFixed(3)} over ${f.length}, ${f.filter((x) => x < 0.8).length} below 0.80`);
  }
}
