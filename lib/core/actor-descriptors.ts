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
const WORD_RE = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.&-]*$/u;
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
/** Where a description ends: a comma, a stop, a dash, a bracket or the end of the line. */
const END_RE = /[,;.!?()—–\n]|\s-\s/;

/** An agent noun: "photographer", "economist", "veteran", "lawyer". */
const isAgentNoun = (w: string): boolean =>
  ROLE_NOUNS.has(w) || (TITLES.has(w) && !HONORIFIC_RE.test(w)) || /(?:er|or|ist|ian|ant|ent|eran)$/.test(w);

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

/** ", a photographer and Navy veteran," → "photographer and Navy veteran". */
function appositiveAfter(text: string, end: number): string | null {
  let from = end;
  // An age first: "Vanessa Hicks, 42, a photographer".
  const age = /^,\s*\d{1,3}(?=,\s)/.exec(text.slice(from, from + 8));
  if (age) from += age[0].length;
  const comma = /^,\s+/.exec(text.slice(from, from + 4));
  if (!comma) return null;
  const phrase = phraseAt(text, from + comma[0].length);
  if (!phrase) return null;
  const ws = wordsOf(phrase);
  if (ws.length > MAX_WORDS || !ws.every((w) => WORD_RE.test(w))) return null;
  const lower = ws.map((w) => w.toLowerCase());
  const article = /^(?:a|an|the)$/.test(lower[0]!);
  const possessive = /['’]s$/.test(lower[0]!) && /^\p{Lu}/u.test(ws[0]!);
  const opener = lower[article ? 1 : 0];
  if (opener === undefined || PRONOUNS.has(opener) || CLAUSE_WORDS.has(opener)) return null;
  // Not a clause, a list of names or a place: "…, the company said", "…, Collins and Murkowski", "…, Illinois".
  if (lower.some((w) => VERBS.has(w) || SPEECH_VERBS.has(w) || PAST_VERBS.has(w) || PRONOUNS.has(w))) return null;
  if (!article && !possessive && FUNCTION_WORDS.has(opener)) return null;
  if (!article && COMMON.has(opener) && !MODIFIERS.has(opener)) return null;
  if (!article && /(?:ing|ly)$/.test(opener)) return null;
  const head = lower[lower.length - 1]!;
  const hasRole = lower.some((w) => isAgentNoun(w.replace(/['’]s$/, '')));
  // With an article it reads as a noun phrase; without one it needs a role word ("Iran's foreign ministry spokesman").
  if (!hasRole && !(article && !FUNCTION_WORDS.has(head))) return null;
  return phrase.replace(ARTICLE_RE, '');
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
  const found = [appositiveAfter(text, end), relativeClauseAfter(text, end)];
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
