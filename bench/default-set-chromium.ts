/**
 * The built-in default set in headless Chromium (after `npm run build`): how long a fresh install takes to
 * import every pack of the catalogue, and how soon a cold worker's matcher is ready over it, each beside a
 * baseline taken in the same browser in the same run. Targets from issue 13: import ≤ 3 s, cold matcher
 * ≤ 200 ms. Part of `npm run bench`; alone: `npx tsx bench/default-set-chromium.ts`.
 *
 * "Install" is timed from the moment the browser reports the new extension's service worker (the worker
 * starts the import on install) until listSources, which waits for the import, answers with every non-empty
 * pack imported: an upper bound, since it includes opening an extension page. Its baseline is the floor of
 * any install: the rows the import stored, put again raw into a scratch database in one transaction.
 * The cold matcher's baseline is the same lookup answered by the warm worker just before it was stopped.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'playwright-core';
import { stopServiceWorker, launchChromium } from '../tests/e2e/support/chromium';
import { timeMessage, timeRestoringStoredRows } from './ext-page';
import type { BrowserFigure } from './report';

interface SourceRow {
  id: string;
  kind: string;
  entityCount: number;
}

/**
 * A worker's own spans (lib/kb/spans.ts) whose names start with `prefix`, in ms: their lengths, and for the
 * install, how long after the worker's birth the import began. Spans measured from the birth are named so.
 */
async function workerSpans(worker: Worker, prefix: string): Promise<Record<string, number>> {
  const entries = await worker.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('gloss:'))
      .map((m) => ({ name: m.name.slice('gloss:'.length), startTime: m.startTime, duration: m.duration })),
  );
  const out: Record<string, number> = {};
  for (const { name, startTime, duration } of entries) {
    if (!name.startsWith(prefix)) continue;
    out[name] = duration;
    if (name === 'import:read-files') out['worker start → import'] = startTime;
  }
  return out;
}

function describeSpans(runs: Record<string, number>[]): string {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return names.map((n) => `${n} ${median(runs.flatMap((r) => (r[n] === undefined ? [] : [r[n]]))).toFixed(0)}`).join(', ');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const TARGET = { installMs: 3_000, readyMs: 200 };

export async function runDefaultSetBench(runs = 3, log: (line: string) => void = console.log): Promise<BrowserFigure[]> {
  const load = loadavg()[0]!.toFixed(1);
  const installs: number[] = [];
  const floors: number[] = [];
  const ready: number[] = [];
  const warm: number[] = [];
  const spans: Record<string, number>[] = [];
  const coldSpans: Record<string, number>[] = [];
  let counted = '';
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const session = await launchChromium();
    const t0 = performance.now();
    try {
      await session.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const ext = await session.context.newPage();
      await ext.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      const { reply } = await ext.evaluate(timeMessage, { type: 'listSources', data: {} });
      installs.push(performance.now() - t0);
      spans.push(await workerSpans(session.worker, ''));
      const builtins = (reply as SourceRow[]).filter((s) => s.kind === 'builtin');
      counted = builtins.map((s) => `${s.id} ${s.entityCount}`).join(', ');
      // Warm once (builds and stores the matcher), then time a cold worker that loads it.
      const text = 'Benjamin Netanyahu met Donald Trump in Washington.';
      await ext.evaluate(timeMessage, { type: 'annotate', data: { blocks: [text] } });
      await ext.waitForTimeout(2_000);
      warm.push((await ext.evaluate(timeMessage, { type: 'annotate', data: { blocks: [text] } })).ms);
      const floor = await ext.evaluate(timeRestoringStoredRows);
      floors.push(floor.putMs);
      rows = floor.rows;
      await stopServiceWorker(session, ext);
      const { ms } = await ext.evaluate(timeMessage, { type: 'annotate', data: { blocks: [text] } });
      ready.push(ms);
      const cold = session.context.serviceWorkers().at(-1);
      if (cold) coldSpans.push(await workerSpans(cold, 'start:'));
    } finally {
      await session.close();
    }
  }
  log(`load average at start ${load}; default set: ${counted}`);
  log(`install → default set imported: ${list(installs)} ms; raw put of its ${rows} rows: ${list(floors)} ms`);
  log(`install's own steps in the worker (median ms): ${describeSpans(spans)}`);
  log(`cold worker → matcher ready (annotate): ${list(ready)} ms; warm worker: ${list(warm)} ms`);
  log(`the cold worker's own steps, from its birth (median ms): ${describeSpans(coldSpans)}`);
  const [install, floor, cold, hot] = [median(installs), median(floors), median(ready), median(warm)];
  return [
    {
      what: `install → the default set imported (${counted})`,
      value: Math.round(install),
      unit: 'ms',
      how: `median of ${runs} fresh profiles (${list(installs)} ms), load ${load} at start`,
      baseline: { what: `IndexedDB put of the ${rows} rows it stored, one transaction`, value: Math.round(floor), unit: 'ms' },
      ratio: `${(install / floor).toFixed(1)}× the raw put`,
      target: { max: TARGET.installMs, unit: 'ms' },
      why: 'the time includes the browser installing the extension and starting its worker, and opening the page that asks',
    },
    {
      what: 'default set: matcher ready after a cold worker start (annotate from an extension page)',
      value: Math.round(cold),
      unit: 'ms',
      how: `median of ${runs} (${list(ready)} ms)`,
      baseline: { what: 'the same annotate on the warm worker', value: Math.round(hot), unit: 'ms' },
      ratio: `${(cold / Math.max(hot, 1)).toFixed(1)}× the warm worker`,
      target: { max: TARGET.readyMs, unit: 'ms' },
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runDefaultSetBench();
