import type { IndexedEntity } from './match-index';

/**
 * Where the words around a known name say it is no mention of the entity, whatever the candidates: the
 * name is part of something else the knowledge base does not hold. Each rule is a class of wrong links seen
 * in news text, not a single case.
 */

/** "US$1.9 million", "A$", "HK$": a currency sign right after the name makes it part of the currency's symbol. */
function currencySymbol(text: string, end: number): boolean {
  return text.charCodeAt(end) === 0x24;
}

/**
 * "DeepSeek-V3", "Boeing-747", "Airbus-A320": a hyphen and a model code with a digit after a maker's name
 * make a product's name, not a mention of the maker. "US-China", "Israel-Gaza" (no digit) stay mentions.
 */
const MODEL_CODE_AFTER_RE = /^[-‐‑][\p{L}]{0,3}\p{N}/u;
function productName(text: string, end: number): boolean {
  return MODEL_CODE_AFTER_RE.test(text.slice(end, end + 6));
}

/**
 * "southern Africa", "western Europe", "central Asia": a compass word before a continent names a region
 * of it, a different place (Southern Africa); the continent would be a wrong link. Capitalised regions the
 * knowledge base holds ("East Africa") are matched whole before this is asked.
 */
const CONTINENTS = new Set(['africa', 'europe', 'asia', 'america', 'americas', 'oceania', 'antarctica']);
const COMPASS_BEFORE_RE =
  /(?:^|[^\p{L}-])(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|sub-saharan)[ \u00a0]$/iu;
function compassRegion(text: string, start: number, end: number): boolean {
  return (
    CONTINENTS.has(text.slice(start, end).toLowerCase()) && COMPASS_BEFORE_RE.test(text.slice(Math.max(0, start - 20), start))
  );
}

/**
 * "the Caribbean nation", "the Mediterranean city of Alexandria": a region's one-word name before a common
 * noun of place is an adjective describing something else, not a mention of the region. A name of several
 * words ("this Southeast Asia nation") stays a mention: news names the region so, and were it refused the name
 * finder would mark the same words as an unknown name.
 */
const PLACE_NOUN_AFTER_RE =
  /^[ \u00a0](?:island[ \u00a0])?(?:nation|nations|country|countries|city|cities|island|islands|state|states|coast|coastline|port|town|region|capital|archipelago|resort|republic|kingdom)\b/u;
const isRegion = (e: IndexedEntity): boolean => e.kind === 'place' && !e.countries;
function regionAsAdjective(text: string, start: number, end: number, candidates: readonly IndexedEntity[]): boolean {
  return !/\s/u.test(text.slice(start, end)) && candidates.every(isRegion) && PLACE_NOUN_AFTER_RE.test(text.slice(end, end + 30));
}

/** Whether the span text[start, end) is, by its surroundings, no mention of any of its candidates. */
export function partOfSomethingElse(text: string, start: number, end: number, candidates: readonly IndexedEntity[]): boolean {
  return (
    currencySymbol(text, end) ||
    productName(text, end) ||
    compassRegion(text, start, end) ||
    regionAsAdjective(text, start, end, candidates)
  );
}

/** "PNA", "AAP", "SDF": an acronym, whose letters many bodies of many countries share. */
const ACRONYM_SURFACE_RE = /^[\p{Lu}\p{N}&.-]{2,6}$/u;
export function isAcronym(surface: string): boolean {
  return ACRONYM_SURFACE_RE.test(surface) && (surface.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/**
 * An acronym of a body of one country ("PNA", the Palestinian National Authority) stands for it only in an
 * article that shows that country otherwise (a mention, a demonym): in a Philippine article "(PNA)" is the
 * Philippine News Agency, in an Australian one "AAP" is Australian Associated Press, not India's Aam Aadmi
 * Party. Entities of no country (NATO, the UN) are not asked. `shown` are the countries the article shows
 * by other means than acronyms.
 */
export function acronymFitsArticle(e: IndexedEntity, shown: ReadonlySet<string>): boolean {
  if (e.kind === 'country' || !e.countries) return true;
  return e.countries.some((c) => shown.has(c));
}

/**
 * "Amnesty International USA", "Save the Children UK": a country's code right after an organisation's name,
 * one space between, ends the name of that organisation's national branch; it is no mention of the country.
 */
const COUNTRY_CODE_RE = /^(?:U\.?S\.?A?\.?|U\.?K\.?)$/u;
export function countryCodeEndsName(prevKind: string | undefined, gap: string, surface: string): boolean {
  return prevKind === 'organization' && gap === ' ' && COUNTRY_CODE_RE.test(surface);
}

/**
 * "Seattle, Washington", "Spokane, Washington,": after a place and a comma, a name that stands for a place of
 * no country (Washington, D.C.) is the region that place is in (Washington State), which the candidates do
 * not hold. Lists of cities ("Beijing, Washington and Moscow") go on after the name and keep their link.
 */
const LIST_GOES_ON_RE = /^(?:,[ \u00a0]+\p{Lu}|[ \u00a0]+(?:and|or)[ \u00a0]+\p{Lu})/u;
export function regionAfterPlace(
  prev: IndexedEntity | undefined,
  gap: string,
  candidates: readonly IndexedEntity[],
  after: string,
): boolean {
  return (
    prev?.kind === 'place' &&
    !!prev.countries &&
    gap === ', ' &&
    candidates.every((e) => e.kind === 'place' && !e.countries) &&
    !LIST_GOES_ON_RE.test(after)
  );
}
