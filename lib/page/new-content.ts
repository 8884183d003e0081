import { isInExcludedArea } from './skip-rules';

const MIN_PROSE = 80;

/**
 * Whether an element added outside the article looks like more article: the next story an infinite
 * scroll appends, or a live blog's new entry. Furniture (ads, teasers, comment forms) does not qualify.
 */
export function looksLikeArticle(el: Element): boolean {
  if (isInExcludedArea(el)) return false;
  if (el.matches('article, [itemprop~="articleBody"]') || el.querySelector('article p, [itemprop~="articleBody"] p')) {
    return prose(el) >= 1;
  }
  return prose(el) >= 2;
}

/** Paragraphs of real prose: long enough, and mostly not link text. */
function prose(el: Element): number {
  let n = 0;
  for (const p of el.querySelectorAll('p')) {
    const text = (p.textContent ?? '').trim();
    if (text.length < MIN_PROSE) continue;
    let links = 0;
    for (const a of p.querySelectorAll('a')) links += (a.textContent ?? '').length;
    if (links / text.length < 0.3) n++;
  }
  return n;
}
