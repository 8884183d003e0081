import { foldText, isWordUnit } from './fold';
import type { IndexedEntity } from './match-index';
import { SPEECH_VERBS, SUBJECT_VERBS } from './names/word-lists';

export interface Span {
  block: number;
  start: number;
  end: number;
  entity: number;
}

const CAPITAL = /^\p{Lu}/u;
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'di', 'du', 'la', 'le']);

/**
 * A person named in full earlier ("Steve Witkoff") is often named by surname later ("Witkoff"), even
 * where the pack lists no such alias. Surnames shared by two people on the page bind to neither.
 * Where the page's proper names are known (findArticleNames), a surname binds only where it is a whole
 * name of its own: not "May" in "in May" after Theresa May, "Young" in "Young people" after Todd Young,
 * or "Green" in "Green Party" after Al Green.
 */
/** Words after a family name: "Jr.", "Sr.", "III". */
const SUFFIXES = /^(?:Jr\.?|Sr\.?|II|III|IV)$/u;

/**
 * The family name comes last in most names, first in Korean and Chinese ones ("Yoon" of "Yoon Suk Yeol", "Lee"
 * of "Lee Jae-myung", "Kim" of "Kim Jong Un", "Lai" of "Lai Ching-te"). Such a name has three parts or more and
 * ends in a short syllable or a hyphenated given name ("Jae-myung"); a Western name of three parts does not
 * ("Robert F. Kennedy", "Mohammed bin Salman"), and its first word, a given name, binds to no one.
 */
function familyNameFirst(words: readonly string[]): boolean {
  const parts = words.flatMap((w) => w.split('-'));
  if (parts.length < 3 || words.some((w) => w.endsWith('.') || PARTICLES.has(w.toLowerCase().split('-')[0]!))) return false;
  const last = words.at(-1)!;
  return /-\p{Ll}/u.test(last) || (words.length >= 3 && last.length <= 4);
}

interface Surnames {
  /** Surname → the one person on the page it names, or null where two people share it. */
  person: Map<string, number | null>;
  /** Where each surname's full name first ends: a surname binds only after it. */
  firstSeen: Map<string, { block: number; end: number }>;
}

/** The surnames of the people linked on the page by a name of two words or more. */
function pageSurnames(entities: readonly IndexedEntity[], blocks: readonly string[], linked: readonly Span[]): Surnames {
  const bySurname = new Map<string, number | null>();
  const firstSeen = new Map<string, { block: number; end: number }>();
  for (const s of linked) {
    if (entities[s.entity]!.kind !== 'person') continue;
    // "Robert F. Kennedy Jr.": the family name is the word before the suffix.
    const words = blocks[s.block]!.slice(s.start, s.end).split(/\s+/u);
    while (words.length > 2 && SUFFIXES.test(words.at(-1)!)) words.pop();
    if (words.length < 2) continue;
    // A span may open with a title ("President Donald Trump"): the first word counts only where it is a word
    // of the person's own name, or "President" would bind to whoever was named so first.
    const nameWords = new Set(foldText(entities[s.entity]!.name).split(/\s+/u));
    const firstIsName = nameWords.has(foldText(words[0]!));
    const forms = familyNameFirst(words) && firstIsName ? [words.at(-1)!, words[0]!] : [words.at(-1)!];
    for (const surname of forms) {
      if (!CAPITAL.test(surname) || surname.length < 3 || PARTICLES.has(surname.toLowerCase())) continue;
      const prior = bySurname.get(surname);
      bySurname.set(surname, prior === undefined || prior === s.entity ? s.entity : null);
      const seen = firstSeen.get(surname);
      if (!seen || s.block < seen.block || (s.block === seen.block && s.end < seen.end))
        firstSeen.set(surname, { block: s.block, end: s.end });
    }
  }
  return { person: bySurname, firstSeen };
}

const after = (at: { block: number; end: number }, block: number, start: number) =>
  block > at.block || (block === at.block && start >= at.end);

/**
 * A person named in full earlier ("Steve Witkoff") is often named by surname later ("Witkoff"), even
 * where the pack lists no such alias. Surnames shared by two people on the page bind to neither.
 * Where the page's proper names are known (findArticleNames), a surname binds only where it is a whole
 * name of its own: not "May" in "in May" after Theresa May, "Young" in "Young people" after Todd Young,
 * or "Green" in "Green Party" after Al Green.
 */
export function bindShortForms(
  entities: readonly IndexedEntity[],
  blocks: readonly string[],
  linked: readonly Span[],
  names?: readonly (readonly { start: number; end: number }[])[],
): Span[] {
  const { person: bySurname, firstSeen } = pageSurnames(entities, blocks, linked);
  const added: Span[] = [];
  const taken = (block: number, start: number, end: number) =>
    linked.some((s) => s.block === block && s.start < end && start < s.end);
  for (const [surname, entity] of bySurname) {
    if (entity === null) continue;
    const from = firstSeen.get(surname)!;
    blocks.forEach((text, block) => {
      if (block < from.block) return;
      let at = text.indexOf(surname, block === from.block ? from.end : 0);
      while (at >= 0) {
        const end = at + surname.length;
        const bounded =
          (at === 0 || !isWordUnit(text.charCodeAt(at - 1))) && (end === text.length || !isWordUnit(text.charCodeAt(end)));
        const named = !names || names[block]!.some((n) => n.start === at && n.end === end);
        if (bounded && named && !taken(block, at, end)) added.push({ block, start: at, end, entity });
        at = text.indexOf(surname, end);
      }
    });
  }
  return added;
}

/** Kinds a surname can also be: "Austin" the city, "Jordan" the country. */
const PLACE_KINDS = new Set(['place', 'country', 'territory']);
/** After a surname, words that make it the subject of a sentence, so a person: "Austin said", "Jordan would". */
const SUBJECT_WORDS = new Set([...SPEECH_VERBS, ...SUBJECT_VERBS, 'also']);

/**
 * A place linked by a one-word name that is also the surname of a person named in full earlier on the page
 * ("Lloyd Austin … Austin said", "Jim Jordan … Jordan would subpoena") is the person where a verb follows it.
 * Returns the spans to link to the person instead.
 */
export function surnamesOverPlaces(
  entities: readonly IndexedEntity[],
  blocks: readonly string[],
  linked: readonly Span[],
): Span[] {
  const { person: bySurname, firstSeen } = pageSurnames(entities, blocks, linked);
  const out: Span[] = [];
  for (const s of linked) {
    if (!PLACE_KINDS.has(entities[s.entity]!.kind)) continue;
    const text = blocks[s.block]!;
    const surname = text.slice(s.start, s.end);
    const who = bySurname.get(surname);
    if (who === undefined || who === null || !after(firstSeen.get(surname)!, s.block, s.start)) continue;
    const next = /^ +(\p{L}+)/u.exec(text.slice(s.end))?.[1]?.toLowerCase();
    if (next !== undefined && SUBJECT_WORDS.has(next)) out.push({ ...s, entity: who });
  }
  return out;
}
