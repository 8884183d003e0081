/**
 * Functions evaluated inside the page (main world) to read what Gloss did. The highlight registry is
 * shared between the page and content scripts, which is what lets a test, or a page, see it.
 */

export interface HighlightedRange {
  kind: string;
  text: string;
  /** Tag names of furniture ancestors (nav, aside, form, code…) that should never hold a mention. */
  furniture: string | null;
  /** Tag name of the nearest paragraph-like ancestor. */
  block: string | null;
  rect: { x: number; y: number; width: number; height: number };
}

export function readHighlights(): HighlightedRange[] {
  const out: HighlightedRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('gloss-')) continue;
    for (const range of highlight as Highlight) {
      if (!(range instanceof Range)) continue;
      const parent = range.commonAncestorContainer;
      const el = parent.nodeType === 1 ? (parent as Element) : parent.parentElement;
      const furniture = el?.closest('nav, aside, form, code, pre, footer, header, textarea, input');
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      out.push({
        kind: name.slice('gloss-'.length),
        text: range.toString(),
        furniture: furniture ? furniture.tagName.toLowerCase() : null,
        block: el?.closest('p, h1, h2, h3, li, td')?.tagName.toLowerCase() ?? null,
        rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      });
    }
  }
  return out;
}
