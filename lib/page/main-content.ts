import { isInHardExcludedArea } from './skip-rules';
import { climb, liftToLandmark } from './article/climb';
import { continuingSiblings, leadParagraphs } from './article/continuation';
import { findHeadline } from './article/headline';
import { scoreArticle, type ArticleScores } from './article/scoring';
import { isTeaserList } from './article/teaser-list';
import { depth, textStats, type TextStats } from './article/text-measure';

export { ArticleScorer, type ArticleScores } from './article/scoring';

/**
 * Finds the article in a page by text density, the way Readability does (paragraphs vote for their
 * parents, weighted by length and commas, discounted by link text), with two signals Readability lacks:
 * semantic landmarks (`itemprop=articleBody`, `<article>`) and the start of JSON-LD's `articleBody`.
 * Landmarks alone fail on real pages: teaser lists are `<article>`s too (aclu, nytimes, kxan), and a
 * `<main>` holds related links and sidebars. Measured on the 16 saved pages in ../shared/corpus/pages
 * (tests/e2e/pages.e2e.test.ts checks every page against a hand-checked body selector).
 * The steps, in order, live in ./article/: voters.ts and scoring.ts (votes), climb.ts (the container walk),
 * continuation.ts (siblings and standfirst), teaser-list.ts (fronts), headline.ts; text-measure.ts measures text.
 */

export interface ArticleArea {
  /** Elements to annotate, in document order: the text body and the siblings that continue it. */
  roots: Element[];
  /** The headline, when it sits outside the body (usually in the article's header). */
  headline: Element | null;
  /**
   * Which signal decided: "density", "landmark" or "body" (nothing better found); "front" when the page is
   * a list of teasers (a home page, a section front): no article, nothing to read (docs/pages.md).
   */
  how: 'density' | 'landmark' | 'body' | 'front';
}

const FRONT: ArticleArea = { roots: [], headline: null, how: 'front' };

/** The second half: the best candidate after link density, lifted to its landmark, with its headline. */
export function pickArticle(
  doc: Document,
  { candidates, prose }: ArticleScores,
  isVisible: (el: Element) => boolean = () => true,
): ArticleArea {
  // Link density is only worth measuring on the few candidates that could still win.
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, 8);
  const best = ranked[0]?.score ?? 0;
  const eligible = ranked.filter((c) => c.score >= best / 2 && isVisible(c.el));
  const memo = new Map<Element, TextStats>();
  const deepestFirst = eligible.map((c) => ({ el: c.el, depth: depth(c.el) })).sort((a, b) => b.depth - a.depth);
  for (const { el } of deepestFirst) textStats(el, memo);
  const adjusted = (el: Element): number | null => {
    const c = candidates.get(el);
    if (!c) return null;
    const { text, links } = textStats(el, memo);
    return c.score * (1 - Math.min(1, links / Math.max(1, text)));
  };
  const top5 = eligible
    .map((c) => ({ el: c.el, score: adjusted(c.el)! }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  if (top5[0] && top5[0].score >= 5) {
    const top = climb(top5[0], top5.slice(1), adjusted);
    const lifted = liftToLandmark(top.el, prose, memo);
    const roots = lifted === top.el ? continuingSiblings(top, candidates, memo) : [lifted];
    if (isTeaserList(roots, memo)) return FRONT;
    const headline = findHeadline(doc, roots);
    return { roots: [...leadParagraphs(headline, roots), ...roots], headline, how: 'density' };
  }
  const landmark = doc.querySelector('[itemprop~="articleBody"], article, main, [role="main"]');
  if (landmark && !isInHardExcludedArea(landmark)) {
    if (isTeaserList([landmark], memo)) return FRONT;
    return { roots: [landmark], headline: findHeadline(doc, [landmark]), how: 'landmark' };
  }
  const body = doc.body ?? doc.documentElement;
  if (isTeaserList([body], memo)) return FRONT;
  return { roots: [body], headline: null, how: 'body' };
}

/** The article's text body, its continuation and its headline. */
export function findArticleArea(doc: Document, isVisible: (el: Element) => boolean = () => true): ArticleArea {
  return pickArticle(doc, scoreArticle(doc), isVisible);
}

/** What Gloss reads of an article, in the order the content script and the CLI walk it: headline, then body. */
export function articleElements(area: ArticleArea): Element[] {
  return area.headline ? [area.headline, ...area.roots] : [...area.roots];
}
