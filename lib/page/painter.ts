/** Draws groups of ranges under highlight names; the Highlight API or the overlay fallback. */
export interface Painter {
  /** Replaces everything painted with these groups (name → ranges). */
  paint(groups: ReadonlyMap<string, readonly Range[]>): void;
  /** Whether what was painted is still there: page scripts can clear the highlight registry. */
  isPainted(): boolean;
  clear(): void;
}

type HighlightWindow = Window & typeof globalThis;

/**
 * The CSS Custom Highlight API: ranges over the page's own text nodes, painted by `::highlight()` rules,
 * so the page's DOM and text stay exactly as they were.
 */
export class HighlightApiPainter implements Painter {
  private readonly painted = new Map<string, Highlight>();

  constructor(private readonly win: HighlightWindow) {}

  static isSupported(win: Window): boolean {
    const w = win as HighlightWindow;
    return typeof w.CSS !== 'undefined' && 'highlights' in w.CSS && typeof w.Highlight === 'function';
  }

  paint(groups: ReadonlyMap<string, readonly Range[]>): void {
    const registry = this.win.CSS.highlights;
    for (const name of this.painted.keys()) if (!groups.has(name)) registry.delete(name);
    this.painted.clear();
    for (const [name, ranges] of groups) {
      if (ranges.length === 0) {
        registry.delete(name);
        continue;
      }
      // Added one by one: spreading a page's worth of ranges into the constructor overflows the stack.
      const highlight = new this.win.Highlight();
      for (const range of ranges) highlight.add(range);
      registry.set(name, highlight);
      this.painted.set(name, highlight);
    }
  }

  isPainted(): boolean {
    const registry = this.win.CSS.highlights;
    for (const [name, highlight] of this.painted) if (registry.get(name) !== highlight) return false;
    return true;
  }

  clear(): void {
    const registry = this.win.CSS.highlights;
    for (const [name, highlight] of this.painted) if (registry.get(name) === highlight) registry.delete(name);
    this.painted.clear();
  }
}
