import {
  CAMEL_RE,
  COMMON,
  COMMON_SUFFIX_RE,
  COMPASS,
  COUNTRY_ACRONYMS,
  DEMONYMS,
  GROUP_WORDS,
  DEMONYM_RE,
  EVENT_WORDS,
  FUNCTION_WORDS,
  HONORIFIC_RE,
  MODEL_RE,
  MODIFIERS,
  NAME_VERBS,
  NUMBERED_HEADS,
  PARTY_PLURALS,
  ORG_WORDS,
  PLACE_PREFIXES,
  PLACE_PREPS,
  PLACE_WORDS,
  PRECEDING_MODEL_RE,
  QUOTE_AFTER_RE,
  QUOTE_BEFORE_RE,
  ROLE_NOUNS,
  SPEECH_VERBS,
  SUBJECT_VERBS,
  TITLES,
} from './word-lists';
import { type Token, gapIsSpace } from './tokens';
import { DEMONYM_WORDS } from '../demonyms';
import { type Candidate, type Run } from './runs';
import { isTitle, isTitleHead } from './titles';
import { leadingParticles } from './particles';
import { type UnknownActorKind } from '../unknown-actors';

const PARTY_TAG_RE = /^[RDI]-$/;

function lowerOf(tokens: Token[], c: Candidate): string[] {
  const out: string[] = [];
  for (let j = c.from; j < c.to; j++) {
    const w = tokens[j]!.lower;
    out.push(w.endsWith('.') ? w.slice(0, -1) : w);
  }
  return out;
}

export function classify(tokens: Token[], c: Candidate, text: string): UnknownActorKind {
  if (c.kind !== 'unknown') return c.kind;
  const ws = lowerOf(tokens, c);
  // The state of a party-state tag ("R-Alaska", "D-N.Y."): the tokenizer left the party letter out.
  if (PARTY_TAG_RE.test(text.slice(Math.max(0, tokens[c.from]!.start - 2), tokens[c.from]!.start))) return 'place';
  if (ws.some((w) => ORG_WORDS.has(w) || ORG_WORDS.has(`${w}.`))) return 'organization';
  if (/&/.test(text.slice(tokens[c.from]!.start, tokens[c.to - 1]!.end))) return 'organization';
  // "Veterans for Peace", "Concerned Women for America": no person's name has "for" in it.
  if (ws.includes('for')) return 'organization';
  // "Rock the Vote", "Unite the Left": a campaign named by what it asks.
  if (ws.length > 2 && ws[1] === 'the' && NAME_VERBS.has(ws[0]!)) return 'organization';
  if (ws.length > 1 && ws.some((w) => PARTY_PLURALS.has(w))) return 'organization';
  if (ws.slice(1).some((w) => PLACE_WORDS.has(w)) || (ws.length > 1 && PLACE_PREFIXES.has(ws[0]!))) return 'place';
  // "Duchy of Lancaster", "Principality of Svaneti": a place word opens the name and "of" names the place.
  if (ws.length > 2 && ws[1] === 'of' && PLACE_WORDS.has(ws[0]!)) return 'place';
  // "House of Commons", "House of Councillors": a chamber.
  if (ws.length > 2 && ws[0] === 'house' && ws[1] === 'of') return 'organization';
  if (ws.length > 1 && ws.some((w) => COMPASS.has(w))) return 'place';
  const before = tokens[c.from - 1];
  const after = tokens[c.to];
  if (before && PLACE_PREPS.has(before.lower)) return 'place';
  const first = tokens[c.from]!;
  // Acronyms are organisations, except the few that name countries.
  if (ws.length === 1 && first.allCaps) return COUNTRY_ACRONYMS.has(ws[0]!.replace(/\./g, '')) ? 'place' : 'organization';
  // "Iran's foreign ministry spokesman", "Apple CEO": an affiliation, a country or an organisation.
  if (c.affiliation) return 'unknown';
  // "Prime Minister of Singapore", "minister of transport for Indonesia".
  if (before && (before.lower === 'of' || before.lower === 'for') && tokens[c.from - 2] && isTitle(tokens[c.from - 2]!)) {
    return 'place';
  }
  if (before && HONORIFIC_RE.test(before.lower)) return 'person';
  // Initials ("H.W.") are capitals inside a person's name, not an acronym.
  const titleCase = tokens.slice(c.from, c.to).every((t) => !t.allCaps || /^(?:\p{Lu}\.)+$/u.test(t.text));
  // Given and family name; "the Joint Strike Fighter", "the Long Beach plant" are things and places.
  if (ws.length >= 2 && ws.length <= 4 && titleCase && before?.lower !== 'the') return 'person';
  if (after && SPEECH_VERBS.has(after.lower) && ws.length >= 2 && before?.lower !== 'the') return 'person';
  if (before && ROLE_NOUNS.has(before.lower) && gapIsSpace(text, before, first) && ws.length >= 2) return 'person';
  return 'unknown';
}

