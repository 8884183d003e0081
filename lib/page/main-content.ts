import { isExcludedElement } from './skip-rules';

const CANDIDATES = ['[itemprop="articleBody"]', 'article', '[role="main"]', 'main', '#content', '.article-body', '.story-body'];

function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/**
 * The element that holds the article: the largest article-like landmark, or the body. Later work
 * (text density scoring) refines this; landmarks are right on most news sites.
 */
export function findArticleRoot(doc: Document): Element {
  let best: Element | null = null;
  let bestLength = 0;
  for (const selector of CANDIDATES) {
    for (const el of doc.querySelectorAll(selector)) {
      if (isExcludedElement(el)) continue;
      const len = textLength(el);
      if (len > bestLength * 1.2) {
        best = el;
        bestLength = len;
      }
    }
    if (best && bestLength > 500) break;
  }
  return best ?? doc.body ?? doc.documentElement;
}
