/**
 * The browser side of bench/extraction/chromium-run.ts: each extractor on the live page, timed with
 * performance.now(). Bundled by esbuild into one script evaluated in the page.
 */
import { isRendered } from '../../lib/page/visibility';
import { chosen, current, readability, type PreviousDetector } from './methods';

export interface BrowserResult {
  text: string;
  ms: number;
}

function timedRun(fn: () => string): BrowserResult {
  const start = performance.now();
  const text = fn();
  return { text, ms: performance.now() - start };
}

/** Put there by the bundle of the old detector that chromium-run.ts evaluates first. */
const previous = (globalThis as unknown as { glossPrevious: PreviousDetector }).glossPrevious;

const extractors: Record<string, () => BrowserResult> = {
  current: () => timedRun(() => current(previous, document, isRendered)),
  readability: () => timedRun(() => readability(document, true)),
  chosen: () => timedRun(() => chosen(document, isRendered)),
};

(globalThis as unknown as { glossExtraction: typeof extractors }).glossExtraction = extractors;