const PLURAL_NOUN_RE = /(?:ers|ists|ings|ments|ions|ities|ants|ents)$/;

/** "Far-right", "Pro-democracy", "Anti-government": a compound adjective, capitalised only as a sentence's first word. */
const COMPOUND_ADJECTIVE_RE = /^\p{Lu}\p{Ll}*-\p{Ll}/u;

/** Lone words that open a sentence are names only with evidence; common words and verb-like forms are not. */
export function dropSentenceStarts(tokens: Token[], c: Candidate, evidence: ReadonlySet<string>, text: string): Candidate | null {
  let from = c.from;
  while (
    from < c.to &&
    tokens[from]!.initial &&
    ((COMMON.has(tokens[from]!.lower) && !evidence.has(tokens[from]!.lower)) || COMPOUND_ADJECTIVE_RE.test(tokens[from]!.text))
  ) {
    from++;
  }
  // Connectors left at the front after a cut; a family name's particle stays ("The bin Laden family").
  while (from < c.to && !tokens[from]!.cap && leadingParticles(tokens, from, text, (j) => tokens[j]!.cap) === 0) from++;
  if (from >= c.to) return null;
  const first = tokens[from]!;
  if (c.to - from === 1 && first.initial && !first.allCaps && !evidence.has(first.lower)) {
    const next = tokens[from + 1];
    // A one-word sentence or interjection: "Done?", "Still, …".
    if (/^[?!.;:]/.test(text.slice(first.end, first.end + 1)) && !first.possessive) return null;
    const spoken = next !== undefined && (SUBJECT_VERBS.has(next.lower) || SPEECH_VERBS.has(next.lower) || first.possessive);
    if (!spoken && (COMMON_SUFFIX_RE.test(first.lower) || /s$/.test(first.lower))) return null;
    // Plural common nouns speak too ("Workers said", "Officials say"): not names without evidence.
    if (PLURAL_NOUN_RE.test(first.lower)) return null;
  }
  return { ...c, from };
}

/** A lone nationality adjective before a lower-case noun ("German airline", "European leaders"). */
export function isDemonym(tokens: Token[], c: Candidate, text: string): boolean {
  // "South Korean lawmakers": a compass word before a nationality is still a nationality.
  if (c.to - c.from === 2 && COMPASS.has(tokens[c.from]!.lower)) return isDemonym(tokens, { ...c, from: c.from + 1 }, text);
  if (c.to - c.from !== 1) return false;
  const t = tokens[c.from]!;
  // Plural nationality nouns name groups, not actors: "Singaporeans", "Indonesians".
  if (/(?:ians|eans)$/.test(t.lower) || (t.lower.length >= 6 && t.lower.endsWith('ans'))) return true;
  // "Israeli-American": every part a nationality.
  if (t.text.includes('-') && t.lower.split('-').every((p) => DEMONYMS.has(p) || DEMONYM_RE.test(p))) return true;
  // "Israeli Prime Minister …": a nationality before a title is not an actor of its own.
  if (c.affiliation && (DEMONYMS.has(t.lower) || DEMONYM_RE.test(t.lower))) return true;
  const next = tokens[c.to];
  if (!next || next.cap || SPEECH_VERBS.has(next.lower) || t.possessive || !gapIsSpace(text, t, next)) return false;
  // A nationality of the demonym table before any lower-case word: "Jordanian troops", "South Korean lawmakers".
  if (DEMONYM_WORDS.has(t.lower) && !FUNCTION_WORDS.has(next.lower)) return true;
  if (COMMON.has(next.lower)) return false;
  // "-an" is too common an ending for names (Jordan, Sudan, Milan), so it counts only before a role: "Kenyan runner".
  const role = ROLE_NOUNS.has(next.lower) || isAgentNoun(next.lower);
  return (
    DEMONYMS.has(t.lower) ||
    DEMONYM_WORDS.has(t.lower) ||
    (t.lower.length >= 6 && DEMONYM_RE.test(t.lower)) ||
    (/an$/.test(t.lower) && role)
  );
}

