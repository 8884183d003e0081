import { isExcludedElement } from './skip-rules';

/** A run of text the reader sees as one paragraph, with the text nodes it came from. */
export interface TextBlock {
  text: string;
  /** Text nodes in order, each with the offset of its first character in `text`. */
  pieces: { node: Text; start: number }[];
  /** The innermost block-level element the text sits in: what a reader calls the paragraph. */
  element: Element;
  /** Set when the block's text went past the walk's limit and only its start was kept. */
  truncated?: true;
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'FIGURE',
  'FIGCAPTION',
  'BR',
  'HR',
  'CAPTION',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
]);

/**
 * Longest text of one block the content script annotates. Real paragraphs are a few thousand characters;
 * a page with megabytes in one paragraph (a log, a dump, a hostile page) gets its start read and the rest
 * left alone, so the walk, the request and the ranges stay bounded.
 */
export const MAX_BLOCK_CHARS = 50_000;

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

export type VisibilityCheck = (el: Element) => boolean;

/**
 * Walks the text under `root`, skipping furniture, and yields one block at each block-level boundary, so
 * that "<b>Benjamin</b> Netanyahu" is one string the matcher sees whole. A generator, so the content
 * script can walk a long page in slices between which the page gets the main thread back.
 */
export function* walkBlocks(
  root: Element,
  isVisible: VisibilityCheck = () => true,
  maxChars = Number.POSITIVE_INFINITY,
): Generator<TextBlock> {
  let current: TextBlock = { text: '', pieces: [], element: root };
  const blockStack: Element[] = [root];
  const take = (): TextBlock | null => {
    const done = current.pieces.length > 0 && /\S/.test(current.text) ? current : null;
    current = { text: '', pieces: [], element: blockStack[blockStack.length - 1]! };
    return done;
  };
  // Explicit stack instead of recursion: [node, whether its children are done].
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, closing] = stack.pop()!;
    if (node.nodeType === 3) {
      const length = (node as Text).length;
      if (length === 0) continue;
      const room = maxChars - current.text.length;
      if (room <= 0) {
        current.truncated = true;
        continue;
      }
      current.pieces.push({ node: node as Text, start: current.text.length });
      current.text += headOf(node as Text, room);
      if (length > room) current.truncated = true;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (closing) {
      if (block) {
        blockStack.pop();
        const done = take();
        if (done) yield done;
      }
      continue;
    }
    if (el !== root && (isExcludedElement(el) || !isVisible(el))) continue;
    if (block) {
      const done = take();
      if (done) yield done;
      if (el !== root) blockStack.push(el);
      current.element = el;
    }
    if (block && el !== root) stack.push([el, true]);
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push([child, false]);
  }
  const last = take();
  if (last) yield last;
}

/** Every block under `root` at once (the CLI and tests; the content script walks in slices). */
export function collectBlocks(root: Element, isVisible: VisibilityCheck = () => true): TextBlock[] {
  return [...walkBlocks(root, isVisible)];
}

/** The text node and offset of a block offset; an end offset prefers the node it closes. */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  const pieces = block.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  // Binary search: blocks of long articles can hold hundreds of text nodes.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.start < offset || (!isEnd && pieces[mid]!.start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo];
  if (!p) return null;
  // An end offset that falls exactly between two nodes belongs to the earlier one.
  return { node: p.node, offset: Math.min(Math.max(offset - p.start, 0), p.node.length) };
}

/**
 * At most `max` characters of a text node. Reading `.data` copies the whole text in Firefox (no cached
 * string as in Chromium): on a 10 MB node, once per mention, that was minutes of a frozen page.
 */
export function headOf(node: CharacterData, max: number): string {
  return node.length > max ? node.substringData(0, max) : node.data;
}
