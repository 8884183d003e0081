/**
 * What an article says of a named actor right after the name, read from the text around a mention: an
 * appositive ("Vanessa Hicks, a photographer and Navy veteran, said") or a relative clause ("X, who heads
 * the water board,"). The name finder gives one descriptor per mention (a title before the name, else an
 * appositive); these are the others, so a card can show all of them. Offsets are UTF-16 offsets.
 */

import {
  CLAUSE_WORDS,
  COMMON,
  FUNCTION_WORDS,
  HONORIFIC_RE,
  MODIFIERS,
  PAST_VERBS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  TITLES,
  VERBS,
} from './names/word-lists';

/** At most this many words: longer runs after a comma are clauses, not descriptions. */
const MAX_WORDS = 14;
/** A word of a description; a nickname in quotes may be part of one ("brother of Nemesio “El Mencho” Oseguera"). */
const WORD_RE = /^["“‘]?[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.&-]*["”’]?$/u;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'them', 'who', 'which']);
/** Verbs that open a relative clause describing someone, not reporting what they did that day. */
const DESCRIBING_VERBS = new Set(
  `is was heads headed leads led runs ran chairs chaired directs directed manages managed owns owned founded co-founded
  oversees oversaw represents represented serves served works worked teaches taught coaches coached commands commanded
  advises advised edits edited hosts hosted presides presided`.split(/\s+/),
);
/** A copula and what may follow it before the description proper: "who is now a", "who was once the". */
const COPULA_RE = /^(?:is|was|has been|had been)\s+(?:now\s+|once\s+|also\s+|still\s+)?/i;
const ARTICLE_RE = /^(?:the|a|an)\s+/i;
/** Prepositions that tie a description to another name: "brother of …", "adviser to …". */
const LINKING = new Set(['of', 'for', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'as']);
/** Where a description ends: a comma, a stop, a dash, a bracket or the end of the line. */
const END_RE = /[,;.!?()—–\n]|\s-\s/;

/** Words in -er, -or, -ent… that name no one. */
const NOT_AGENTS = new Set(
  `after over under other ever never whether rather together either neither later earlier former latter
  border order number member center water power matter paper letter quarter corner chapter summer winter
  error factor sector major minor prior interior senior junior mirror
  percent recent current event content extent moment comment statement government parliament
  department settlement agreement payment investment development movement element judgment
  plant want important significant relevant`.split(/\s+/),
);
/** Who someone is without a suffix to tell it: "warlord", "drug lord", "mother of three". */
const PEOPLE_NOUNS = new Set(
  `warlord lord kingpin boss chief head veteran mother father son daughter wife husband widow brother sister
  uncle aunt cousin nephew niece grandmother grandfather friend partner colleague student nurse doctor
  surgeon pilot soldier sergeant officer priest nun monk poet artist activist farmer fisherman businessman
  businesswoman tycoon billionaire millionaire heir heiress mogul magnate entrepreneur politician lawmaker
  legislator diplomat militant fighter commander captain survivor victim witness suspect defendant
  plaintiff detainee prisoner inmate hostage refugee migrant resident citizen native expert scholar
  academic spokesperson anchor host presenter comedian celebrity model athlete champion`.split(/\s+/),
);

/** An agent noun: "photographer", "economist", "veteran", "lawyer". */
const isAgentNoun = (w: string): boolean =>
  !NOT_AGENTS.has(w) &&
  (ROLE_NOUNS.has(w) ||
    PEOPLE_NOUNS.has(w) ||
    (TITLES.has(w) && !HONORIFIC_RE.test(w)) ||
    /\p{L}{3}(?:er|or|ist|ian|ant|ent|eran)$/u.test(w));

/** The phrase between `from` and the next end mark, if it is short and ends where a description ends. */
function phraseAt(text: string, from: number): string | null {
  const rest = text.slice(from, from + 200);
  const end = END_RE.exec(rest);
  // A stop inside an abbreviation or initial ("U.S.", "St.") does not end the phrase.
  let stop = end ? end.index : rest.length;
  while (end && rest[stop] === '.' && /(?:^|\s|\.)(?:\p{Lu}|U\.S|St|Dr|Mr|Mrs|Ms|Jr|Sr)$/u.test(rest.slice(0, stop))) {
    const next = END_RE.exec(rest.slice(stop + 1));
    if (!next) return null;
    stop = stop + 1 + next.index;
  }
  if (!end && from + rest.length < text.length) return null;
  const phrase = rest.slice(0, stop).trim();
  return phrase === '' ? null : phrase;
}

