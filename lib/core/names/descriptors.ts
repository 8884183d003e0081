import {
  CLAUSE_WORDS,
  COMMON,
  DAYS,
  DIGIT_RE,
  FUNCTION_WORDS,
  HONORIFIC_RE,
  MODIFIERS,
  MONTHS,
  ORG_ROLES,
  PAST_VERBS,
  PERSON_ROLES,
  ROLE_NOUNS,
  TITLES,
  VERBS,
  words,
} from './word-lists';
import { type Token, gapIsSpace } from './tokens';
import { type Candidate } from './runs';
import { isAgentNoun } from './filters';
import { type UnknownActor, type UnknownActorKind } from '../unknown-actors';

/** Lower-case nouns that, before "of", say the name after them is a place: "the riding of Springfield", "the town of Bucha". */
const PLACE_NOUNS_BEFORE_OF = words('riding seat constituency electorate ward town village city municipality');

/**
 * "the riding of Springfield", "the seat of Noosa": the noun by which the text calls the name a place, or
 * undefined. Not "province of" or "region of": "the province of Trapani" names the province, not the city
 * "Trapani" names alone.
 */
export function placeNounBefore(tokens: Token[], c: { from: number }, text: string): string | undefined {
  const of = tokens[c.from - 1];
  const noun = tokens[c.from - 2];
  if (!of || !noun || of.lower !== 'of' || noun.cap || !PLACE_NOUNS_BEFORE_OF.has(noun.lower)) return undefined;
  return gapIsSpace(text, noun, of) && gapIsSpace(text, of, tokens[c.from]!) ? noun.lower : undefined;
}

