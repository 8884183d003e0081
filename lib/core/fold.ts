/**
 * Character folding for matching: case, diacritics, quotes, dashes and spaces are folded per UTF-16
 * unit so that offsets into the original text survive. A unit folds to zero units (soft hyphen,
 * combining marks), one unit (almost everything) or several (ß → ss, ligatures).
 */

const UNKNOWN = 0xffff;
const MULTI = 0xfffe;
/** Folded form meaning "drop this unit". */
export const SKIP = 0;

const table = new Uint16Array(0x10000).fill(UNKNOWN);
const multi = new Map<number, string>();
const wordTable = new Uint8Array(0x10000).fill(2);

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const MARK_RE = /\p{M}/gu;
const SPACE_RE = /\s/u;
const DASH_RE = /\p{Pd}/u;
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0x00b4, 0x0060]);
const QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033]);

function computeFold(code: number): string {
  if (code === 0x00ad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060) {
    return '';
  }
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return ch;
  if (SPACE_RE.test(ch)) return ' ';
  if (APOSTROPHES.has(code)) return "'";
  if (QUOTES.has(code)) return '"';
  if (DASH_RE.test(ch)) return '-';
  // toLowerCase keeps ß; full case folding (as in CSS and ICU) makes it ss.
  return ch.normalize('NFKD').replace(MARK_RE, '').toLowerCase().replace(/ß/g, 'ss').normalize('NFC');
}

/** The folded form of one UTF-16 unit. */
export function foldUnit(code: number): string {
  let f = table[code]!;
  if (f === UNKNOWN) {
    const s = computeFold(code);
    if (s.length === 1) f = s.charCodeAt(0);
    else if (s.length === 0) f = SKIP;
    else {
      f = MULTI;
      multi.set(code, s);
    }
    table[code] = f;
  }
  if (f === MULTI) return multi.get(code)!;
  return f === SKIP ? '' : String.fromCharCode(f);
}

/**
 * Folded code of a unit for the hot loop: a code, SKIP, or MULTI (then call foldUnit for the string).
 */
export function foldCode(code: number): number {
  const f = table[code]!;
  if (f !== UNKNOWN) return f;
  foldUnit(code);
  return table[code]!;
}
export const FOLD_MULTI = MULTI;

/** True for letters, digits and combining marks: the units that make up a word. */
export function isWordUnit(code: number): boolean {
  let w = wordTable[code]!;
  if (w === 2) {
    // Surrogates belong to astral letters (CJK extensions, scripts outside the BMP) more often than not.
    w = (code >= 0xd800 && code <= 0xdfff) || WORD_RE.test(String.fromCharCode(code)) ? 1 : 0;
    wordTable[code] = w;
  }
  return w === 1;
}

const SPACE = 32;
/** Reused by foldLong: folding a whole article builds its result in blocks of units, not a unit at a time. */
const CHUNK = new Uint16Array(4096);

/** foldText for long texts (a whole article, for context words): the same units, written into CHUNK. */
function foldLong(text: string): string {
  const parts: string[] = [];
  let n = 0;
  const flush = (): void => {
    parts.push(String.fromCharCode.apply(null, CHUNK.subarray(0, n) as unknown as number[]));
    n = 0;
  };
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f === SKIP) continue;
    if (f === SPACE) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    if (f !== MULTI) {
      if (n === CHUNK.length) flush();
      CHUNK[n++] = f;
    } else {
      const s = multi.get(c)!;
      if (n + s.length > CHUNK.length) flush();
      for (let k = 0; k < s.length; k++) CHUNK[n++] = s.charCodeAt(k);
    }
  }
  flush();
  const out = parts.join('');
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** Folds a whole string (aliases, queries). Runs of spaces collapse to one; ends are trimmed. */
export function foldText(text: string): string {
  if (text.length > 256) return foldLong(text);
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === ' ') {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else if (f !== '') {
      out += f;
      lastSpace = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/** Folded words of a string, for search keys. */
export function foldWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
