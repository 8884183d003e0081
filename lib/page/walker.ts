import { isExcludedElement } from './skip-rules';

/** A run of text the reader sees as one paragraph, with the text nodes it came from. */
export interface TextBlock {
  text: string;
  /** Text nodes in order, each with the offset of its first character in `text`. */
  pieces: { node: Text; start: number }[];
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
 * Walks the text under `root`, skipping furniture, and groups text nodes into blocks at block-level
 * boundaries, so that "<b>Benjamin</b> Netanyahu" is one string the matcher sees whole.
 */
export function collectBlocks(root: Element, isVisible: (el: Element) => boolean = () => true): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock = { text: '', pieces: [] };
  const flush = () => {
    if (current.pieces.length > 0 && /\S/.test(current.text)) blocks.push(current);
    current = { text: '', pieces: [] };
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (text.length === 0) return;
      current.pieces.push({ node: node as Text, start: current.text.length });
      current.text += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && (isExcludedElement(el) || !isVisible(el))) return;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (block) flush();
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks;
}

/** The text node and offset of a block offset; an end offset prefers the node it closes. */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  const pieces = block.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const len = p.node.data.length;
    if (offset < p.start + len || (isEnd && offset === p.start + len) || i === pieces.length - 1) {
      return { node: p.node, offset: Math.min(Math.max(offset - p.start, 0), len) };
    }
  }
  return null;
}
