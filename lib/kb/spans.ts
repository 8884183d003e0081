/**
 * Named spans of a write to the knowledge base on the performance timeline (user timing), so that the
 * install bench can say where an install's seconds go without a profiler (bench/default-set-chromium.ts).
 * Only the latest span of each name is kept: a worker that syncs for hours does not pile them up.
 */
export function endSpan(name: string, start: number): void {
  const timeline = globalThis.performance;
  if (typeof timeline?.measure !== 'function' || typeof timeline.clearMeasures !== 'function') return;
  const full = `gloss:${name}`;
  timeline.clearMeasures(full);
  timeline.measure(full, { start, end: timeline.now() });
}