const wordsOf = (phrase: string): string[] => phrase.split(/\s+/);

/**
 * Whether a phrase reads as a description: a noun phrase, not a clause, a list of names or a place. With
 * an article it may be any noun phrase ("a retired nurse"); without one it needs a role word ("Iran's
 * foreign ministry spokesman"), and so always when `needRole`.
 */
function describes(phrase: string, needRole: boolean): boolean {
  const ws = wordsOf(phrase);
  if (ws.length > MAX_WORDS || !ws.every((w) => WORD_RE.test(w))) return false;
  const lower = ws.map((w) => w.toLowerCase().replace(/["“”‘]/g, ''));
  const article = /^(?:a|an|the)$/.test(lower[0]!);
  const possessive = /['’]s$/.test(lower[0]!) && /^\p{Lu}/u.test(ws[0]!);
  const opener = lower[article ? 1 : 0];
  if (opener === undefined || PRONOUNS.has(opener) || CLAUSE_WORDS.has(opener)) return false;
  // Not a clause, a list of names or a place: "…, the company said", "…, Collins and Murkowski", "…, Illinois".
  if (lower.some((w) => VERBS.has(w) || SPEECH_VERBS.has(w) || PAST_VERBS.has(w) || PRONOUNS.has(w))) return false;
  if (!article && !possessive && FUNCTION_WORDS.has(opener)) return false;
  if (!article && COMMON.has(opener) && !MODIFIERS.has(opener)) return false;
  if (!article && /(?:ing|ly)$/.test(opener)) return false;
  const head = lower[lower.length - 1]!;
  // A suffix says "agent" only of a common noun: "photographer", not "Christian" or "Canadian".
  const hasRole = ws.some((w, i) => {
    const bare = lower[i]!.replace(/['’]s$/, '');
    return /^\p{Ll}/u.test(w) ? isAgentNoun(bare) : ROLE_NOUNS.has(bare) || PEOPLE_NOUNS.has(bare) || TITLES.has(bare);
  });
  // "historian and writer Peter Berresford Ellis": a title and another person's name, in a list of people
  // (but "murderer of DEA agent Enrique Camarena" describes someone through another).
  const capsAtEnd = ws.length - ws.findLastIndex((w) => !/^["“‘]?\p{Lu}/u.test(w)) - 1;
  const linked = lower.slice(0, ws.length - capsAtEnd).some((w) => LINKING.has(w));
  if (capsAtEnd >= 2 && capsAtEnd < ws.length && !linked) return false;
  return hasRole || (!needRole && article && !FUNCTION_WORDS.has(head));
}

/** ", a photographer and Navy veteran," → "photographer and Navy veteran". */
function appositiveAfter(text: string, end: number): string | null {
  let from = end;
  // An age first: "Vanessa Hicks, 42, a photographer".
  const age = /^,\s*\d{1,3}(?=,\s)/.exec(text.slice(from, from + 8));
  if (age) from += age[0].length;
  // A comma or a dash opens it: "Caro Quintero — the convicted murderer of …". After a dash, which also
  // joins names ("Liberal – National Coalition"), only a phrase with a role word counts.
  const comma = /^(?:,\s+|\s*[—–]\s*)/.exec(text.slice(from, from + 4));
  if (!comma) return null;
  const phrase = phraseAt(text, from + comma[0].length);
  return phrase && describes(phrase, comma[0].trim() !== ',') ? phrase.replace(ARTICLE_RE, '') : null;
}

/** " is the agency's spokeswoman." → "agency's spokeswoman": a copula right after the name, then a role. */
function copulaAfter(text: string, end: number): string | null {
  const is = /^\s+(?:is|was)\s+(?=(?:a|an|the)\s|\p{Lu}[\p{L}\p{M}]*['’]s\s)/u.exec(text.slice(end, end + 12));
  if (!is) return null;
  const phrase = phraseAt(text, end + is[0].length);
  return phrase && describes(phrase, true) ? phrase.replace(ARTICLE_RE, '') : null;
}

/**
 * A common noun right before the name, with its modifiers: "Congolese warlord Thomas Lubanga", "notorious
 * drug lord Rafael Caro Quintero". Titles in capitals ("Foreign Minister") are the name finder's.
 */
export function descriptorBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 80), start);
  if (!/\S $/.test(before)) return null;
  const ws = before.trimEnd().split(' ');
  const head = ws[ws.length - 1]!;
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(head) || !isAgentNoun(head) || COMMON.has(head) || FUNCTION_WORDS.has(head)) return null;
  let first = ws.length - 1;
  for (let j = ws.length - 2; j >= 0 && ws.length - 1 - j <= 4; j--) {
    const w = ws[j]!;
    const lower = w.toLowerCase();
    if (!/^[\p{L}][\p{L}\p{M}'’-]*$/u.test(w)) break;
    if (FUNCTION_WORDS.has(lower) || VERBS.has(lower) || PAST_VERBS.has(lower) || SPEECH_VERBS.has(lower)) break;
    if (COMMON.has(lower) && !MODIFIERS.has(lower)) break;
    // Verb-like and adverb-like words end the phrase: "the court convicted", "was widely".
    if (/\p{Ll}/u.test(w[0]!) && /(?:ed|ing|ly|[^su]s)$/.test(lower) && !isAgentNoun(lower) && !MODIFIERS.has(lower)) break;
    first = j;
  }
  return ws.slice(first).join(' ');
}

/** ", who heads the regional water board," → "heads the regional water board"; ", who is a lawyer," → "lawyer". */
function relativeClauseAfter(text: string, end: number): string | null {
  const who = /^,\s+who\s+/i.exec(text.slice(end, end + 12));
  if (!who) return null;
  const phrase = phraseAt(text, end + who[0].length);
  if (!phrase) return null;
  const ws = wordsOf(phrase);
  if (ws.length > MAX_WORDS + 2 || ws.length < 2 || !ws.every((w) => WORD_RE.test(w))) return null;
  if (!DESCRIBING_VERBS.has(ws[0]!.toLowerCase()) && !/^has been|had been$/i.test(`${ws[0]} ${ws[1]}`)) return null;
  // What someone is, not what they said or did: "who said he was tired" never gets here; "who was there" is no description.
  if (ws.slice(1).some((w) => PRONOUNS.has(w.toLowerCase()) || SPEECH_VERBS.has(w.toLowerCase()))) return null;
  const copula = COPULA_RE.exec(phrase);
  if (!copula) return phrase;
  const rest = phrase.slice(copula[0].length);
  const restWords = wordsOf(rest).map((w) => w.toLowerCase());
  // "who was a lawyer" describes; "who was arrested", "who was there" do not.
  if (!ARTICLE_RE.test(rest) && !/['’]s$/.test(restWords[0] ?? '') && !restWords.some(isAgentNoun)) return null;
  const described = rest.replace(ARTICLE_RE, '');
  return described === '' ? null : described;
}

/** Descriptors the text gives right after the mention that ends at `end`. */
export function descriptorsAfter(text: string, end: number): string[] {
  const found = [appositiveAfter(text, end), relativeClauseAfter(text, end), copulaAfter(text, end)];
  return found.filter((d): d is string => d !== null).map((d) => d.replace(/\s+/g, ' '));
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Descriptors once each, in the order given: the same words twice count once, and one that another holds
 * whole ("spokesman" beside "Iran's foreign ministry spokesman") gives way to the longer.
 */
export function dedupeDescriptors(all: readonly string[]): string[] {
  const keep: { text: string; key: string }[] = [];
  for (const text of all) {
    const key = fold(text);
    if (key === '' || keep.some((k) => ` ${k.key} `.includes(` ${key} `))) continue;
    // The longer one takes the place of the first it holds, so the order stays the article's.
    const held = keep.findIndex((k) => ` ${key} `.includes(` ${k.key} `));
    const rest = keep.filter((k) => !` ${key} `.includes(` ${k.key} `));
    if (held < 0) keep.push({ text, key });
    else keep.splice(0, keep.length, ...rest.slice(0, held), { text, key }, ...rest.slice(held));
  }
  return keep.map((k) => k.text);
}
