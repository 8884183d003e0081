/**
 * What text.matchAll(/[\p{L}\p{M}&'’]+|[^\s\p{L}\p{M}&'’]+/gu) finds, as strings, by a loop over code points
 * with a table of their classes: words (letters, marks, "&" and apostrophes) and runs of other units that are
 * not white space. worth-marking reads a whole article so for the acronyms it spells out; the expression, a
 * match object per word, was a quarter of the time of choosing which unknown names to mark.
 */

const SPACE = 1;
const WORD = 2;
const OTHER = 3;
const WORD_RE = /^[\p{L}\p{M}&'’]$/u;
const SPACE_RE = /^\s$/u;
/** Class of each BMP unit, filled as units are met (0: not yet). */
const classes = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = classes[cp]!;
    if (known !== 0) return known;
  }
  const ch = String.fromCodePoint(cp);
  const c = WORD_RE.test(ch) ? WORD : SPACE_RE.test(ch) ? SPACE : OTHER;
  if (cp < 0x10000) classes[cp] = c;
  return c;
}

export function textChunks(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A lone surrogate is a code point of its own, as in a u-mode expression.
    const cp = text.codePointAt(i)!;
    const c = classOf(cp);
    if (c === SPACE) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      const next = text.codePointAt(i)!;
      if (classOf(next) !== c) break;
      i += next > 0xffff ? 2 : 1;
    }
    out.push(text.slice(start, i));
  }
  return out;
}

const UPPER_RE = /^\p{Lu}/u;
const ALL_UPPER_RE = /^\p{Lu}+$/u;

/** UPPER_RE.test(w) && !ALL_UPPER_RE.test(w): a word that opens with a capital and is not all capitals. By codes for ASCII. */
export function opensCapitalised(w: string): boolean {
  const first = w.charCodeAt(0);
  if (first < 128) {
    if (first < 65 || first > 90) return false;
    for (let k = 1; k < w.length; k++) {
      const c = w.charCodeAt(k);
      if (c >= 128) return UPPER_RE.test(w) && !ALL_UPPER_RE.test(w);
      if (c < 65 || c > 90) return true;
    }
    return false;
  }
  return UPPER_RE.test(w) && !ALL_UPPER_RE.test(w);
}
