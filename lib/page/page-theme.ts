import type { PageTheme } from './highlight-style';

/** "rgb(r, g, b)" or "rgba(r, g, b, a)" → [r, g, b, a]; anything else (keywords, color()) → null. */
function parseRgb(value: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [+m[1]!, +m[2]!, +m[3]!, alpha];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Whether the article is drawn on a dark background: the first opaque background from `el` up. Underlines
 * sit on the page, so their colours follow the page, not the reader's system preference (a light news
 * site stays light in a dark OS). With no background anywhere, the canvas follows `color-scheme`.
 */
export function pageTheme(el: Element, win: Window): PageTheme {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const rgba = parseRgb(win.getComputedStyle(e).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.2 ? 'dark' : 'light';
  }
  const scheme = win.getComputedStyle(el.ownerDocument.documentElement).colorScheme ?? '';
  const prefersDark = win.matchMedia('(prefers-color-scheme: dark)').matches;
  return /dark/.test(scheme) && (!/light/.test(scheme) || prefersDark) ? 'dark' : 'light';
}
