import { highlightNames } from '@/lib/page/highlight-style';
import { CARD_ELEMENT, MARKS_ELEMENT } from '@/lib/page/page-names';
import { sliceStats } from '@/lib/page/slices';

/**
 * What Gloss did on this page and how fast, kept in the content script's own world (the page cannot see
 * it). End-to-end tests read it through the DevTools protocol to write docs/pages.md.
 */
export interface GlossStats {
  /** performance.now() when the content script started (document idle). */
  startedAt: number;
  /** performance.now() after the frame that first painted highlights. */
  paintedAt: number | null;
  /** performance.now() when the last full scan was done, unknown actors included. */
  settledAt: number | null;
  /** Mentions found so far (shown or not). */
  mentions: number;
  /** How the article was found: density, landmark or body. */
  how: string;
  roots: string[];
  date: string | null;
  slices: typeof sliceStats;
  scans: number;
  repaints: number;
  /** Mutation batches handled (each may cost a walk of the changed paragraphs and a request). */
  updates: number;
  /** Annotate requests sent to the background, known and unknown actors. */
  requests: number;
  /** Text blocks sent in those requests: a page re-annotated whole on every change shows here. */
  blocksSent: number;
  /** Text blocks walked, first scan and updates. */
  blocksWalked: number;
  /** Walks of a block too long to annotate whole: only its first part was read. */
  cappedBlocks: number;
  /** The per-page mark cap reached (lib/core/page-caps.ts), or null. */
  cappedAt: number | null;
  /** This page's random names of highlights and elements, which tests cannot know otherwise. */
  names: { highlights: ReturnType<typeof highlightNames>; card: string; marks: string };
}

export const stats: GlossStats = {
  startedAt: performance.now(),
  names: { highlights: highlightNames(), card: CARD_ELEMENT, marks: MARKS_ELEMENT },
  paintedAt: null,
  settledAt: null,
  mentions: 0,
  how: '',
  roots: [],
  date: null,
  slices: sliceStats,
  scans: 0,
  repaints: 0,
  updates: 0,
  requests: 0,
  blocksSent: 0,
  blocksWalked: 0,
  cappedBlocks: 0,
  cappedAt: null,
};

(globalThis as { __glossStats?: GlossStats }).__glossStats = stats;

/** A short CSS-like name of an element, for stats and logs. */
export function describeElement(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls.map((c) => `.${c}`).join('')}`;
}
