import { isWordUnit } from '../fold';
import { ABBREVIATIONS, GLUED_PARTICLE_RE, LETTER_RE, LOWER_RE, UPPER_RE } from './word-lists';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Starts with a capital (or is a glued particle before one): a candidate name word. */
  cap: boolean;
  allCaps: boolean;
  /** "Iran's", or a compound like "Iran-backed": the name ends with this word. */
  possessive: boolean;
  /** First word of a sentence, where capitals say nothing. */
  initial: boolean;
  /** On a line written all in capitals (a shouted headline), where capitals say nothing either. */
  shouted: boolean;
  /** On a line in title case (a heading, headline, caption or byline): capitals there are style, not names. */
  titled: boolean;
}

const A = 97;
const Z = 122;
const DOT = 46;
const isAsciiLower = (c: number): boolean => c >= A && c <= Z;

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const AMPERSAND = 0x26;
const HYPHEN = 0x2d;
const MARK_RE = /\p{M}/u;

/** A letter or digit (a word unit that is not a combining mark): what may follow ".", "&" or "-" in a word. */
const isLetterOrDigit = (c: number): boolean => isWordUnit(c) && (c < 0x300 || !MARK_RE.test(String.fromCharCode(c)));

/**
 * End of the word starting at `start`: letters, digits and marks, joined by an apostrophe before more of them
 * or by ".", "&" or "-" before a letter or digit ("Iran's", "U.S", "AT&T", "al-Assad"). A loop over the
 * table fold.ts keeps, three times faster than the regular expression it replaces, on the name finder's
 * hottest path. Sets `joined` when the word has a joiner.
 */
function wordEnd(text: string, start: number, n: number): number {
  let i = start;
  joined = false;
  for (;;) {
    while (i < n && isWordUnit(text.charCodeAt(i))) i++;
    if (i + 1 >= n) return i;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isWordUnit(next)) i++;
    else if ((c === DOT || c === AMPERSAND || c === HYPHEN) && isLetterOrDigit(next)) i++;
    else return i;
    joined = true;
  }
}
/** Whether the last word wordEnd read has a joiner ("Iran's", "U.S"): a second result, without an allocation. */
let joined = false;

const S = 115;
const isApostrophe = (c: number): boolean => c === APOSTROPHE || c === RIGHT_QUOTE;

/** Whether every unit is an ASCII lower-case letter, so the word is its own lower case. */
function asciiLower(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < A || c > Z) return false;
  }
  return true;
}

/** Starts with a capital (or is a glued particle before one): by codes for a first unit in ASCII. */
function isCap(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (isAsciiLower(c)) return GLUED_PARTICLE_RE.test(raw);
  return (UPPER_RE.test(raw) && LETTER_RE.test(raw)) || GLUED_PARTICLE_RE.test(raw);
}

