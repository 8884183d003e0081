import type { EntityKind } from '../pack/types';
import { highlightName } from './highlight-style';
import { SHOW_ALL, visibleMentions, type MentionFilter } from './mention-filter';
import type { Painter } from './painter';

export { HIGHLIGHT_PREFIX } from './highlight-style';

export interface PageMention {
  range: Range;
  entityId: string | null;
  kind: EntityKind;
  name: string;
  surface: string;
  candidates: string[];
  /** The block-level element the mention sits in: "first per paragraph" counts per element. */
  paragraph: Element;
  /** Set for actors the knowledge base does not know: how the article itself describes them. */
  unknown?: { descriptor?: string };
}

/**
 * The mentions on a page and what of them is shown: filtered by the display settings and by what the
 * reader hid, drawn by a painter, and found again under the pointer by caret hit-testing.
 */
export class Highlighter {
  private mentions: PageMention[] = [];
  private visible: PageMention[] = [];
  private byNode = new Map<Node, PageMention[]>();
  private filter: MentionFilter = SHOW_ALL;

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
  ) {}

  /** Every mention found, shown or not. */
  get all(): readonly PageMention[] {
    return this.mentions;
  }

  /** The mentions the settings show, in document order. */
  get shown(): readonly PageMention[] {
    return this.visible;
  }

  add(mentions: readonly PageMention[]): void {
    if (mentions.length === 0) return;
    this.mentions.push(...mentions);
    this.refresh();
  }

  /** Drops mentions, e.g. those whose text the page replaced. Returns how many went. */
  removeWhere(drop: (m: PageMention) => boolean): number {
    const before = this.mentions.length;
    this.mentions = this.mentions.filter((m) => !drop(m));
    const removed = before - this.mentions.length;
    if (removed > 0) this.refresh();
    return removed;
  }

  setFilter(filter: MentionFilter): void {
    this.filter = filter;
    this.refresh();
  }

  /** Paints again if a page script cleared or replaced the highlights; cheap enough to call often. */
  ensurePainted(): boolean {
    if (this.painter.isPainted()) return false;
    this.paint();
    return true;
  }

  clear(): void {
    this.painter.clear();
    this.mentions = [];
    this.visible = [];
    this.byNode.clear();
  }

  /** The shown mention under a viewport point, if any. */
  hitTest(x: number, y: number): PageMention | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const near = this.byNode.get(caret.node) ?? this.visible.filter((m) => m.range.intersectsNode(caret.node));
    for (const m of near) {
      // The caret lands on the nearest character even beside a word: check the point is on the text.
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return null;
  }

  private refresh(): void {
    this.mentions.sort(documentOrder);
    this.visible = visibleMentions(this.mentions, this.filter);
    this.byNode.clear();
    for (const m of this.visible) {
      for (const node of new Set([m.range.startContainer, m.range.endContainer])) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
    this.paint();
  }

  private paint(): void {
    const groups = new Map<string, Range[]>();
    for (const m of this.visible) {
      const name = highlightName(m.unknown ? 'unknown' : m.kind);
      const list = groups.get(name);
      if (list) list.push(m.range);
      else groups.set(name, [m.range]);
    }
    this.painter.paint(groups);
  }
}

function documentOrder(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  // DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & 4 ? -1 : 1;
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
