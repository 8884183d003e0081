/** Telling a home page or section front (a list of teasers) from an article. */
import { linkChars, textOf, textStats, type TextStats } from './text-measure';

/** Teasers per front at least, and the most prose per teaser: a story's own text runs far longer. */
const MIN_TEASERS = 5;
const MAX_TEASER_PROSE = 400;

/**
 * Whether an area is a list of teasers, as on a home page or a section front: many headlines that are
 * links, each with a line or two of text, rather than one story. An article with a few related links
 * inside has far more prose per linked headline.
 */
export function isTeaserList(roots: readonly Element[], memo: Map<Element, TextStats>): boolean {
  let teasers = 0;
  let prose = 0;
  for (const root of roots) {
    for (const h of root.querySelectorAll('h1, h2, h3, h4')) {
      const text = textOf(h);
      if (text.length > 0 && (h.closest('a') !== null || linkChars(h) >= text.length * 0.8)) teasers++;
    }
    const { text, links } = textStats(root, memo);
    prose += text - links;
  }
  return teasers >= MIN_TEASERS && prose / teasers < MAX_TEASER_PROSE;
}
