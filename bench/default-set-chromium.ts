/**
 * The built-in default set in headless Chromium (after `npm run build`): how long a fresh install takes to
 * import every pack of the catalogue, and how soon a cold worker's matcher is ready over it. Targets from
 * issue 13: import ≤ 3 s, cold matcher ≤ 200 ms. Run: `npx tsx bench/default-set-chromium.ts`.
 *
 * "Install" is timed from the moment the browser reports the new extension's service worker (the worker
 * starts the import on install) until listSources, which waits for the import, answers with every non-empty
 * pack imported: an upper bound, since it includes opening an extension page.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { stopServiceWorker, launchChromium } from '../tests/e2e/support/chromium';
import { timeMessage } from './ext-page';

interface SourceRow {
  id: string;
  kind: string;
  entityCount: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runDefaultSetBench(runs = 3): Promise<void> {
  const load = loadavg()[0]!.toFixed(1);
  const installs: number[] = [];
  const ready: number[] = [];
  let counted = '';
  for (let i = 0; i < runs; i++) {
    const session = await launchChromium();
    const t0 = performance.now();
    try {
      await session.context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const ext = await session.context.newPage();
      await ext.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      const { reply } = await ext.evaluate(timeMessage, { type: 'listSources', data: {} });
      installs.push(performance.now() - t0);
      const builtins = (reply as SourceRow[]).filter((s) => s.kind === 'builtin');
      counted = builtins.map((s) => `${s.id} ${s.entityCount}`).join(', ');
      // Warm once (builds and stores the matcher), then time a cold worker that loads it.
      const text = 'Benjamin Netanyahu met Donald Trump in Washington.';
      await ext.evaluate(timeMessage, { type: 'annotate', data: { blocks: [text] } });
      await ext.waitForTimeout(2_000);
      await stopServiceWorker(session, ext);
      const { ms } = await ext.evaluate(timeMessage, { type: 'annotate', data: { blocks: [text] } });
      ready.push(ms);
    } finally {
      await session.close();
    }
  }
  console.log(`load average at start ${load}; default set: ${counted}`);
  console.log(
    `install → default set imported: ${installs.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(installs).toFixed(0)}; target ≤ 3000)`,
  );
  console.log(
    `cold worker → matcher ready (annotate): ${ready.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(ready).toFixed(0)}; target ≤ 200)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runDefaultSetBench();
