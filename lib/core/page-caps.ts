import type { Mention } from './annotate';

/**
 * Bounds on what one page may cost, whatever the page and the subscribed packs hold. A long news article
 * has a few hundred mentions; a live blog a few thousand. Beyond these, marking more would freeze the tab
 * and send megabytes between worker and page for nothing a reader could use.
 */
export const MAX_MENTIONS_PER_PAGE = 5_000;
/**
 * Alternative candidate ids (beyond each mention's own) kept over the whole page, so a page's ids number at
 * most MAX_MENTIONS_PER_PAGE + this. Past the budget a mention keeps its linked entity only: its card offers
 * no "or did you mean" choices, nothing else changes.
 */
export const MAX_ALTERNATIVES_PER_PAGE = 20_000;
/** Unknown names marked per page: the name finder's output is bounded like the knowledge base's. */
export const MAX_UNKNOWN_PER_PAGE = 2_000;

/** Keeps the first `limit` items in document order (blocks in order, items in order within a block). */
export function firstPerPage<T>(perBlock: readonly (readonly T[])[], limit: number): T[][] {
  let left = limit;
  return perBlock.map((list) => {
    const kept = list.slice(0, Math.max(0, left));
    left -= kept.length;
    return kept;
  });
}

/** Spends the page's budget of alternatives in document order; a mention past it keeps its own entity only. */
export function withinCandidateBudget(
  perBlock: readonly (readonly Mention[])[],
  budget = MAX_ALTERNATIVES_PER_PAGE,
): Mention[][] {
  let left = budget;
  return perBlock.map((list) =>
    list.map((m) => {
      const alternatives = Math.max(0, m.candidates.length - 1);
      if (alternatives <= left) {
        left -= alternatives;
        return m;
      }
      const own = m.entityId ?? m.candidates[0];
      return { ...m, candidates: own === undefined ? [] : [own] };
    }),
  );
}
