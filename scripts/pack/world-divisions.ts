/**
 * First-level administrative divisions (states, provinces, regions, oblasts, governorates) and the UK's
 * constituent countries, for the "World places" pack. The rows are English Wikipedia's ISO 3166-2 tables as
 * Tigrov/wikipedia-divisions parsed them in March 2017 (data/world-places/divisions.wikipedia-iso3166-2.2017.csv):
 * each division with the English Wikipedia article those tables link. The choices (countries, rows left out, short
 * forms left out, divisions named without their country) are in data/world-places/divisions.json with reasons.
 *
 * A division's name is also the name of its capital, a surname or a word more often than a city's is, so every
 * division needs its country named in the article (a context rule), like a mid-size city.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../lib/core/fold';
import type { Entity } from '../../lib/pack/types';
import { aliasesOf } from '../../lib/core/match-index';
import { withArticle, type CountryInfo } from './world-places';
import { canonical } from './merge';
import { wikipediaUrl } from './us-congress';

const SOURCE_FILE = 'data/world-places/divisions.wikipedia-iso3166-2.2017.csv';

interface Guarded {
  /** The row's Wikipedia title, as a guard: the build fails if the code names another division. */
  name: string;
  why: string;
}

export interface DivisionsConfig {
  /** ISO 3166-1 alpha-2 codes of the countries whose divisions are taken. */
  countries: string[];
  /** Rows left out, by ISO 3166-2 code ("UA-30"). */
  leaveOut: Record<string, Guarded>;
  /** Divisions whose short form ("Borno" for "Borno State") is a word, a people or another thing. */
  noShortForm: Record<string, Guarded>;
  /** Divisions the news names without their country (England, Scotland, Wales). */
  noCountryContext: Record<string, Guarded>;
  /**
   * Types of division that are a city ("metropolitan city", "capital territory"): where such a row's article has
   * exactly the name of a city of the pack in the same country, that article is the city's (Daegu, Bishkek).
   */
  cityTypes: string[];
}

export interface DivisionRow {
  country: string;
  code: string;
  /** The Wikipedia article's title (the link's title attribute in the ISO 3166-2 table). */
  title: string;
  type: string;
}

/** One CSV field list of a `;`-separated line with `"`-quoted fields. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

export function readDivisionRows(text: string): DivisionRow[] {
  const [head, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  if (head !== 'ISO-3166-1;ISO-3166-2;Name1;Name2;Wikipedia;Type') throw new Error(`${SOURCE_FILE}: unexpected header`);
  return lines.map((l) => {
    const [country, code, title, , url, type] = fields(l);
    if (!country || !code || title === undefined || url === undefined) throw new Error(`${SOURCE_FILE}: bad line ${l}`);
    const fromUrl = url ? decodeURIComponent(url.replace('https://en.wikipedia.org/wiki/', '')).replace(/_/g, ' ') : '';
    return { country, code: `${country}-${code}`, title: fromUrl || '', type: type ?? '' };
  });
}

/**
 * A title in ISO romanisation (macrons, dots and cedillas below: "Al Anbār Governorate", "Ḩalab Governorate") is the
 * ISO name the table links, which English Wikipedia keeps only as a redirect: such rows are not taken. Latin-1
 * accents are the spelling of Latin-script names ("Nuevo León", "Île-de-France") and are kept.
 */
export const plainTitle = (title: string): boolean => /^[A-Za-z0-9À-ÖØ-öø-ÿ ,.'()/-]+$/.test(title);

/** "Balochistan, Pakistan" → "Balochistan"; "Galicia (Spain)" → "Galicia". */
export function nameOf(title: string, country: string): string {
  return title
    .replace(/\s*\([^)]*\)$/, '')
    .replace(new RegExp(`, ${country}$`), '')
    .trim();
}

const TYPE_WORDS = /\s+(Province|Region|State|Governorate|Prefecture|County|Division|Department|District)$/;

/** Words that name a direction or a rank, not a place: "Centre Region", "Northern Region", "Far North Region". */
const GENERIC = new Set(
  'north south east west northern southern eastern western central centre center far upper lower greater middle'.split(' '),
);

/** A division named only by compass words and its type is one of several of that name, in one country or many. */
export const genericName = (name: string): boolean =>
  name
    .replace(TYPE_WORDS, '')
    .split(/[\s-]+/)
    .every((w) => GENERIC.has(w.toLowerCase()));

/** "Borno State" → "Borno"; names without a type word have none. */
export const shortFormOf = (name: string): string | undefined => {
  const short = name.replace(TYPE_WORDS, '');
  return short !== name && short.length >= 4 ? short : undefined;
};

const SINGULAR: Record<string, string> = {
  provinces: 'province',
  states: 'state',
  regions: 'region',
  governorates: 'governorate',
  prefectures: 'prefecture',
  counties: 'county',
  divisions: 'division',
  departments: 'department',
  'metropolitan regions': 'region',
  länder: 'state',
};

function description(type: string, country: string): string {
  const t = type.trim().toLowerCase();
  const kind = SINGULAR[t] ?? (/^[a-z][a-z -]*$/.test(t) && !t.endsWith('s') ? t : 'first-level administrative division');
  return `${kind[0]!.toUpperCase()}${kind.slice(1)} of ${withArticle(country)}.`;
}

