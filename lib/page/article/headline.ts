/** The article's headline when it sits outside the body. */
import { isInHardExcludedArea } from '../skip-rules';
import { textOf } from './text-measure';

/** The headline: a visible h1 not inside navigation or forms, the one whose words best match the page title. */
export function findHeadline(doc: Document, roots: readonly Element[]): Element | null {
  const title = (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title).toLowerCase();
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of doc.querySelectorAll('h1')) {
    if (roots.some((r) => r.contains(h)) || isInHardExcludedArea(h) || h.closest('nav, form, aside, footer, [role="navigation"]'))
      continue;
    const text = textOf(h).toLowerCase();
    if (text.length < 8) continue;
    const words = text.split(/\s+/);
    const shared = words.filter((w) => title.includes(w)).length / words.length;
    if (shared > bestScore) {
      best = h;
      bestScore = shared;
    }
  }
  return bestScore >= 0.5 ? best : null;
}
