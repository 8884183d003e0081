import type { EntityKind } from '../pack/types';
import { DocumentOrder, nodesOf } from './document-order';
import { highlightName } from './highlight-style';
import { SHOW_ALL, visibleMentions, type MentionFilter } from './mention-filter';
import type { Painter } from './painter';

export interface PageMention {
  range: Range;
  entityId: string | null;
  kind: EntityKind;
  name: string;
  surface: string;
  candidates: string[];
  /** The block-level element the mention sits in: "first per paragraph" counts per element. */
  paragraph: Element;
  /**
   * Set for actors the knowledge base does not know: what the article says of them at this mention, and
   * which actor it names (the same for "Vanessa Hicks" and a later "Hicks"), to find its other mentions.
   */
  unknown?: { descriptors: string[]; actor: string };
}

/**
 * The mentions on a page and what of them is shown: filtered by the display settings and by what the
 * reader hid, drawn by a painter, and found again under the pointer by caret hit-testing.
 */
export class Highlighter {
  private mentions: PageMention[] = [];
  private visible: PageMention[] = [];
  private byNode = new Map<Node, PageMention[]>();
  /** Shown mentions over too many nodes to index by node: checked on every hit test (there are none in practice). */
  private wide: PageMention[] = [];
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
    // Not push(...mentions): past ~100,000 arguments a spread call throws.
    for (const m of mentions) this.mentions.push(m);
    // Only adding changes the order; removing and filtering keep it.
    const order = new DocumentOrder();
    this.mentions.sort((a, b) => documentOrder(order, a, b));
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
    this.wide = [];
  }

  /** The shown mention under a viewport point, if any. */
  hitTest(x: number, y: number): PageMention | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const near = [...(this.byNode.get(caret.node) ?? []), ...this.wide.filter((m) => m.range.intersectsNode(caret.node))];
    for (const m of near) {
      // Rects of a range deep in a huge text node cost a walk of its lines (Firefox): a mention within one
      // node is only measured when the caret falls on it.
      const r = m.range;
      if (r.startContainer === caret.node && r.endContainer === caret.node) {
        if (caret.offset < r.startOffset || caret.offset > r.endOffset) continue;
      }
      // The caret lands on the nearest character even beside a word: check the point is on the text.
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return m;
      }
    }
    return null;
  }

  private refresh(): void {
    this.visible = visibleMentions(this.mentions, this.filter);
    this.byNode.clear();
    this.wide = [];
    for (const m of this.visible) {
      // Every text node a mention covers, the middle one of "<b>Benjamin</b> <i>Netanyahu</i>" too: a
      // pointer on any of them finds it without testing every mention on the page.
      const nodes = nodesOf(m.range, MAX_NODES_PER_MENTION);
      if (!nodes) {
        this.wide.push(m);
        continue;
      }
      for (const node of nodes) {
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

/** A mention's words span a few nodes at most; more than this is indexed as "wide". */
const MAX_NODES_PER_MENTION = 32;

function documentOrder(order: DocumentOrder, a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  // Mentions of two separate paragraphs are in the paragraphs' order: that needs the paths of a few
  // hundred paragraphs, not of every text node in them. Nested blocks fall through to the text nodes.
  if (a.paragraph !== b.paragraph) {
    const byParagraph = order.compareDisjoint(a.paragraph, b.paragraph);
    if (byParagraph !== null) return byParagraph;
  }
  return order.compare(a.range.startContainer, b.range.startContainer);
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