/** Two or more nationality or community words name a group of people, not an actor: "Arab Israeli", "Somali American". */
export function isGroup(tokens: Token[], c: Candidate): boolean {
  if (c.to - c.from < 2) return false;
  for (let j = c.from; j < c.to; j++) {
    const w = tokens[j]!.lower;
    if (!(DEMONYMS.has(w) || GROUP_WORDS.has(w) || (w.length >= 6 && DEMONYM_RE.test(w)))) return false;
  }
  return true;
}

/** Names seen capitalised mid-sentence, and the words of longer names: evidence for the same word elsewhere. */
export function collectEvidence(tokens: Token[], runs: Run[]): Set<string> {
  const evidence = new Set<string>();
  for (const r of runs) {
    for (let j = r.from; j < r.to; j++) {
      const t = tokens[j]!;
      if (t.titled) continue;
      if ((!t.initial || r.to - r.from > 1) && !COMMON.has(t.lower) && !TITLES.has(t.lower)) evidence.add(t.lower);
    }
  }
  return evidence;
}

/** Products, quoted titles and bare title phrases are not actors. */
export function notAnActor(tokens: Token[], c: Candidate, text: string): boolean {
  const before = tokens[c.from - 1];
  const after = tokens[c.to];
  const first = tokens[c.from]!;
  const last = tokens[c.to - 1]!;
  if (after && !last.possessive && gapIsSpace(text, last, after) && MODEL_RE.test(after.text)) return true;
  if (before && gapIsSpace(text, before, first) && (PRECEDING_MODEL_RE.test(before.text) || CAMEL_RE.test(before.text)))
    return true;
  const quoted =
    QUOTE_BEFORE_RE.test(text.slice(Math.max(0, first.start - 3), first.start)) &&
    !last.possessive &&
    QUOTE_AFTER_RE.test(text.slice(last.end, last.end + 3));
  if (quoted) {
    return true;
  }
  // "Chief Operating Officer", "Prime Minister": a title with no name.
  if (isTitleHead(last.lower) && (isTitle(first) || c.to - c.from === 1)) return true;
  return false;
}

/** Cuts organisation and model tails that are not actors: "Air France Flight 447" → "Air France". */
export function trimTail(tokens: Token[], c: Candidate): Candidate | null {
  const ws = lowerOf(tokens, c);
  const numbered = ws.findIndex((w) => NUMBERED_HEADS.has(w));
  if (numbered > 0) return { ...c, to: c.from + numbered };
  if (numbered === 0) return null;
  if (EVENT_WORDS.has(ws[ws.length - 1]!)) return null;
  // "the Australian Labor Party Coalition": a party's name, then the coalition it leads, not a longer name.
  if (ws.length > 2 && ws.at(-1) === 'coalition' && ws.slice(0, -1).includes('party')) return { ...c, to: c.to - 1 };
  return c;
}

/** "runner", "director", "activist", "consultant": nouns for someone who does something. */
export function isAgentNoun(lower: string): boolean {
  if (lower.length < 5 || COMMON.has(lower) || FUNCTION_WORDS.has(lower) || MODIFIERS.has(lower)) return false;
  return /(?:er|or|ist|ian|ant|ent)$/.test(lower);
}
