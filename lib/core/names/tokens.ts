import { ABBREVIATIONS, GLUED_PARTICLE_RE, LETTER_RE, LOWER_RE, TOKEN_RE, UPPER_RE } from './word-lists';

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
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    let end = start + m[0].length;
    let raw = m[0];
    let possessive = false;
    const poss = /^(.+)['’]s$/u.exec(raw);
    if (poss && UPPER_RE.test(raw)) {
      raw = poss[1]!;
      end = start + raw.length;
      possessive = true;
    }
    // "Iran-backed", "EADS-led": the name is the capitalised part, and nothing after it joins the name.
    const compound = /^(\p{Lu}[\p{L}\p{M}.&]+(?:-\p{Lu}[\p{L}\p{M}.&]*)*)-(?:\p{Ll}+ed|born|led|run|made|style|era|wide)$/u.exec(
      raw,
    );
    if (compound) {
      raw = compound[1]!;
      end = start + raw.length;
      possessive = true;
    }
    // The trailing dot of an abbreviation or initial belongs to the word ("Inc.", "U.S.", "J.").
    const lowerRaw = raw.toLowerCase();
    if (text[end] === '.' && !possessive && (ABBREVIATIONS.has(lowerRaw) || /^\p{Lu}$/u.test(raw) || raw.includes('.'))) {
      end += 1;
      raw += '.';
    }
    const letters = raw.replace(/[^\p{L}]/gu, '');
    tokens.push({
      start,
      end,
      text: raw,
      lower: raw.toLowerCase(),
      cap: (UPPER_RE.test(raw) && LETTER_RE.test(raw)) || GLUED_PARTICLE_RE.test(raw),
      allCaps: letters.length >= 2 && !LOWER_RE.test(letters),
      possessive,
      initial: false,
      shouted: false,
    });
  }
  markSentences(text, tokens);
  markShoutedLines(text, tokens);
  return tokens;
}

export function markSentences(text: string, tokens: Token[]): void {
  let prevEnd = 0;
  let prev: Token | undefined;
  for (const t of tokens) {
    const gap = text.slice(prevEnd, t.start);
    const abbrevEnd = prev !== undefined && prev.text.endsWith('.') && !/[.!?]/.test(gap);
    // A sentence ends at . ! ? or a line break; a quote or colon opens a new one ("said: `` We want").
    t.initial = prev === undefined || /[.!?:;\n"“‘`]/.test(gap) || (abbrevEnd && !ABBREVIATIONS.has(prev.lower.slice(0, -1)));
    prevEnd = t.end;
    prev = t;
  }
}

export function markShoutedLines(text: string, tokens: Token[]): void {
  let line: Token[] = [];
  const close = (): void => {
    const wordsOnLine = line.filter((t) => /\p{L}{3}/u.test(t.text));
    if (wordsOnLine.length >= 4 && wordsOnLine.filter((t) => t.allCaps).length / wordsOnLine.length > 0.6) {
      for (const t of wordsOnLine) t.shouted = true;
    }
    line = [];
  };
  let prevEnd = 0;
  for (const t of tokens) {
    if (text.slice(prevEnd, t.start).includes('\n')) close();
    line.push(t);
    prevEnd = t.end;
  }
  close();
}

export const gapIsSpace = (text: string, a: Token, b: Token): boolean => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
export const gapIsAmp = (text: string, a: Token, b: Token): boolean => /^\s*&\s*$/.test(text.slice(a.end, b.start));
