import {
  DAYS,
  DEPARTMENTS,
  DIGIT_RE,
  MONTHS,
  NOT_NAMES,
  OF_HEADS,
  ORG_WORDS,
  PARTICLES,
  PLACE_WORDS,
  TITLES,
  TITLE_HEADS,
  words,
} from './word-lists';
import { type Token, gapIsAmp, gapIsSpace } from './tokens';
import { type UnknownActorKind } from '../unknown-actors';

export const isMonthLike = (tokens: Token[], i: number): boolean => {
  const t = tokens[i]!;
  const bare = t.lower.replace(/\.$/, '');
  if (!MONTHS.has(bare) && bare !== 'may') return false;
  if (bare !== 'may') return true;
  // "May" is a month next to a number or after a time word, otherwise perhaps a name (Theresa May).
  const next = tokens[i + 1];
  const before = tokens[i - 1];
  return (
    (next !== undefined && DIGIT_RE.test(next.text[0]!)) ||
    (before !== undefined &&
      (DIGIT_RE.test(before.text[0]!) || words('in of since until by early late mid last next this').has(before.lower)))
  );
};

/** Whether a token may be part of a name at all. */
export function nameWord(tokens: Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  if (!t.cap || t.shouted || DIGIT_RE.test(t.text)) return false;
  // A lone capital that is not an initial ("Mac OS X") says nothing.
  if (/^\p{Lu}$/u.test(t.text)) return false;
  const bare = t.lower;
  if (
    DAYS.has(bare.replace(/\.$/, '')) ||
    NOT_NAMES.has(bare) ||
    NOT_NAMES.has(bare.replace(/\.$/, '')) ||
    isMonthLike(tokens, i)
  ) {
    return false;
  }
  // "US$ 40": a currency code.
  if (/^\s*\$/.test(text.slice(t.end, t.end + 2))) return false;
  return true;
}

export interface Run {
  /** Token indexes [from, to). */
  from: number;
  to: number;
}

/** Groups capitalised words into candidate names, across particles, "of" after a head word, and "&". */
export function findRuns(tokens: Token[], text: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nameWord(tokens, i, text)) {
      i++;
      continue;
    }
    const from = i;
    let to = i + 1;
    let sawFor = false;
    for (;;) {
      const last = tokens[to - 1]!;
      const next = tokens[to];
      if (!next) break;
      if (last.possessive) {
        // "People's Party", "People's Liberation Army": a common noun's possessive inside a name.
        const inName = POSSESSIVES_IN_NAMES.has(last.lower) && /^['’]s[ \t]+$/.test(text.slice(last.end, next.start));
        if (inName && nameWord(tokens, to, text)) {
          to++;
          continue;
        }
        break;
      }
      // An acronym after a title-case word starts a name of its own: "United States DEA", "Apple TV".
      const acronymAfterWord =
        next.allCaps &&
        !last.allCaps &&
        !next.text.includes('.') &&
        !last.text.includes('.') &&
        !ROMAN_RE.test(next.text) &&
        !ORG_WORDS.has(next.lower);
      if (
        nameWord(tokens, to, text) &&
        (gapIsSpace(text, last, next) || gapIsAmp(text, last, next)) &&
        !next.initial &&
        !acronymAfterWord
      ) {
        to++;
        continue;
      }
      // Lower-case connectors: particle, "of (the)", or "and" before an organisation word.
      let k = to;
      if (PARTICLES.has(next.lower) && gapIsSpace(text, last, next)) k = to + 1;
      else if (next.lower === 'of' && OF_HEADS.has(last.lower.replace(/\.$/, '')) && gapIsSpace(text, last, next)) {
        k = tokens[to + 1]?.lower === 'the' ? to + 2 : to + 1;
      } else if ((next.lower === 'on' || next.lower === 'for') && FOR_HEADS.has(last.lower) && gapIsSpace(text, last, next)) {
        // "Council on Foreign Relations", "Committee on Armed Services".
        // "Organisation for Economic Co-operation and Development", "Centre for Strategic Studies".
        k = tokens[to + 1]?.lower === 'the' ? to + 2 : to + 1;
        sawFor = true;
      } else if (next.lower === 'and' && gapIsSpace(text, last, next) && (sawFor || andJoinsOrg(tokens, from, to + 1, text))) {
        k = to + 1;
      }
      if (k > to && tokens[k] && nameWord(tokens, k, text) && gapIsSpace(text, tokens[k - 1]!, tokens[k]!)) {
        to = k + 1;
        continue;
      }
      break;
    }
    runs.push({ from, to });
    i = to;
  }
  return runs;
}

