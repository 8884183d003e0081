/** From the best-scoring container to the element that holds the whole body (the container walk). */
import { isHardExcluded } from '../skip-rules';
import type { Candidate, ProseChars } from './scoring';
import { textStats, type TextStats } from './text-measure';

/**
 * A body split over several containers inside one article landmark (the Telegraph's components, one per
 * few paragraphs) is the whole landmark: lift to the nearest `itemprop=articleBody` or lone `<article>`
 * around the best container when that holds clearly more prose.
 */
export function liftToLandmark(top: Element, prose: ProseChars, memo: Map<Element, TextStats>): Element {
  const own = prose.get(top) ?? 0;
  for (let a = top.parentElement; a; a = a.parentElement) {
    const isLandmark =
      /\barticleBody\b/i.test(a.getAttribute('itemprop') ?? '') || (a.tagName === 'ARTICLE' && !a.querySelector('article'));
    if (!isLandmark) continue;
    if (isHardExcluded(a) || (prose.get(a) ?? 0) < own * 1.3) return top;
    const { text, links } = textStats(a, memo);
    return links / Math.max(1, text) < 0.3 ? a : top;
  }
  return top;
}

/** How many of the best candidates must share an ancestor for it to be the article (a body in parts). */
const PARTS_TO_JOIN = 3;

/**
 * Readability's climb from the best container: to the ancestor several near-best candidates share (an
 * article in parts: steps, chapters, sections of equal weight), to a parent that scores higher, and past
 * wrappers that hold nothing else.
 */
export function climb(top: Candidate, runnersUp: Candidate[], score: (el: Element) => number | null): Candidate {
  const body = top.el.ownerDocument.body;
  const near = runnersUp.filter((c) => c.score >= top.score * 0.75).map((c) => c.el);
  let best = top;
  if (near.length >= PARTS_TO_JOIN) {
    for (let a = top.el.parentElement; a && a !== body; a = a.parentElement) {
      if (near.filter((el) => a.contains(el)).length >= PARTS_TO_JOIN) {
        best = { el: a, score: Math.max(score(a) ?? 0, top.score) };
        break;
      }
    }
  }
  let last = best.score;
  const floor = best.score / 3;
  for (let a = best.el.parentElement; a && a !== body; a = a.parentElement) {
    const s = score(a);
    if (s === null) continue;
    if (s < floor) break;
    if (s > last) {
      best = { el: a, score: s };
      break;
    }
    last = s;
  }
  for (let a = best.el.parentElement; a && a !== body && a.children.length === 1; a = a.parentElement) {
    best = { el: a, score: score(a) ?? best.score };
  }
  return best;
}
