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

/** Where a person's full name ends on the page. */
interface FullMention {
  entity: number;
  block: number;
  end: number;
}

/** Surname → every full mention of a person who bears it, in page order. */
type Surnames = Map<string, FullMention[]>;

/** The surnames of the people linked on the page by a name of two words or more. */
function pageSurnames(entities: readonly IndexedEntity[], blocks: readonly string[], linked: readonly Span[]): Surnames {
  const bySurname: Surnames = new Map();
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
      const list = bySurname.get(surname) ?? [];
      list.push({ entity: s.entity, block: s.block, end: s.end });
      bySurname.set(surname, list);
    }
  }
  for (const list of bySurname.values()) list.sort((a, b) => a.block - b.block || a.end - b.end);
  return bySurname;
}

/**
 * The person a surname at (block, start) stands for: the one person of that surname the article has named in
 * full before it. The article's own earlier mentions decide, not which namesake is more prominent: "Duterte"
 * after "Sara Duterte" is Sara, even where "Rodrigo Duterte" comes later. Two namesakes named before it: no one.
 */
function namedBefore(mentions: readonly FullMention[] | undefined, block: number, start: number): number | null {
  let found: number | null = null;
  for (const m of mentions ?? []) {
    if (m.block > block || (m.block === block && m.end > start)) break;
    if (found !== null && found !== m.entity) return null;
    found = m.entity;
  }
  return found;
}

/**
 * A person named in full earlier ("Steve Witkoff") is often named by surname later ("Witkoff"), even
 * where the pack lists no such alias. A surname binds to the one person of that name met in full before it
 * (namedBefore). Where the page's proper names are known (findArticleNames), a surname binds only where it is a
 * whole name of its own: not "May" in "in May" after Theresa May, "Young" in "Young people" after Todd Young,
 * or "Green" in "Green Party" after Al Green.
 */
export function bindShortForms(
  entities: readonly IndexedEntity[],
  blocks: readonly string[],
  linked: readonly Span[],
  names?: readonly (readonly { start: number; end: number }[])[],
): Span[] {
  const bySurname = pageSurnames(entities, blocks, linked);
  const added: Span[] = [];
  const taken = (block: number, start: number, end: number) =>
    linked.some((s) => s.block === block && s.start < end && start < s.end);
  for (const [surname, mentions] of bySurname) {
    const from = mentions[0]!;
    blocks.forEach((text, block) => {
      if (block < from.block) return;
      let at = text.indexOf(surname, block === from.block ? from.end : 0);
      while (at >= 0) {
        const end = at + surname.length;
        const bounded =
          (at === 0 || !isWordUnit(text.charCodeAt(at - 1))) && (end === text.length || !isWordUnit(text.charCodeAt(end)));
        const named = !names || names[block]!.some((n) => n.start === at && n.end === end);
        const entity = bounded && named && !taken(block, at, end) ? namedBefore(mentions, block, at) : null;
        if (entity !== null) added.push({ block, start: at, end, entity });
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
  const bySurname = pageSurnames(entities, blocks, linked);
  const out: Span[] = [];
  for (const s of linked) {
    if (!PLACE_KINDS.has(entities[s.entity]!.kind)) continue;
    const text = blocks[s.block]!;
    const surname = text.slice(s.start, s.end);
    const who = namedBefore(bySurname.get(surname), s.block, s.start);
    if (who === null) continue;
    const next = /^ +(\p{L}+)/u.exec(text.slice(s.end))?.[1]?.toLowerCase();
    if (next !== undefined && SUBJECT_WORDS.has(next)) out.push({ ...s, entity: who });
  }
  return out;
}
