import type { Mention } from '../core/annotate';
import type { MarkedActor } from '../core/actor-profiles';
import type { PageMention } from './highlighter';
import { locate, type TextBlock } from './walker';

/** A live range over the block's own text nodes; null if the offsets no longer fit them. */
function blockRange(doc: Document, block: TextBlock, start: number, end: number): Range | null {
  const from = locate(block, start, false);
  const to = locate(block, end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null; // The page changed the text between the walk and the reply.
  }
  return range;
}

/** Page mentions for one block's known mentions. */
export function knownMentions(doc: Document, block: TextBlock, mentions: readonly Mention[]): PageMention[] {
  const out: PageMention[] = [];
  for (const m of mentions) {
    const range = blockRange(doc, block, m.start, m.end);
    if (!range || range.toString() !== m.surface) continue;
    out.push({
      range,
      entityId: m.entityId,
      kind: m.kind,
      name: m.name,
      surface: m.surface,
      candidates: m.candidates,
      paragraph: block.element,
    });
  }
  return out;
}

/** Ranges for the unknown actors a block shows (markedUnknowns has chosen them). */
export function unknownMentions(doc: Document, block: TextBlock, actors: readonly MarkedActor[]): PageMention[] {
  const out: PageMention[] = [];
  for (const a of actors) {
    const kind = a.kind;
    const range = blockRange(doc, block, a.start, a.end);
    if (!range || range.toString() !== a.surface) continue;
    out.push({
      range,
      entityId: null,
      kind,
      name: a.surface,
      surface: a.surface,
      candidates: [],
      paragraph: block.element,
      unknown: { descriptors: a.descriptors, actor: a.actor },
    });
  }
  return out;
}

/** Whether a mention's range still covers the words it was made for (the page may have edited them). */
export function isIntact(m: PageMention): boolean {
  return m.range.startContainer.isConnected && !m.range.collapsed && m.range.toString() === m.surface;
}
