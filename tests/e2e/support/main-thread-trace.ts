import type { CDPSession } from 'playwright-core';

/**
 * How long Gloss's content script holds a page's main thread, from a V8 CPU profile of the page's
 * isolate (content scripts run there too, in their own world). The Long Animation Frames API would be
 * simpler but hides extension scripts from the page (its `scripts` list is empty for them), and a full
 * trace of a heavy page takes longer to collect than the page takes to load.
 *
 * A sample is Gloss's when a frame of its stack is in chrome-extension://<id>/; that includes the style
 * and layout Gloss's calls force, which run under its frames. A run is a stretch of Gloss samples with
 * nothing of the page's and no idle time between them: Gloss's share of one task.
 */

interface ProfileNode {
  id: number;
  parent?: number;
  children?: number[];
  callFrame: { url: string; functionName: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface GlossRun {
  /** Length of the run, ms. */
  ms: number;
  /** Gloss functions sampled in it, most frequent first. */
  functions: string[];
}

export interface GlossProfile {
  /** Runs, longest first. */
  runs: GlossRun[];
  /** All Gloss time on the main thread, ms. */
  totalMs: number;
}

/** Samples every 250 µs: fine enough to see a 50 ms task to within a few per cent. */
const INTERVAL_US = 250;
/** Engine housekeeping between two Gloss samples does not end a run, unless it lasts (a frame being drawn). */
const NEUTRAL = new Set(['(program)', '(garbage collector)']);
const NEUTRAL_GAP_US = 1_000;

export async function startProfile(cdp: CDPSession): Promise<() => Promise<CpuProfile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile as CpuProfile;
}

export function glossRuns(profile: CpuProfile, extensionId: string): GlossProfile {
  const prefix = `chrome-extension://${extensionId}/`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string | null>();
  const glossFrame = (id: number): string | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url.startsWith(prefix)) {
        found = frame.functionName || '(anonymous)';
        break;
      }
    }
    memo.set(id, found);
    return found;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const runs: GlossRun[] = [];
  let totalUs = 0;
  let runUs = 0;
  let counts = new Map<string, number>();
  let neutralUs = 0;
  const close = () => {
    neutralUs = 0;
    if (runUs > 0) runs.push({ ms: runUs / 1000, functions: [...counts].sort((a, b) => b[1] - a[1]).map(([f]) => f) });
    runUs = 0;
    counts = new Map();
  };
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one.
    const span = deltas[i + 1] ?? INTERVAL_US;
    const fn = glossFrame(samples[i]!);
    if (fn) {
      runUs += span;
      totalUs += span;
      neutralUs = 0;
      counts.set(fn, (counts.get(fn) ?? 0) + 1);
    } else if (NEUTRAL.has(byId.get(samples[i]!)!.callFrame.functionName) && (neutralUs += span) <= NEUTRAL_GAP_US) {
      continue;
    } else {
      close();
    }
  }
  close();
  runs.sort((a, b) => b.ms - a.ms);
  return { runs, totalMs: totalUs / 1000 };
}
