/**
 * Work in slices: Gloss never holds the page's main thread for long. A task over 50 ms is what users feel
 * as jank (RAIL, Long Tasks API); each slice stops well before that and gives the thread back.
 */

/** Default budget of one slice. Small, so that a slice plus the page's own work still fits in a frame. */
export const SLICE_BUDGET_MS = 8;

/** The longest slice and how many ran, readable by tests in the content script's world. */
export interface SliceStats {
  slices: number;
  longestMs: number;
  longestName: string;
  /** Slices per name: a long walk done in several slices shows as a count above one. */
  counts: Record<string, number>;
}

export const sliceStats: SliceStats = { slices: 0, longestMs: 0, longestName: '', counts: {} };

/** Runs `fn` and records how long it held the thread. */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const took = performance.now() - start;
    sliceStats.slices++;
    sliceStats.counts[name] = (sliceStats.counts[name] ?? 0) + 1;
    if (took > sliceStats.longestMs) {
      sliceStats.longestMs = took;
      sliceStats.longestName = name;
    }
  }
}

function abortError(): DOMException {
  return new DOMException('Gloss work cancelled', 'AbortError');
}

/**
 * Resolves in a new task. A timer callback rather than `scheduler.yield()`: the continuation then runs
 * inside a callback of ours, which also lets profilers attribute the work to Gloss.
 */
export function nextTask(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    setTimeout(() => (signal?.aborted ? reject(abortError()) : resolve()), 0);
  });
}

/**
 * Resolves after the browser has rendered a frame. Scanning before the first frame would make Gloss pay
 * for the page's first style and layout pass (hundreds of ms on heavy pages) inside its own task; a tab
 * opened in the background waits here until it is shown.
 */
export function afterFrame(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => setTimeout(() => (signal?.aborted ? reject(abortError()) : resolve()), 0));
  });
}

/** Resolves when the browser is idle (or after `timeout` ms at most), with the time left in that idle period. */
export function whenIdle(signal?: AbortSignal, timeout = 1_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const ric = globalThis.requestIdleCallback;
    if (typeof ric !== 'function') {
      setTimeout(() => (signal?.aborted ? reject(abortError()) : resolve(SLICE_BUDGET_MS)), 1);
      return;
    }
    ric(
      (deadline) => (signal?.aborted ? reject(abortError()) : resolve(Math.max(deadline.timeRemaining(), SLICE_BUDGET_MS / 2))),
      { timeout },
    );
  });
}

/**
 * Pulls items from `source` and hands each to `work`, in slices of at most `budgetMs` (the item in hand
 * is finished, so one item should be small). Between slices the thread goes back to the page: at once
 * (`urgent`, for what the reader is waiting to see) or when the browser is idle.
 */
export async function runSliced<T>(
  name: string,
  source: Iterator<T>,
  work: (item: T) => void,
  opts: { signal: AbortSignal; urgent?: boolean; budgetMs?: number },
): Promise<void> {
  const budget = opts.budgetMs ?? SLICE_BUDGET_MS;
  for (;;) {
    const allowed = opts.urgent ? budget : Math.min(budget, await whenIdle(opts.signal));
    let finished = false;
    timed(name, () => {
      const start = performance.now();
      while (performance.now() - start < allowed) {
        const next = source.next();
        if (next.done) {
          finished = true;
          return;
        }
        work(next.value);
      }
    });
    if (finished) return;
    if (opts.urgent) await nextTask(opts.signal);
  }
}