/** At least two letters and no lower-case one: by codes for ASCII words, by the Unicode classes otherwise. */
function isAllCaps(raw: string): boolean {
  let letters = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 128) return raw.replace(/[^\p{L}]/gu, '').length >= 2 && !LOWER_RE.test(raw);
    if (isAsciiLower(c)) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let start = 0;
  while (start < n) {
    if (!isWordUnit(text.charCodeAt(start))) {
      start++;
      continue;
    }
    const wordStop = wordEnd(text, start, n);
    const first = text.charCodeAt(start);
    // Most words start in lower case: they are never name words, and need none of the checks below.
    if (isAsciiLower(first) && !joined) {
      const raw = text.slice(start, wordStop);
      if (text.charCodeAt(wordStop) !== DOT || !ABBREVIATIONS.has(raw)) {
        tokens.push({
          start,
          end: wordStop,
          text: raw,
          lower: asciiLower(raw) ? raw : raw.toLowerCase(),
          cap: false,
          allCaps: false,
          possessive: false,
          initial: false,
          shouted: false,
          titled: false,
        });
        start = wordStop;
        continue;
      }
    }
    // "Lisa Murkowski, R-Alaska," and "(D-N.Y.)": a party letter tagged on a state after a name; the state
    // alone is the name, so the party letter is left out of the word.
    const tokenStart = joined && isPartyStateTag(text, start, wordStop) ? start + 2 : start;
    start = wordStop;
    let end = wordStop;
    let raw = text.slice(tokenStart, wordStop);
    let possessive = false;
    // "Iran's" ('s after at least one unit), tested by codes: a regular expression here cost a tenth of the tokenizer.
    const last = raw.length - 1;
    if (last >= 2 && raw.charCodeAt(last) === S && isApostrophe(raw.charCodeAt(last - 1)) && UPPER_RE.test(raw)) {
      raw = raw.slice(0, -2);
      end = tokenStart + raw.length;
      possessive = true;
    }
    // "Iran-backed", "EADS-led": the name is the capitalised part, and nothing after it joins the name.
    const compound = raw.includes('-')
      ? /^(\p{Lu}[\p{L}\p{M}.&]+(?:-\p{Lu}[\p{L}\p{M}.&]*)*)-(?:\p{Ll}+ed|born|led|run|made|style|era|wide|speaking)$/u.exec(raw)
      : null;
    if (compound) {
      raw = compound[1]!;
      end = tokenStart + raw.length;
      possessive = true;
    }
    // The trailing dot of an abbreviation or initial belongs to the word ("Inc.", "U.S.", "J.").
    let lower = raw.toLowerCase();
    if (text[end] === '.' && !possessive && (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(raw) || raw.includes('.'))) {
      end += 1;
      raw += '.';
      lower = raw.toLowerCase();
    }
    tokens.push({
      start: tokenStart,
      end,
      text: raw,
      lower,
      cap: isCap(raw),
      allCaps: isAllCaps(raw),
      possessive,
      initial: false,
      shouted: false,
      titled: false,
    });
  }
  markSentences(text, tokens);
  markLines(text, tokens);
  return tokens;
}

const PARTY_STATE_RE = /^[RDI]-\p{Lu}/u;
/** Where a tag is written: after a comma or an opening bracket, before a comma, a bracket or the sentence's end. */
const TAG_BEFORE_RE = /[,(]\s*$/;
const TAG_AFTER_RE = /^\s*[,);.]/;

/** "R-Alaska", "D-N.Y.", "I-Vt." in its usual place after a lawmaker's name (not "D-Day" in a sentence). */
function isPartyStateTag(text: string, start: number, end: number): boolean {
  if (!PARTY_STATE_RE.test(text.slice(start, start + 3))) return false;
  return TAG_BEFORE_RE.test(text.slice(Math.max(0, start - 3), start)) && TAG_AFTER_RE.test(text.slice(end, end + 3));
}

/** Whether text[from, to) holds a unit that ends or opens a sentence: . ! ? : ; a line break or a quote. */
function gapBreaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 46 ||
      c === 33 ||
      c === 63 ||
      c === 58 ||
      c === 59 ||
      c === 10 ||
      c === 34 ||
      c === 0x201c ||
      c === 0x2018 ||
      c === 96
    )
      return true;
  }
  return false;
}

/** A spaced dash: " - ", " – ", " — ", " -- ". */
const SPACED_DASH_RE = /\s(?:-{1,2}|–|—)\s/u;
/**
 * A wire story's dateline from the start of its line up to the dash: "BAGHDAD (Reuters)", "KYIV, Ukraine",
 * "MOSCOW, Jan 3 (Reuters)", "GAZA CITY, Gaza Strip (AP)".
 */
const DATELINE_HEAD_RE =
  /^[ \t]*\p{Lu}[\p{Lu}\p{M}'’.-]{2,}(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){0,3}(?:,[^\n:(—–]{1,40})?(?:\s*\([^()\n]{1,30}\))?\s*$/u;

/** The dash after a dateline opens the story's first sentence: "BAGHDAD (Reuters) - An Iranian commander …". */
function gapEndsDateline(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  const dash = SPACED_DASH_RE.exec(gap);
  if (!dash) return false;
  const lineStart = text.lastIndexOf('\n', from) + 1;
  return from - lineStart <= 80 && DATELINE_HEAD_RE.test(text.slice(lineStart, from + dash.index));
}

function gapHasStop(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) return true;
  }
  return false;
}

