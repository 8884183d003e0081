/**
 * Functions run in the page's own world of a hostile page (tests/e2e/support/hostile-pages.ts). They run
 * through `inPage`, with the page's `__probing` flag set, so that the hostile overrides let them through:
 * the same source works in Chromium (Playwright) and Firefox (Puppeteer), which both evaluate strings.
 */

/** An expression that runs `fn` in the page with the hostile overrides disarmed. */
export function inPage(fn: () => unknown): string {
  return `window.__hostileTest.bypass(${fn.toString()})`;
}

export interface Mark {
  name: string;
  text: string;
  /** Whether the marked text is in the document's own tree (not in a shadow root). */
  inDocument: boolean;
  /** Id of the nearest element with an id around the mark. */
  id: string | null;
  /** Whether the mark sits in text the page itself keeps changing (`data-live`). */
  live: boolean;
  /** Offset of the mark in its text node. */
  offset: number;
  /** Where it is on screen; all zero for a mark far into a huge text node. */
  rect: { x: number; y: number; width: number; height: number };
}

/** Every Gloss mark in the page (focus and flash highlights aside). */
export function marks(): Mark[] {
  const out: Mark[] = [];
  for (const [name, highlight] of CSS.highlights) {
    // The focus and flash highlights are drawn only on the reader's keyboard walk or the popup's reveal,
    // which these pages never trigger: every highlight here is a mark.
    for (const range of highlight as Highlight) {
      const r = range as Range;
      const node = r.startContainer;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      // Measuring a range deep in a 10 MB text node walks its lines (Firefox: 0.1 s each); those get no box.
      const far = node.nodeType === 3 && (node as Text).length > 100_000 && r.startOffset > 1_000;
      const rect = far ? new DOMRect() : (r.getClientRects()[0] ?? r.getBoundingClientRect());
      out.push({
        name,
        text: r.toString(),
        inDocument: node.getRootNode() === document,
        id: el?.closest('[id]')?.id ?? null,
        live: !!el?.closest('[data-live]'),
        offset: r.startOffset,
        rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      });
    }
  }
  return out;
}

interface Instrumented {
  mutations: string[];
  textBefore: string | null;
  text(): string;
  maxGapMs: number;
  ticks: number;
  measuring: boolean;
}

/** What the page saw of Gloss: DOM mutations it did not make, and whether its text is as it was. */
export function pageView(): { mutations: string[]; textDiff: string | null; ticks: number; maxGapMs: number } {
  const t = (window as unknown as { __hostileTest: Instrumented }).__hostileTest;
  const now = t.text();
  const before = t.textBefore ?? '';
  let textDiff: string | null = null;
  if (now !== before) {
    let i = 0;
    while (i < now.length && now[i] === before[i]) i++;
    textDiff = `at ${i}: "${now.slice(Math.max(0, i - 40), i + 40)}" vs "${before.slice(Math.max(0, i - 40), i + 40)}"`;
  }
  return { mutations: t.mutations.slice(0, 20), textDiff, ticks: t.ticks, maxGapMs: t.maxGapMs };
}

/** Starts measuring the page's own timer: the longest gap between its 16 ms ticks from now on. */
export function startMeasuring(): void {
  const t = (window as unknown as { __hostileTest: Instrumented }).__hostileTest;
  t.maxGapMs = 0;
  t.measuring = true;
}

/** Keeps the page's own references to the marks outside live areas, to check later they were never redone. */
export function keepStaticMarks(): number {
  const kept: Range[] = [];
  for (const [, highlight] of CSS.highlights) {
    for (const range of highlight as Highlight) {
      const el = (range as Range).startContainer.parentElement;
      if (el && !el.closest('[data-live]') && !el.closest('p')?.querySelector('[data-live]')) kept.push(range as Range);
    }
  }
  (window as unknown as { __kept: Range[] }).__kept = kept;
  return kept.length;
}

/** How many of the kept marks are still painted, the very same Range objects. */
export function keptStillPainted(): number {
  const painted = new Set<AbstractRange>();
  for (const [, highlight] of CSS.highlights) for (const range of highlight as Highlight) painted.add(range);
  return (window as unknown as { __kept: Range[] }).__kept.filter((r) => painted.has(r)).length;
}

/** Live-blog entries, and how many of them carry a mark. */
export function liveEntries(): { entries: number; marked: number } {
  const items = [...document.querySelectorAll('#live li')];
  const markedNodes = new Set<Node>();
  for (const [, highlight] of CSS.highlights) {
    for (const range of highlight as Highlight) markedNodes.add((range as Range).startContainer);
  }
  return { entries: items.length, marked: items.filter((li) => [...li.childNodes].some((n) => markedNodes.has(n))).length };
}
