/**
 * Functions evaluated inside the page (main world) to read what Gloss did. The highlight registry is
 * shared between the page and content scripts, which is what lets a test, or a page, see it. Gloss names
 * its highlights at random on each page; `names` (highlight name → what it marks: a kind, "unknown",
 * "focus" or "flash"), read from the content script's own world, says which is which. The test pages
 * register no highlights of their own.
 */

/** What a highlight name marks, from this page's names; every highlight is Gloss's on a test page. */
export type HighlightLabels = Record<string, string>;

export interface HighlightedRange {
  kind: string;
  text: string;
  /** Tag names of furniture ancestors (nav, aside, form, code…) that should never hold a mention. */
  furniture: string | null;
  /** Tag name of the nearest paragraph-like ancestor. */
  block: string | null;
  rect: { x: number; y: number; width: number; height: number };
}

export function readHighlights(given: HighlightLabels | void): HighlightedRange[] {
  const labels: HighlightLabels = given ?? {};
  const out: HighlightedRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    for (const range of highlight as Highlight) {
      if (!(range instanceof Range)) continue;
      const parent = range.commonAncestorContainer;
      const el = parent.nodeType === 1 ? (parent as Element) : parent.parentElement;
      const furniture = el?.closest('nav, aside, form, code, pre, footer, header, textarea, input');
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      out.push({
        kind: labels[name] ?? name,
        text: range.toString(),
        furniture: furniture ? furniture.tagName.toLowerCase() : null,
        block: el?.closest('p, h1, h2, h3, li, td')?.tagName.toLowerCase() ?? null,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      });
    }
  }
  return out;
}

export interface PlacedHighlight {
  name: string;
  text: string;
  /** Whether the range lies inside an element matching the expected-body selector. */
  inBody: boolean;
  /** Furniture around it: navigation, forms, code, hidden or editable text; a page's banner header. */
  furniture: string | null;
}

/**
 * Every Gloss highlight with where it sits, judged against `bodySelector` (the article as a person reads
 * it, checked by hand per page). A <header> counts as furniture unless the range is in a heading: an
 * article's own header carries its headline.
 */
export function placeHighlights([bodySelector, labels]: [string, HighlightLabels]): PlacedHighlight[] {
  const out: PlacedHighlight[] = [];
  for (const [key, highlight] of CSS.highlights) {
    const name = labels[key] ?? key;
    if (name === 'focus' || name === 'flash') continue;
    for (const range of highlight as Highlight) {
      if (!(range instanceof Range)) continue;
      const node = range.commonAncestorContainer;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el) continue;
      const hard = el.closest(
        'nav, aside, form, code, pre, textarea, input, select, button, label, footer, [role="navigation"], [role="search"], [aria-hidden="true"], [contenteditable="true"]',
      );
      const header = el.closest('header');
      const banner = header && !el.closest('h1, h2') ? header : null;
      const furniture = hard ?? banner;
      out.push({
        name,
        text: range.toString(),
        inBody: el.closest(bodySelector) !== null,
        furniture: furniture ? furniture.tagName.toLowerCase() : null,
      });
    }
  }
  return out;
}

/** The page's text as a reader could see it: textContent without script, style and template text. */
export function readableText(): string {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1 && !skip.has((c as Element).tagName)) walk(c);
    }
  };
  if (document.body) walk(document.body);
  return out;
}
