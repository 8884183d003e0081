import type { BrowserContext } from 'playwright-core';

export interface ColdStartTrace {
  /** The new worker waiting for its installed script from the browser process. */
  scriptWaitMs: number;
  /** Compiling and running background.js's top level. */
  evaluateMs: number;
}

/**
 * Traces whatever `run` does (a lookup sent to a stopped worker) with Chromium's tracing and sums the
 * service-worker thread's script loading and evaluation: the part of a cold start that is the worker
 * being born, before any of Gloss's start-up code or lookups run.
 */
export async function traceColdStart(context: BrowserContext, run: () => Promise<void>): Promise<ColdStartTrace | null> {
  const browser = context.browser();
  if (!browser) return null;
  await browser.startTracing(undefined, { categories: ['devtools.timeline', 'v8', 'toplevel', 'ServiceWorker'] });
  let events: TraceEvent[];
  try {
    await run();
  } finally {
    const raw = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
    events = Array.isArray(raw) ? raw : raw.traceEvents;
  }
  const threads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && /service ?worker/i.test(String(e.args?.name)))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const sum = (name: string) =>
    events
      .filter((e) => e.ph === 'X' && e.name === name && threads.has(`${e.pid}:${e.tid}`))
      .reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0);
  return { scriptWaitMs: sum('ServiceWorkerInstalledScriptsManager::GetScriptData'), evaluateMs: sum('EvaluateScript') };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: unknown };
}