function markSentences(text: string, tokens: Token[]): void {
  let prevEnd = 0;
  let prev: Token | undefined;
  let before: Token | undefined;
  for (const t of tokens) {
    // An initial inside a name ("Robert M. Danin", "George H.W. Bush", "J. E. Jones") ends no sentence.
    const initialInName =
      prev !== undefined && isInitials(prev.text) && ((before !== undefined && before.cap) || isInitials(t.text));
    const abbrevEnd = prev !== undefined && prev.text.endsWith('.') && !initialInName && !gapHasStop(text, prevEnd, t.start);
    // A sentence ends at . ! ? or a line break; a quote or colon opens a new one ("said: `` We want").
    t.initial =
      prev === undefined ||
      gapBreaksSentence(text, prevEnd, t.start) ||
      gapEndsDateline(text, prevEnd, t.start) ||
      (abbrevEnd && !ABBREVIATIONS.has(prev.lower.slice(0, -1)));
    prevEnd = t.end;
    before = prev;
    prev = t;
  }
}

const INITIALS_RE = /^(?:\p{Lu}\.)+$/u;
/** INITIALS_RE, asked only of words that end in a dot: the test ran on every word of the text. */
const isInitials = (w: string): boolean => w.charCodeAt(w.length - 1) === DOT && INITIALS_RE.test(w);

const THREE_LETTERS_RE = /\p{L}{3}/u;

/** Small words a title-case line leaves in lower case ("Aid Trickles in to Gaza as Talks Stall"). */
const MINOR_WORDS = new Set(
  'a an the of in on at to for and or but nor with by from as into onto upon over via vs is are was be than off up'.split(' '),
);

/** Lines where most words are in capitals (shouted) or every word is capitalised (title case). */
function markLines(text: string, tokens: Token[]): void {
  let from = 0;
  const close = (to: number): void => {
    if (to > from) {
      markShouted(tokens, from, to);
      markTitled(text, tokens, from, to);
    }
    from = to;
  };
  let newline = text.indexOf('\n');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (newline !== -1 && newline < t.start) {
      close(i);
      newline = text.indexOf('\n', t.start);
    }
  }
  close(tokens.length);
}

function markShouted(tokens: Token[], from: number, to: number): void {
  let capsOnLine = 0;
  for (let i = from; i < to; i++) if (tokens[i]!.allCaps) capsOnLine++;
  if (capsOnLine < 3) return;
  const wordsOnLine = tokens.slice(from, to).filter((t) => THREE_LETTERS_RE.test(t.text));
  if (wordsOnLine.length >= 4 && wordsOnLine.filter((t) => t.allCaps).length / wordsOnLine.length > 0.6) {
    for (const t of wordsOnLine) t.shouted = true;
  }
}

/**
 * A line of at least three content words, every one capitalised, not ending as a sentence does: a
 * heading, headline, caption or byline. ("Donald Trump met Benjamin Netanyahu." is a sentence.)
 */
function markTitled(text: string, tokens: Token[], from: number, to: number): void {
  let content = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (MINOR_WORDS.has(t.lower)) continue;
    if (!t.cap || t.allCaps) {
      if (THREE_LETTERS_RE.test(t.text) || t.allCaps) return;
      continue;
    }
    content++;
  }
  if (content < 3) return;
  const after = text.slice(tokens[to - 1]!.end, tokens[to - 1]!.end + 2);
  if (/^["”’']?[.]/.test(after)) return;
  for (let i = from; i < to; i++) tokens[i]!.titled = true;
}

/** Whether only spaces, tabs and no-break spaces (at least one) lie between two tokens; by codes, without a slice. */
export function gapIsSpace(text: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}
/** Whether the gap is "&" with optional white space; the expression runs only where an "&" lies in the gap. */
export function gapIsAmp(text: string, a: Token, b: Token): boolean {
  const amp = text.indexOf('&', a.end);
  return amp !== -1 && amp < b.start && /^\s*&\s*$/.test(text.slice(a.end, b.start));
}