/** "Defence and Space Company": join across "and" only where the words after it end in an org word. */
export function andJoinsOrg(tokens: Token[], from: number, after: number, text: string): boolean {
  for (let j = from; j < after - 1; j++) if (ORG_WORDS.has(tokens[j]!.lower)) return false;
  // The organisation word must close the words after "and": "Harvard and University of North Carolina" is two names.
  let j = after;
  while (j < after + 4 && j < tokens.length && nameWord(tokens, j, text)) j++;
  return j > after && ORG_WORDS.has(tokens[j - 1]!.lower) && tokens[j]?.lower !== 'of';
}

const ROMAN_RE = /^[IVXLC]+$/;
const POSSESSIVES_IN_NAMES = new Set(['people', 'women', 'children', 'workers']);

/** Heads that "for" or "on" continues: "Centre for Strategic Studies", "Council on Foreign Relations". */
const FOR_HEADS = new Set([...ORG_WORDS, 'center', 'centre', 'forum']);

export const isTitle = (t: Token): boolean => TITLES.has(t.lower) && (!t.allCaps || /^(ceo|cfo|coo|cto)$/.test(t.lower));

export interface Candidate {
  from: number;
  to: number;
  kind: UnknownActorKind;
  /** Title tokens just before the name inside the capitalised run ("Prime Minister"). */
  titleFrom?: number;
  /** An affiliation before the title inside the run ("Apple" in "Apple CEO Steve Jobs"). */
  affiliation?: boolean;
  /** Where the capitalised run began, affiliation included: the start of a descriptor. */
  runFrom?: number;
}

/** Splits a run at titles: [affiliation] [title…] [name]. */
export function splitRun(tokens: Token[], run: Run): Candidate[] {
  const whole: Candidate[] = [{ from: run.from, to: run.to, kind: 'unknown' }];
  const hasPlaceOrOrg = (from: number, to: number): boolean =>
    tokens.slice(from, to).some((t) => ORG_WORDS.has(t.lower) || PLACE_WORDS.has(t.lower));
  let j = run.from;
  while (j < run.to && !isTitle(tokens[j]!)) j++;
  if (j === run.to) return whole;
  // "Chief Operating Officer", "Deputy Foreign Minister": a bare title.
  if (isTitle(tokens[run.from]!) && TITLE_HEADS.has(tokens[run.to - 1]!.lower)) return [];
  let k = j;
  while (
    k < run.to &&
    (isTitle(tokens[k]!) ||
      (k > j && (tokens[k]!.lower === 'of' || (tokens[k]!.lower === 'the' && tokens[k - 1]!.lower === 'of'))))
  )
    k++;
  // Titles at the end: "Chief Operating Officer" is a bare title, "Apple Chief Executive" an affiliation and a
  // title, but "Martin Luther King" and "Stephen King" are names whose last word happens to be a title.
  if (k === run.to) {
    if (TITLE_HEADS.has(tokens[run.to - 1]!.lower)) return [{ from: run.from, to: j, kind: 'unknown', affiliation: true }];
    return whole;
  }
  const restLength = run.to - k;
  // A title word inside an organisation's name: "Ministry of Foreign Affairs", "General Motors",
  // "Prince Edward Island", and after "the", "the General Staff".
  if (j > run.from && (tokens[j - 1]!.lower === 'of' || hasPlaceOrOrg(run.from, j)) && restLength < 2) return whole;
  const out: Candidate[] = [];
  if (j > run.from) out.push({ from: run.from, to: j, kind: 'unknown', affiliation: true });
  if (tokens[k - 1]!.lower === 'of' || tokens[k - 1]!.lower === 'the') {
    // "Prime Minister of Singapore" names a place; "Secretary of State Marco Rubio" and "President of
    // Ghana John Mahama" go on to a person, after a department (not an actor) or a place.
    const ofAgain = tokens.slice(k, run.to).some((t) => t.lower === 'of');
    if (!ofAgain && (restLength >= 3 || (restLength === 2 && DEPARTMENTS.has(tokens[k]!.lower)))) {
      if (!DEPARTMENTS.has(tokens[k]!.lower)) out.push({ from: k, to: k + 1, kind: 'place' });
      out.push({ from: k + 1, to: run.to, kind: 'person', titleFrom: j, runFrom: run.from });
    } else {
      out.push({ from: k, to: run.to, kind: 'place' });
    }
    return out;
  }
  if (hasPlaceOrOrg(k, run.to)) return whole;
  if (tokens[run.from - 1]?.lower === 'the' && j === run.from && restLength === 1) return whole;
  out.push({ from: k, to: run.to, kind: 'person', titleFrom: j, runFrom: run.from });
  return out;
}