const slugOf = (s: string): string =>
  foldText(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface DivisionBuild {
  entities: Entity[];
  /** Rows not taken, with the reason, for the build's report and the tests. */
  skipped: string[];
}

/**
 * The division entities. `taken` are the entities of the pack so far (cities, curated places): a division whose
 * article one of them already links, or whose name one of them already bears, is theirs (Berlin, Seoul, Donetsk
 * Oblast), unless that is a place of another country that needs its country named; a short form is dropped where
 * one of them bears it.
 */
export function divisionEntities(
  rows: readonly DivisionRow[],
  config: DivisionsConfig,
  countries: ReadonlyMap<string, CountryInfo>,
  taken: readonly Entity[],
): DivisionBuild {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const [kind, table] of [
    ['leaveOut', config.leaveOut],
    ['noShortForm', config.noShortForm],
    ['noCountryContext', config.noCountryContext],
  ] as const) {
    for (const [code, guard] of Object.entries(table)) {
      const row = byCode.get(code);
      if (!row) throw new Error(`data/world-places/divisions.json ${kind}: no row ${code}`);
      if (row.title !== guard.name)
        throw new Error(`data/world-places/divisions.json ${kind}: ${code} is "${row.title}", not "${guard.name}"`);
    }
  }
  const links = new Set(taken.map((e) => e.links?.wikipedia).filter(Boolean));
  const names = new Map<string, Entity[]>();
  for (const e of taken) {
    for (const a of new Set(aliasesOf(e).map((x) => foldText(x.text)))) names.set(a, [...(names.get(a) ?? []), e]);
  }
  // A name is free for a division where every entity that bears it is a place of another country that needs its
  // country named (Victoria in the Seychelles, Victoria in Australia), as cities of one name in two countries are.
  const nameFree = (name: string, countryId: string): boolean =>
    (names.get(foldText(name)) ?? []).every(
      (e) => e.kind === 'place' && !!e.context && !!e.related?.length && !e.related.includes(countryId),
    );
  const wanted = new Set(config.countries);
  const entities: Entity[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    if (!wanted.has(row.country)) continue;
    const country = countries.get(row.country);
    if (!country) throw new Error(`${SOURCE_FILE}: no country entity for ${row.country}`);
    const why =
      row.code in config.leaveOut
        ? config.leaveOut[row.code]!.why
        : !row.title
          ? 'no Wikipedia article in the table'
          : !plainTitle(row.title)
            ? 'title in ISO romanisation (a redirect)'
            : links.has(wikipediaUrl(row.title))
              ? 'already in the pack'
              : genericName(nameOf(row.title, country.name))
                ? 'a name of compass words that several divisions bear'
                : undefined;
    const name = row.title ? nameOf(row.title, country.name) : '';
    if (why ?? !nameFree(name, country.id)) {
      skipped.push(`${row.code} ${row.title || '(none)'}: ${why ?? 'name already in the pack'}`);
      continue;
    }
    const short = row.code in config.noShortForm ? undefined : shortFormOf(name);
    // A title with a qualifier ("Punjab, Pakistan", "Galicia (Spain)") is not how the news writes the name.
    const title = /[(,]/.test(row.title) ? undefined : row.title;
    const aliases = [...new Set([title, short].filter((a): a is string => !!a && foldText(a) !== foldText(name)))]
      .filter((a) => !names.has(foldText(a)))
      .map((text) => ({ text }));
    const url = wikipediaUrl(row.title);
    entities.push(
      canonical({
        id: `gloss:place-${slugOf(row.title)}`,
        kind: 'place',
        name,
        ...(aliases.length > 0 ? { alternateName: aliases } : {}),
        description: description(row.type, country.name),
        links: { wikipedia: url },
        ...(country.id.startsWith('wd:') ? { related: [country.id] } : {}),
        ...(row.code in config.noCountryContext ? {} : { context: { anyOf: country.contextWords } }),
        sources: [url, `https://en.wikipedia.org/wiki/ISO_3166-2:${row.country}`],
      }),
    );
  }
  return { entities, skipped };
}

/**
 * The English Wikipedia article of cities that are a first-level division of their own: a row of a city type
 * whose title is exactly the name of one city of the row's country that links no article yet. Rows of every
 * country count, not only `countries`: the row names the city's own article.
 */
export function cityArticles(
  rows: readonly DivisionRow[],
  config: DivisionsConfig,
  cities: readonly Entity[],
  countryOf: (e: Entity) => string | undefined,
): Map<string, string> {
  const cityTypes = new Set(config.cityTypes.map((t) => t.toLowerCase()));
  const byName = new Map<string, Entity[]>();
  for (const e of cities) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const out = new Map<string, string>();
  for (const row of rows) {
    if (!row.title || !cityTypes.has(row.type.toLowerCase())) continue;
    const same = (byName.get(row.title) ?? []).filter((e) => countryOf(e) === row.country);
    if (same.length === 1 && !same[0]!.links?.wikipedia) out.set(same[0]!.id, row.title);
  }
  return out;
}

export function readDivisions(root: string): { rows: DivisionRow[]; config: DivisionsConfig } {
  return {
    rows: readDivisionRows(readFileSync(join(root, SOURCE_FILE), 'utf8')),
    config: JSON.parse(readFileSync(join(root, 'data/world-places/divisions.json'), 'utf8')) as DivisionsConfig,
  };
}
