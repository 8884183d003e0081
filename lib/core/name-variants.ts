import { foldText } from './fold';
import type { MatchIndex } from './match-index';
import { scan } from './scan';

export interface VariantSpan {
  block: number;
  start: number;
  end: number;
  entity: number;
}

/** Words after a family name: "Jr.", "Sr.", "III". */
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/u;
/** A word of a person's name as news writes it: a capital, then letters, marks, dots, apostrophes or hyphens. */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;
/** Small words inside names: "Mohammed bin Salman", "Ursula von der Leyen". */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'dos', 'van', 'von', 'der', 'di', 'du', 'la', 'le']);
/** A family name: a capitalised word of two letters or more, not an initial. */
const FAMILY_NAME = /^\p{Lu}[\p{L}\p{M}'’-]+$/u;

/** The people of the knowledge base one of whose aliases is exactly `form` (an alias of every page). */
function peopleNamed(index: MatchIndex, form: string): number[] {
  const match = scan(index, form).find((m) => m.start === 0);
  const k = match ? match.ends.indexOf(form.length) : -1;
  if (!match || k < 0) return [];
  const t = index.variants;
  const group = match.groups[k]!;
  const out: number[] = [];
  for (let v = t.groupStart[group]!; v < t.groupStart[group + 1]!; v++) {
    const entity = t.entity[v]!;
    if (t.lang[v] === 0 && !out.includes(entity) && index.entities[entity]!.kind === 'person') out.push(entity);
  }
  return out;
}

/** "H.W." and "H. W." alike: the letters of a run of initials or middle names. */
const middleKey = (words: readonly string[]): string => foldText(words.join('')).replace(/[^\p{L}]/gu, '');

/**
 * Whether the person's own name agrees with the longer form in the text: same first and family name, and no
 * middle part of its own that the text contradicts. "John G. Roberts Jr." fits "John Roberts"; "George H. W.
 * Bush" does not fit "George W. Bush", whose "W." the text places differently.
 */
function agrees(name: string, first: string, family: string, middle: readonly string[]): boolean {
  const words = name.split(/\s+/u);
  while (words.length > 2 && SUFFIX.test(words.at(-1)!)) words.pop();
  if (words.length < 2 || foldText(words[0]!) !== foldText(first) || foldText(words.at(-1)!) !== foldText(family)) return false;
  const own = words.slice(1, -1);
  return own.length === 0 || middleKey(own) === middleKey(middle);
}

/**
 * The shorter forms under which the knowledge base may list a person written in full: "Bola Ahmed Tinubu" as
 * "Bola Tinubu", "John G. Roberts Jr." as "John Roberts Jr." then "John Roberts", "Mohammed bin Abdul Rahman
 * Al Thani" as "Mohammed bin Abdulrahman Al Thani" (two words of a transliteration written as one). The
 * family name before a suffix is kept first, so "Ferdinand R. Marcos Jr." finds the son before the father.
 */
function shorterForms(words: readonly string[]): { form: string; middle: string[] }[] {
  const name = [...words];
  const suffix = name.length > 2 && SUFFIX.test(name.at(-1)!) ? name.pop()! : null;
  const first = name[0]!;
  const family = name.at(-1)!;
  const middle = name.slice(1, -1);
  const out: { form: string; middle: string[] }[] = [];
  // "Mohammed bin Salman" is not "Mohammed Salman": a particle binds the words around it.
  if (middle.length > 0 && !middle.some((w) => PARTICLES.has(w))) {
    if (suffix) out.push({ form: `${first} ${family} ${suffix}`, middle });
    out.push({ form: `${first} ${family}`, middle });
  }
  if (middle.length > 0) {
    for (let i = 1; i + 1 < name.length; i++) {
      const pair = [name[i]!, name[i + 1]!];
      if (pair.some((w) => w.includes('.') || PARTICLES.has(w))) continue;
      const joined = [...name.slice(0, i), name[i]! + name[i + 1]!.toLowerCase(), ...name.slice(i + 2)];
      out.push({ form: joined.join(' '), middle: joined.slice(1, -1) });
    }
  }
  if (suffix) out.push({ form: name.join(' '), middle });
  return out;
}

/**
 * People the knowledge base knows under a shorter form of the name the text gives in full: middle names,
 * initials and suffixes ("Bola Ahmed Tinubu", "John G. Roberts Jr.", "Robert Gabriel Mugabe"). A name links
 * only where its first shorter form that the knowledge base has names exactly one person, and that person's own
 * name agrees with the text's (agrees); two people of that form, or one whose middle name differs, leave it
 * unlinked. `names` are the page's proper names (findArticleNames); `taken` says where a known mention already is.
 */
export function personVariants(
  index: MatchIndex,
  blocks: readonly string[],
  names: readonly (readonly { start: number; end: number }[])[],
  taken: (block: number, start: number, end: number) => boolean,
): VariantSpan[] {
  const out: VariantSpan[] = [];
  names.forEach((list, block) => {
    for (const n of list) {
      const words = blocks[block]!.slice(n.start, n.end).split(' ');
      if (words.length < 3 || taken(block, n.start, n.end)) continue;
      if (!NAME_WORD.test(words[0]!) || !words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w))) continue;
      for (const { form, middle } of shorterForms(words)) {
        const formWords = form.split(' ');
        const family = SUFFIX.test(formWords.at(-1)!) ? formWords.at(-2)! : formWords.at(-1)!;
        if (!FAMILY_NAME.test(family)) break;
        const people = peopleNamed(index, form);
        if (people.length === 0) continue;
        const person = people.length === 1 ? people[0]! : null;
        if (person !== null && agrees(index.entities[person]!.name, formWords[0]!, family, middle))
          out.push({ block, start: n.start, end: n.end, entity: person });
        break;
      }
    }
  });
  return out;
}
