/**
 * Which unknown names a reader sees marked. A mark says "this is someone or something with a name"; a wrong
 * one on a stranger's page ("Media", "ADVERTISING", a dateline, "Parliament") costs more than a missed one,
 * so a name earns its mark from its own words or from what the article says of it:
 * - people and organisations named in full ("Arthur Engoron", "Hoover Institution"), described ("Judge
 *   Engoron"), or a short form of a name the article gave in full ("Hicks");
 * - places whose words say they are places ("Sichuan Province", "Gaza City", "South Brisbane", "San
 *   Bernardino"), not lone words such as "Queensland", which could as well be a team or a surname;
 * - acronyms the article spells out in brackets after a name ("Social Democratic and Labour Party (SDLP)"),
 *   at every mention; an acronym no one spells out ("ADVERTISING", "NPR") says nothing of what it names.
 */

import { COMPASS, ORG_WORDS, PARTY_PLURALS, PLACE_PREFIXES, PLACE_WORDS } from './names/word-lists';
import { opensCapitalised, textChunks } from './text-chunks';
import type { UnknownActorKind } from './unknown-actors';

export interface MarkCandidate {
  surface: string;
  kind: UnknownActorKind;
  descriptors: readonly string[];
  /** What the text says the name is right before it ("riding" in "the riding of Springfield"). */
  descriptor?: string;
  fullName?: string;
  /** A lone name that does what only a person does ("Timbrell campaigned"). */
  subject?: boolean;
}

/** An acronym: two or more capitals, with digits or lower-case letters between ("SDLP", "PvdA", "TOP 9" not). */
const ACRONYM_RE = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}][\p{L}\p{N}.&+-]{1,7}$/u;
/** "… Labour Party ( SDLP )": an acronym in brackets right after a capitalised word. */
const DEFINED_RE = /\p{Lu}[\p{L}\p{M}.'’-]*\s*\(\s*([\p{Lu}][\p{L}\p{N}.&+-]{1,7})\s*\)/gu;

/** "… Action démocratique du Québec, or ADQ": an acronym offered as another name right after a capitalised word. */
const OR_DEFINED_RE = /\p{Lu}[\p{L}\p{M}.'’-]*\s*,\s*or\s+([\p{Lu}][\p{L}\p{N}.&+-]{1,7})(?![\p{L}\p{N}])/gu;

/**
 * Acronyms an article spells out: every one in brackets right after a capitalised name or offered after
 * ", or", and every one of three letters or more whose letters open the words of a name the article writes
 * in full ("UUP" where the text names the "Ulster Unionist Party"), however far apart the two stand. The name
 * must end in a word that says it is an actor (a party, a league, an island): "NZD" after "New Zealand
 * Dollar" or "SRE" after "Site Reliability Engineering" are terms, not names.
 */
export function definedAcronyms(texts: readonly string[], candidates: Iterable<string> = []): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    if (t.includes('(')) for (const m of t.matchAll(DEFINED_RE)) if (ACRONYM_RE.test(m[1]!)) out.add(m[1]!);
    if (t.includes(', or') || t.includes(',or'))
      for (const m of t.matchAll(OR_DEFINED_RE)) if (ACRONYM_RE.test(m[1]!)) out.add(m[1]!);
  }
  const wanted = [...candidates].filter((c) => !out.has(c) && ACRONYM_RE.test(c) && initialsOf(c).length >= 3);
  if (wanted.length > 0) {
    const runs = texts.flatMap(capitalisedRuns);
    for (const c of wanted) if (runs.some((r) => spellsOut(r, initialsOf(c)))) out.add(c);
  }
  return out;
}

/** The capitals of an acronym, in order ("U.K." → "UK", "PML-F" → "PMLF"). */
const initialsOf = (acronym: string): string => acronym.replace(/[^\p{Lu}]/gu, '');

/** Small words a full name may carry between its capitalised words without giving the acronym a letter. */
const NAME_GLUE = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  '&',
  'de',
  'du',
  'des',
  'la',
  'le',
  'di',
  'del',
  'della',
  'von',
  'van',
]);

/** Last words that make a spelled-out name an actor's: organisation, party and place words. */
const ACTOR_HEADS = new Set([...ORG_WORDS, ...PARTY_PLURALS, ...PLACE_WORDS, 'library']);

/**
 * The capitalised runs of a text as their words, glue words in lower case ("Party of the Left" → ["Party",
 * "of", "the", "Left"]). A run ends at any other word, a number or punctuation other than a hyphen.
 */
function capitalisedRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length > 0 && isGlue(run.at(-1)!)) run.pop();
    if (run.length >= 3) runs.push(run);
    run = [];
  };
  // The words and other units of /[\p{L}\p{M}&'’]+|[^\s\p{L}\p{M}&'’]+/gu, by a loop (text-chunks.ts).
  for (const w of textChunks(text)) {
    if (opensCapitalised(w)) run.push(w);
    else if (run.length > 0 && NAME_GLUE.has(w.toLowerCase())) run.push(w.toLowerCase());
    else if (w !== '-' && w !== '’' && w !== "'") close();
  }
  close();
  return runs;
}

const isGlue = (w: string): boolean => NAME_GLUE.has(w);

/**
 * Whether consecutive capitalised words of a run, glue words skipped, open with exactly these letters and
 * make a whole name that ends in an actor's head word: not "New Zealand Department" for "NZD" inside "New
 * Zealand Department of Labour".
 */
function spellsOut(run: readonly string[], letters: string): boolean {
  for (let from = 0; from < run.length; from++) {
    if (run[from]![0] !== letters[0]) continue;
    let k = 0;
    let j = from;
    while (j < run.length && k < letters.length && (isGlue(run[j]!) || run[j]![0] === letters[k])) {
      if (!isGlue(run[j]!)) k++;
      j++;
    }
    const whole = j === run.length || run[j] === 'and' || run[j] === '&';
    if (k === letters.length && whole && ACTOR_HEADS.has(run[j - 1]!.toLowerCase())) return true;
  }
  return false;
}

/** Words that say a name is a place when they close it or open it ("Hamilton West", "North Down"). */
function placeByItsWords(surface: string): boolean {
  const ws = surface.toLowerCase().split(/\s+/u);
  if (ws.length < 2) return false;
  const last = ws.at(-1)!;
  // "Lower House" and "Upper Chamber" are parliaments, not places.
  if (last === 'house' || last === 'chamber') return false;
  // "Duchy of Lancaster", "Principality of Guria": a place word, then "of" and the place's name.
  if (ws[1] === 'of' && PLACE_WORDS.has(ws[0]!)) return true;
  return PLACE_WORDS.has(last) || PLACE_PREFIXES.has(ws[0]!) || ws.some((w) => COMPASS.has(w));
}

/**
 * A short abbreviation in mixed case ("PvdA", "FdL", "IdV", "AfD", "TfL"): capitals with at most two
 * lower-case letters between them, ending in a capital. Capitals inside a word are never a heading's or a
 * sentence's style, and a plural acronym ("CDs") or a product ("MacBook", "MySQL") is not spelled so.
 * A few terms are, and stay unmarked.
 */
const MIXED_ABBREVIATION_RE = /^(?=.{3,4}$)(?=.*\p{Ll})\p{Lu}(?:\p{Ll}{0,2}\p{Lu}){1,3}$/u;
const MIXED_CASE_TERMS = new Set(['phd', 'mou', 'pow', 'iot', 'dos', 'pvp', 'pve', 'kib', 'mib', 'gib', 'tib']);

/** A mixed-case abbreviation is an organisation's, as most such are (a party, a ministry, a transport body). */
function mixedAbbreviationKind(a: MarkCandidate): MarkedKind | null {
  if (!MIXED_ABBREVIATION_RE.test(a.surface) || MIXED_CASE_TERMS.has(a.surface.toLowerCase())) return null;
  return 'organization';
}

export type MarkedKind = 'person' | 'organization' | 'place';

/** The kind a reader sees this unknown name marked as, or null where it is not worth a mark (see above why). */
export function markedKind(a: MarkCandidate, defined: ReadonlySet<string>): MarkedKind | null {
  // A spelled-out acronym names what its words name; most are parties, agencies and companies.
  if (defined.has(a.surface)) return a.kind === 'person' || a.kind === 'place' ? a.kind : 'organization';
  const mixed = mixedAbbreviationKind(a);
  if (mixed) return mixed;
  if (a.kind === 'unknown' || !/\p{Ll}/u.test(a.surface)) return null;
  // "the riding of Springfield": a lone place word the text itself calls a place.
  if (a.kind === 'place') return placeByItsWords(a.surface) || a.descriptor !== undefined ? 'place' : null;
  if (a.kind === 'person' && a.subject) return 'person';
  return a.descriptors.length > 0 || a.fullName !== undefined || /\S\s+\S/.test(a.surface) ? a.kind : null;
}
