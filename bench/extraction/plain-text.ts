/**
 * The text of an element as a reader would copy it, one block per line, without what Gloss never
 * annotates whatever the article (script, style, code, form fields, maths). Used on the reference
 * extraction and on Readability's output alike, so the three extractors are compared on the same terms.
 * DOM only: runs in Node (linkedom) and in the browser bundle.
 */

const NOT_PROSE = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'MATH',
  'SVG',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'INPUT',
]);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'RP',
  'RT',
  'RUBY',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'WBR',
  'DEL',
  'INS',
]);

export function plainText(root: Element): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push((c as Text).data);
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (NOT_PROSE.has(tag)) continue;
        const block = !INLINE.has(tag);
        if (block) out.push('\n');
        walk(c);
        if (block) out.push('\n');
      }
    }
  };
  walk(root);
  return out
    .join('')
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}
