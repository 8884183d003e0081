import table from '../../data/demonyms.json';
import { foldText } from './fold';
import type { MatchIndex } from './match-index';
import { scan } from './scan';
import { variantsOf } from './variant-table';

/**
 * Demonyms ("Israeli", "South Korean") as evidence of the country an article is about, never as marks:
 * "the Israeli military" says the article is about Israel as surely as "Israel" does. A demonym shared by
 * two countries ("Congolese") says nothing and is left out.
 */
function demonymTable(): Map<string, string> {
  const byDemonym = new Map<string, string | null>();
  for (const { country, demonyms } of Object.values(table.countries)) {
    for (const d of demonyms) {
      const key = foldText(d);
      byDemonym.set(key, byDemonym.has(key) && byDemonym.get(key) !== country ? null : country);
    }
  }
  return new Map([...byDemonym].filter((e): e is [string, string] => e[1] !== null));
}
let demonyms: Map<string, string> | undefined;

/**
 * Every demonym word in lower case, for the name finder ("Korean" from "South Korean"): a nationality before
 * a noun is no actor of its own.
 */
export const DEMONYM_WORDS: ReadonlySet<string> = new Set(
  Object.values(table.countries).flatMap(({ demonyms: forms }) => forms.map((d) => d.toLowerCase().split(/\s+/).at(-1)!)),
);

/** The last word of every country's name in lower case ("australia", "states"): a name's "of <country>" ends there. */
export const COUNTRY_LAST_WORDS: ReadonlySet<string> = new Set(
  Object.values(table.countries).map(({ country }) => country.toLowerCase().split(/\s+/).at(-1)!),
);

/** Each index's country entities by folded demonym, resolved once through the index's own aliases. */
const resolved = new WeakMap<MatchIndex, Map<string, number>>();

function countriesByDemonym(index: MatchIndex): Map<string, number> {
  let map = resolved.get(index);
  if (map) return map;
  map = new Map();
  demonyms ??= demonymTable();
  for (const [demonym, country] of demonyms) {
    const match = scan(index, country).find((m) => m.start === 0 && m.ends.at(-1) === country.length);
    if (!match) continue;
    const countries = variantsOf(index.variants, match.groups.at(-1)!)
      .map((v) => v.entity)
      .filter((e, i, all) => index.entities[e]!.kind === 'country' && all.indexOf(e) === i);
    if (countries.length === 1) map.set(demonym, countries[0]!);
  }
  resolved.set(index, map);
  return map;
}

/** "South Korean", "Israeli": one or two capitalised words; sticky, tried only where a match may start. */
const CAPITALISED_RE = /\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}\p{M}'’-]+)?/uy;

/**
 * Each match of CAPITALISED_RE, left to right, as a global search finds them. The expression runs only at a
 * capital or a unit outside ASCII, not at every unit: a global search of the whole text cost more than the
 * rest of the demonym evidence.
 */
export function capitalisedWords(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && (c < 65 || c > 90)) {
      i++;
      continue;
    }
    CAPITALISED_RE.lastIndex = i;
    const m = CAPITALISED_RE.exec(text);
    if (m) {
      out.push(m[0]);
      i += m[0].length;
      continue;
    }
    // (A global search steps over a whole surrogate pair; no match can start at its second half either.)
    i++;
  }
  return out;
}

/** The country entity of every demonym in the blocks, once per occurrence. */
export function demonymEvidence(index: MatchIndex, blocks: readonly string[]): number[] {
  const map = countriesByDemonym(index);
  if (map.size === 0) return [];
  const out: number[] = [];
  for (const text of blocks) {
    for (const words of capitalisedWords(text)) {
      const two = map.get(foldText(words));
      if (two !== undefined) {
        out.push(two);
        continue;
      }
      const space = words.search(/[ \u00a0]/);
      const one = map.get(foldText(space < 0 ? words : words.slice(0, space)));
      if (one !== undefined) out.push(one);
    }
  }
  return out;
}

/** The country entity a demonym of one or two words names ("Mexican", "South Korean"), if the index has it. */
export function countryOfDemonym(index: MatchIndex, words: string): number | undefined {
  return countriesByDemonym(index).get(foldText(words));
}
