/**
 * The main political parties of every country, from Party Facts' core parties (data/world-news/
 * parties.partyfacts-2024-03.csv, MIT): every party still active that won at least 10% of the vote in an
 * election since 1990, with its English Wikipedia page. Choosing by vote share is choosing by how often the
 * news names a party: ruling parties and main oppositions, not the hundreds of small ones.
 *
 * A party's name is its English Wikipedia title (what English news calls it: "Bharatiya Janata Party",
 * "FRELIMO"), without the page's qualifier. Its acronym ("NDC", "ZANU-PF") is kept only where the name's
 * words spell it, because Party Facts' short names are often native abbreviations English news never writes;
 * an acronym links only in an article that shows the party's country (lib/core/link-guards.ts), through
 * `related`. Over the union of the packs (catalogue.ts), a generated party that shares a name with another
 * entity is left out (the other is the same party written by hand, or a name too generic to be safe), and
 * an acronym another entity has is dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import Papa from 'papaparse';
import { aliasesOf } from '../../lib/core/match-index';
import { foldText } from '../../lib/core/fold';
import type { Entity } from '../../lib/pack/types';

const PARTY_FACTS_CSV = 'data/world-news/parties.partyfacts-2024-03.csv';
const GENERATED_PARTY_PREFIX = 'gloss:pf-';

interface PartyRow {
  country: string;
  partyfacts_id: string;
  name_short: string;
  name_english: string;
  year_first: string;
  share: string;
  wikipedia: string;
}

const SMALL_WORDS = new Set([
  'OF',
  'THE',
  'AND',
  'FOR',
  'DE',
  'DA',
  'DO',
  'DOS',
  'E',
  'ET',
  'DU',
  'DES',
  'LA',
  'LE',
  'Y',
  'DEL',
  'IN',
]);
const ACRONYM_RE = /^[A-Z][A-Z0-9-]{1,7}$/;

/**
 * "National_Democratic_Congress_%28Ghana%29" → "National Democratic Congress", qualified. Only a country's
 * name or a year is a qualifier to drop; "Pakistan Muslim League (N)" keeps its letter, which is its name.
 */
export function nameFromWikipediaUrl(
  url: string,
  isCountryWord: (word: string) => boolean,
): { name: string; qualified: boolean } {
  const title = decodeURIComponent(url.replace(/^https:\/\/en\.wikipedia\.org\/wiki\//, '')).replace(/_/g, ' ');
  const m = /^(.*?)\s*\(([^)]*)\)$/.exec(title);
  if (m && (/^\d{4}$/.test(m[2]!) || isCountryWord(m[2]!))) return { name: m[1]!, qualified: true };
  return { name: title.trim(), qualified: false };
}

const wordsOf = (name: string): string[] =>
  foldText(name)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '');

/**
 * Whether the acronym's letters are the beginnings of the name's words, in order, each word used once and
 * only small words ("of", "de") skipped: NDC, ZANU-PF, BJP, and syllable forms like NARC (National Rainbow
 * Coalition) or RENAMO (Resistência Nacional Moçambicana).
 */
export function spellsAcronym(acronym: string, name: string): boolean {
  const letters = acronym.replace(/-/g, '');
  const words = wordsOf(name);
  const go = (i: number, w: number): boolean => {
    if (i === letters.length) return words.slice(w).every((x) => SMALL_WORDS.has(x));
    if (w === words.length) return false;
    const word = words[w]!;
    for (let n = Math.min(4, word.length, letters.length - i); n >= 1; n--) {
      if (word.slice(0, n) === letters.slice(i, i + n) && go(i + n, w + 1)) return true;
    }
    return SMALL_WORDS.has(word) && go(i, w + 1);
  };
  // Two letters ("DA", "UP") are too many other things, even in the party's country.
  return letters.length >= 3 && go(0, 0);
}

