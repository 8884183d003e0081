import type { EntityKind } from '../pack/types';

export interface PageMention {
  range: Range;
  entityId: string | null;
  kind: EntityKind;
  name: string;
  surface: string;
  candidates: string[];
}

export const HIGHLIGHT_PREFIX = 'gloss-';

/**
 * Marks mentions with the CSS Custom Highlight API: ranges over the page's own text nodes, painted by
 * `::highlight()` rules, so the page's DOM and text stay exactly as they were.
 */
export class Highlighter {
  private mentions: PageMention[] = [];
  private readonly registry: HighlightRegistry;

  constructor(private readonly doc: Document) {
    this.registry = (doc.defaultView as Window & typeof globalThis).CSS.highlights;
  }

  get all(): readonly PageMention[] {
    return this.mentions;
  }

  add(mentions: PageMention[]): void {
    this.mentions.push(...mentions);
    this.paint();
  }

  /** Re-registers every highlight; page scripts can clear the registry, which is shared with them. */
  paint(): void {
    const byKind = new Map<string, Range[]>();
    for (const m of this.mentions) {
      const list = byKind.get(m.kind) ?? [];
      list.push(m.range);
      byKind.set(m.kind, list);
    }
    const HighlightCtor = (this.doc.defaultView as Window & typeof globalThis).Highlight;
    for (const [kind, ranges] of byKind) this.registry.set(HIGHLIGHT_PREFIX + kind, new HighlightCtor(...ranges));
  }

  /** Whether the registry still holds our highlights. */
  isPainted(): boolean {
    return (
      this.mentions.length === 0 ||
      [...new Set(this.mentions.map((m) => m.kind))].every((k) => this.registry.has(HIGHLIGHT_PREFIX + k))
    );
  }

  clear(): void {
    for (const key of [...this.registry.keys()]) if (key.startsWith(HIGHLIGHT_PREFIX)) this.registry.delete(key);
    this.mentions = [];
  }

  /** The mention under a viewport point, if any. */
  hitTest(x: number, y: number): PageMention | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    for (const m of this.mentions) {
      if (
        !m.range.isPointInRange(caret.node, caret.offset) &&
        !(m.range.endContainer === caret.node && m.range.endOffset === caret.offset)
      )
        continue;
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return null;
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if ('caretPositionFromPoint' in doc && typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const legacy = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = legacy.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