/** Pre-modifier: "Iran's foreign ministry spokesman [Name]", "aircraft manufacturer [Name]". */
export function preDescriptor(tokens: Token[], c: Candidate, text: string): string | undefined {
  const titled = c.titleFrom !== undefined && c.titleFrom < c.from;
  let first: number;
  if (titled) {
    first = c.runFrom ?? c.titleFrom!;
    // Not the word that opened the sentence: "Yesterday Prime Minister …".
    while (first < c.titleFrom! && tokens[first]!.initial && COMMON.has(tokens[first]!.lower)) first++;
  } else {
    const head = tokens[c.from - 1];
    const role = head !== undefined && !head.cap && (ROLE_NOUNS.has(head.lower) || isAgentNoun(head.lower));
    if (!role || !gapIsSpace(text, head, tokens[c.from]!)) return undefined;
    first = c.from - 1;
  }
  // Walk back over modifiers: content words, names and possessives, no punctuation, at most five words.
  for (let j = first - 1; j >= 0 && c.from - j <= 6; j--) {
    const t = tokens[j]!;
    const gap = text.slice(t.end, tokens[j + 1]!.start);
    if (!(/^[ \t\u00a0]+$/.test(gap) || (t.possessive && /^['’]s[ \t\u00a0]+$/.test(gap)))) break;
    if (FUNCTION_WORDS.has(t.lower) || VERBS.has(t.lower) || PAST_VERBS.has(t.lower) || DIGIT_RE.test(t.text)) break;
    if (COMMON.has(t.lower) && !MODIFIERS.has(t.lower)) break;
    // Lower-case words in -s, -ed or -ing right before a title are most likely verbs: "he meets President …".
    if (!t.cap && (/[^su]s$/.test(t.lower) || /(?:ed|ing)$/.test(t.lower)) && !ROLE_NOUNS.has(t.lower)) break;
    first = j;
    if (t.initial) break;
  }
  const phrase = text.slice(tokens[first]!.start, tokens[c.from - 1]!.end);
  // An honorific alone describes nothing; an appositive may.
  if (HONORIFIC_RE.test(phrase.toLowerCase())) return undefined;
  return phrase.replace(/\s+/g, ' ').replace(/\s+(['’]s)\b/g, '$1') || undefined;
}

/** Appositive: "[Name], Iran's foreign ministry spokesman, said" or "[Name], the Airbus chief executive, said". */
export function appositive(tokens: Token[], c: Candidate, text: string): string | undefined {
  const last = tokens[c.to - 1]!;
  const after = text.slice(last.end, last.end + 3);
  if (!/^\s*,/.test(after)) return undefined;
  const first = tokens[c.to];
  if (!first || CLAUSE_WORDS.has(first.lower)) return undefined;
  // It starts like a noun phrase: not with a preposition, adverb or verb ("…, according to", "…, meanwhile,").
  const opener = first.lower;
  if (
    !/^(the|a|an)$/.test(opener) &&
    (FUNCTION_WORDS.has(opener) || (COMMON.has(opener) && !MODIFIERS.has(opener)) || /(?:ing|ed|ly)$/.test(opener))
  ) {
    return undefined;
  }
  let j = c.to;
  let sawRole = false;
  while (j < tokens.length && j - c.to < 12) {
    const t = tokens[j]!;
    if (VERBS.has(t.lower) || CLAUSE_WORDS.has(t.lower)) return undefined;
    if ((ROLE_NOUNS.has(t.lower) || TITLES.has(t.lower)) && !HONORIFIC_RE.test(t.lower)) sawRole = true;
    if (j === c.to && HONORIFIC_RE.test(t.lower)) return undefined;
    const gap = text.slice(t.end, tokens[j + 1]?.start ?? text.length);
    if (/[,;.!?()\n]/.test(gap.replace(/^\.$/, ''))) break;
    j++;
  }
  if (!sawRole || j >= tokens.length || j - c.to >= 12) return undefined;
  const endGap = text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? text.length);
  if (!/^\s*[,.;\n]|^\s*$/.test(endGap)) return undefined;
  const phrase = text
    .slice(first.start, tokens[j]!.end)
    .replace(/\s+/g, ' ')
    .replace(/\s+(['’]s)\b/g, '$1');
  return phrase.replace(/^(?:the|a|an)\s+/i, '');
}

const DATELINE_RE =
  /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}\p{M}'’.-]*(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){0,3})(?=(?:,[^\n:(—–]{1,40})?\s*(?::|\(|—|–|--|-\s))/uy;

/** An all-capitals place opening the text or a paragraph: "JERUSALEM:", "GAZA CITY, Gaza Strip —". */
export function datelines(text: string): UnknownActor[] {
  const out: UnknownActor[] = [];
  // Tried only where a line starts (sticky), not at every position of the text: a match holds no line break
  // after its first unit, so this finds what a global search would.
  for (let at = 0; at !== -1; at = text.indexOf('\n', at + 1)) {
    DATELINE_RE.lastIndex = at;
    const m = DATELINE_RE.exec(text);
    if (!m) continue;
    const surface = m[1]!;
    if (!/\p{Lu}{3}/u.test(surface) || DAYS.has(surface.toLowerCase()) || MONTHS.has(surface.toLowerCase())) continue;
    const start = m.index + m[0].length - surface.length;
    out.push({ start, end: start + surface.length, surface, kind: 'place' });
  }
  return out;
}

/** The descriptor's head noun settles person against organisation: "airline Aer Lingus", "a research firm". */
export function kindFromDescriptor(
  kind: UnknownActorKind,
  descriptor: string | undefined,
  strongPerson: boolean,
): UnknownActorKind {
  if (!descriptor || kind === 'place' || kind === 'organization' || strongPerson) return kind;
  const head =
    /([\p{L}-]+)\W*$/u.exec(descriptor.replace(/\s+(?:of|for|at|in|with|from|to|and)\s.*$/, ''))?.[1]?.toLowerCase() ?? '';
  if (ORG_ROLES.has(head)) return 'organization';
  if (PERSON_ROLES.has(head) || TITLES.has(head)) return 'person';
  return kind;
}