function readRows(root: string): PartyRow[] {
  const path = join(root, PARTY_FACTS_CSV);
  const parsed = Papa.parse<PartyRow>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

/**
 * The generated parties; `countryEntityId` gives a country's entity id by ISO 3166-1 alpha-2 code, and
 * `countryWords` the words that show a country in an article (its names and demonyms).
 *
 * Where two parties share a name or an acronym, the one with the larger vote share keeps it (the other is
 * left out, or loses its acronym). A name whose Wikipedia title needs a qualifier ("Democratic Alliance
 * (South Africa)") is a name other bodies bear: the party links only in an article that names its country.
 */
export function buildParties(
  root: string,
  countryEntityId: (alpha2: string) => string | undefined,
  countryWords: (alpha2: string) => string[],
): Entity[] {
  const seenPages = new Set<string>();
  // Folded name → whether every party that has it needs its country named (a qualified title).
  const takenNames = new Map<string, boolean>();
  // Folded acronym + country: an acronym links only where its country shows, so only one country's
  // parties compete for it.
  const takenAcronyms = new Set<string>();
  const out: Entity[] = [];
  const countryWordSet = new Set(
    Object.keys(countries.getAlpha2Codes())
      .flatMap((c) => [...countryWords(c), c])
      .map(foldText),
  );
  countryWordSet.add('uk');
  const isCountryWord = (w: string): boolean => countryWordSet.has(foldText(w));
  const rows = readRows(root).sort(
    (a, b) => Number(b.share) - Number(a.share) || Number(a.partyfacts_id) - Number(b.partyfacts_id),
  );
  for (const row of rows) {
    const alpha2 = countries.alpha3ToAlpha2(row.country);
    const country = alpha2 ? countryEntityId(alpha2) : undefined;
    const countryName = alpha2 ? countries.getName(alpha2, 'en') : undefined;
    // Party Facts lists a few parties twice (two national codings of one party); one page, one entity.
    if (!country || !countryName || seenPages.has(row.wikipedia)) continue;
    seenPages.add(row.wikipedia);
    const { name, qualified } = nameFromWikipediaUrl(row.wikipedia, isCountryWord);
    // A one-word name its page must qualify ("Alliance", "Republic") is a common word, whatever the context.
    if (qualified && !/\s/.test(name)) continue;
    const taken = takenNames.get(foldText(name));
    if (taken !== undefined && !(taken && qualified)) continue;
    takenNames.set(foldText(name), qualified);
    const acronym = row.name_short.trim();
    const spelled =
      ACRONYM_RE.test(acronym) &&
      !takenAcronyms.has(`${foldText(acronym)} ${alpha2}`) &&
      foldText(acronym) !== foldText(name) &&
      (spellsAcronym(acronym, name) || spellsAcronym(acronym, row.name_english));
    if (spelled) takenAcronyms.add(`${foldText(acronym)} ${alpha2}`);
    const since = /^\d{4}$/.test(row.year_first) ? `, founded in ${row.year_first}` : '';
    out.push({
      id: `${GENERATED_PARTY_PREFIX}${row.partyfacts_id}`,
      kind: 'organization',
      name,
      ...(spelled ? { alternateName: [{ text: acronym, case: 'exact' as const }] } : {}),
      description: `Political party in ${countryName}${since}.`,
      related: [country],
      // An acronym of four letters or more also gets its title-case form ("Libre", "Renamo",
      // acronym-forms.ts), which is a word and no longer gated as an acronym: such a party, too, needs its
      // country named ("Libre" in "software libre" is no Honduran party).
      ...(qualified || (spelled && acronym.replace(/-/g, '').length >= 4) ? { context: { anyOf: countryWords(alpha2!) } } : {}),
      links: { wikipedia: row.wikipedia },
      sources: [row.wikipedia, `https://partyfacts.herokuapp.com/data/partycodes/${row.partyfacts_id}/`],
    });
  }
  return out;
}

/**
 * Over the union of the packs: leaves out a generated party whose name another entity has (or whose
 * Wikipedia page another entity links), and drops a generated party's acronym that another entity has.
 * Mutates the given pack arrays; returns the ids left out.
 */
export function settlePartyCollisions(packs: Entity[][]): string[] {
  const owners = new Map<string, Set<string>>();
  const pages = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, id: string): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(id);
  };
  for (const e of packs.flat()) {
    for (const a of aliasesOf(e)) note(owners, foldText(a.text), e.id);
    if (e.links?.wikipedia) note(pages, e.links.wikipedia.toLowerCase(), e.id);
  }
  // Generated parties may share names and acronyms among themselves (each gated by its country); what
  // counts is an entity of another source with the same name.
  const shared = (map: Map<string, Set<string>>, key: string): boolean =>
    [...(map.get(key) ?? [])].some((id) => !id.startsWith(GENERATED_PARTY_PREFIX));
  const left: string[] = [];
  for (const entities of packs) {
    for (let i = entities.length - 1; i >= 0; i--) {
      const e = entities[i]!;
      if (!e.id.startsWith(GENERATED_PARTY_PREFIX)) continue;
      if (shared(owners, foldText(e.name)) || shared(pages, e.links!.wikipedia!.toLowerCase())) {
        left.push(e.id);
        entities.splice(i, 1);
        continue;
      }
      if (e.alternateName) {
        e.alternateName = e.alternateName.filter((a) => !shared(owners, foldText(a.text)));
        if (e.alternateName.length === 0) delete e.alternateName;
      }
    }
  }
  return left.sort();
}
