import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate, type Mention } from '../../lib/core/annotate';
import { buildMatchIndex, type MatchIndex } from '../../lib/core/match-index';
import type { Entity, Pack } from '../../lib/pack/types';
import { aliasCollisions } from '../../scripts/pack/merge';
import {
  buildWorldPlaces,
  cityEntities,
  PRIOR_LARGEST,
  PRIOR_SMALLER,
  selectCities,
  withArticle,
  type CitiesConfig,
  type CityRecord,
  type CountryInfo,
} from '../../scripts/pack/world-places';
import { expectValidWithOpenSources } from './support/pack-checks';

const root = join(import.meta.dirname, '../..');

const city = (cityId: number, name: string, country: string, population: number, featureCode = 'PPLA'): CityRecord => ({
  cityId,
  name,
  country,
  population,
  featureCode,
});

const config = (over: Partial<CitiesConfig> = {}): CitiesConfig => ({
  minPopulation: 300000,
  contextBelowPopulation: 0,
  noCountryContext: {},
  leaveOutFeatureCodes: ['PPLX'],
  include: {},
  leaveOut: {},
  needCountryContext: {},
  overrides: {},
  ...over,
});

const countries = new Map<string, CountryInfo>([
  ['ES', { id: 'wd:Q29', name: 'Spain', contextWords: ['Spain', 'Spanish'], foldedAliases: ['spain', 'espana'] }],
  ['VE', { id: 'wd:Q717', name: 'Venezuela', contextWords: ['Venezuela'], foldedAliases: ['venezuela'] }],
  ['SG', { id: 'wd:Q334', name: 'Singapore', contextWords: ['Singapore'], foldedAliases: ['singapore'] }],
  ['NL', { id: 'gloss:country-nl', name: 'Netherlands', contextWords: ['Netherlands'], foldedAliases: ['netherlands'] }],
  ['FR', { id: 'wd:Q142', name: 'France', contextWords: ['France', 'French'], foldedAliases: ['france'] }],
]);

describe('selectCities', () => {
  const all = [
    city(1, 'Bigtown', 'ES', 300000),
    city(2, 'Smalltown', 'ES', 299999),
    city(3, 'Capitol', 'VE', 900, 'PPLC'),
    city(4, 'Section', 'ES', 2_000_000, 'PPLX'),
    city(5, 'Frontline', 'VE', 5000),
    city(6, 'Twice', 'ES', 400000),
    city(7, 'Twice', 'ES', 500000),
    city(8, 'Dropped', 'ES', 800000),
  ];

  it('takes cities of at least the threshold and every capital, leaves sections of cities out, largest first', () => {
    expect(selectCities(all, config()).map((c) => c.cityId)).toEqual([8, 7, 1, 3]);
  });

  it('adds the hand-picked smaller places and removes the left-out ones', () => {
    const picked = selectCities(
      all,
      config({ include: { '5': { name: 'Frontline', why: 'war' } }, leaveOut: { '8': { name: 'Dropped', why: 'a word' } } }),
    );
    expect(picked.map((c) => c.cityId)).toEqual([7, 1, 5, 3]);
  });

  it('keeps one city per name and country: the larger', () => {
    const twice = selectCities(all, config()).filter((c) => c.name === 'Twice');
    expect(twice.map((c) => c.cityId)).toEqual([7]);
  });

  it('fails when a config entry names another place than the GeoNames id has', () => {
    expect(() => selectCities(all, config({ leaveOut: { '8': { name: 'Bigtown', why: 'typo' } } }))).toThrow(
      /is "Dropped", not "Bigtown"/,
    );
    expect(() => selectCities(all, config({ include: { '99': { name: 'Nowhere', why: '?' } } }))).toThrow(/99 is not in/);
  });
});

describe('cityEntities', () => {
  const cities = [
    city(10, 'Valencia', 'VE', 1_385_083),
    city(11, 'Valencia', 'ES', 814_208),
    city(12, 'Singapore', 'SG', 3_547_809, 'PPLC'),
    city(13, 'Nice', 'FR', 338_620),
    city(14, 'The Hague', 'NL', 474_292, 'PPLG'),
    city(15, 'Köln', 'DE', 963_395),
  ];
  const withDe = new Map(countries).set('DE', {
    id: 'wd:Q183',
    name: 'Germany',
    contextWords: ['Germany'],
    foldedAliases: ['germany', 'deutschland'],
  });
  const built = cityEntities(
    cities,
    withDe,
    config({
      needCountryContext: { '13': { name: 'Nice', why: 'an English word' } },
      overrides: { '15': { name: 'Köln', display: 'Cologne', wikipedia: 'Cologne', aliases: ['Köln'] } },
    }),
  );
  const byId = new Map(built.entities.map((e) => [e.id, e]));

  it('gives same-named cities one name, the larger the bare id and the higher prior, the smaller its country as context', () => {
    const larger = byId.get('gloss:place-valencia')!;
    const smaller = byId.get('gloss:place-valencia-es')!;
    expect(larger.prior).toBe(PRIOR_LARGEST);
    expect(larger.context).toBeUndefined();
    expect(smaller.prior).toBe(PRIOR_SMALLER);
    expect(smaller.context).toEqual({ anyOf: ['Spain', 'Spanish'] });
    expect(smaller.related).toEqual(['wd:Q29']);
  });

  it('leaves out a city named like a country or territory, and says so', () => {
    expect([...byId.values()].some((e) => e.name === 'Singapore')).toBe(false);
    expect(built.sameNameAsCountry).toEqual(['12 Singapore (SG): "Singapore" names wd:Q334']);
  });

  it('asks for the country in the article where the name is a common word', () => {
    expect(byId.get('gloss:place-nice')!.context).toEqual({ anyOf: ['France', 'French'] });
    expect(byId.get('gloss:place-nice')!.prior).toBeUndefined();
  });

  it('asks for the country in the article for cities below the context threshold, unless capital, included or exempt', () => {
    const mid = [
      city(21, 'Midtown', 'ES', 200000),
      city(22, 'Bigcity', 'ES', 400000),
      city(23, 'Smallcap', 'VE', 200000, 'PPLC'),
      city(24, 'Famous', 'FR', 200000),
      city(25, 'Newsplace', 'VE', 5000),
    ];
    const out = cityEntities(
      mid,
      countries,
      config({
        contextBelowPopulation: 300000,
        noCountryContext: { '24': { name: 'Famous', why: 'named without its country' } },
        include: { '25': { name: 'Newsplace', why: 'in the news' } },
      }),
    );
    const ctx = new Map(out.entities.map((e) => [e.name, e.context]));
    expect(ctx.get('Midtown')).toEqual({ anyOf: ['Spain', 'Spanish'] });
    expect(ctx.get('Bigcity')).toBeUndefined();
    expect(ctx.get('Smallcap')).toBeUndefined();
    expect(ctx.get('Famous')).toBeUndefined();
    expect(ctx.get('Newsplace')).toBeUndefined();
  });

  it('relates a city to its country only through a Wikidata id, which every pack shares', () => {
    expect(byId.get('gloss:place-nice')!.related).toEqual(['wd:Q142']);
    expect(byId.get('gloss:place-the-hague')!.related).toBeUndefined();
  });

  it('describes capitals and seats of government, and states the population with its GeoNames source', () => {
    const hague = byId.get('gloss:place-the-hague')!;
    expect(hague.description).toBe('Seat of government of the Netherlands.');
    expect(hague.facts).toEqual([{ label: 'Population 474,292 (GeoNames)', source: 'https://www.geonames.org/14' }]);
    expect(hague.sources).toEqual(['https://www.geonames.org/14']);
  });

  it('uses the English name of an override, keeps the listed aliases and links the Wikipedia page', () => {
    const cologne = byId.get('gloss:place-cologne')!;
    expect(cologne.name).toBe('Cologne');
    expect(cologne.alternateName).toEqual([{ text: 'Köln' }]);
    expect(cologne.links).toEqual({ wikipedia: 'https://en.wikipedia.org/wiki/Cologne' });
    expect(cologne.sources).toEqual(['https://www.geonames.org/15', 'https://en.wikipedia.org/wiki/Cologne']);
  });

  it('puts "the" before country names that take it', () => {
    expect(['United States', 'Netherlands', 'France', 'Democratic Republic of the Congo'].map(withArticle)).toEqual([
      'the United States',
      'the Netherlands',
      'France',
      'the Democratic Republic of the Congo',
    ]);
  });
});

describe('the World places pack from data/world-places', () => {
  let entities: Entity[];
  let worldNews: Pack;
  let index: MatchIndex;
  beforeAll(() => {
    entities = buildWorldPlaces(root);
    worldNews = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    index = buildMatchIndex([...worldNews.entities, ...entities]);
  }, 60_000);
  const placesOf = (mentions: Mention[]): Mention[] =>
    mentions.filter((m) => m.entityId !== null && entities.some((e) => e.id === m.entityId));
  const mark = (text: string): string[] => placesOf(annotate(index, text)).map((m) => `${m.surface}=${m.entityId}`);

  it('validates as a pack, and every entity has a source a reader can open', () => {
    expectValidWithOpenSources(entities);
  });

  it('has the capitals and large cities and the curated places of current conflicts', () => {
    const names = new Set(entities.map((e) => e.name));
    for (const n of [
      'Istanbul',
      'Kyiv',
      'Goma',
      'Khartoum',
      'Kursk Oblast',
      'Crimea',
      'Rafah',
      'Khan Yunis',
      'Golan Heights',
      'Homs',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    expect(entities.length).toBeGreaterThan(1400);
  });

  it('shares no id and no name with World news', () => {
    const newsIds = new Set(worldNews.entities.map((e) => e.id));
    expect(entities.filter((e) => newsIds.has(e.id)).map((e) => e.id)).toEqual([]);
    const mine = new Set(entities.map((e) => e.id));
    const shared = [...aliasCollisions([...worldNews.entities, ...entities])].filter(
      ([, ids]) => ids.some((id) => mine.has(id)) && ids.some((id) => !mine.has(id)),
    );
    expect(shared).toEqual([]);
  });

  it('needs the country in the article for all but one of the places that share a name', () => {
    const byId = new Map(entities.map((e) => [e.id, e]));
    const groups = [...aliasCollisions(entities)];
    expect(groups.length).toBeGreaterThan(5);
    for (const [alias, ids] of groups) {
      const free = ids.filter((id) => !byId.get(id)!.context);
      expect(free.length, `${alias}: ${ids.join(', ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('marks a common-word city name only where the article names its country', () => {
    expect(mark('Nice to meet you. Phoenix rose from the ashes, and Victoria smiled.')).toEqual([]);
    expect(mark('A storm hit Nice, on the French Riviera, in France.')).toEqual(['Nice=gloss:place-nice']);
  });

  it('prefers the same-named city of the country the article is about', () => {
    expect(mark('Floods in Valencia left many dead.')).toEqual(['Valencia=gloss:place-valencia']);
    expect(mark('Spain mourned: floods in Valencia left many dead.')).toEqual(['Valencia=gloss:place-valencia-es']);
  });

  it('keeps "Gaza City" one place and "Gaza" the Strip', () => {
    const m = annotate(index, 'Strikes hit Gaza City and the rest of Gaza.');
    expect(m.map((x) => `${x.surface}=${x.entityId}`)).toEqual(['Gaza City=gloss:place-gaza-city', 'Gaza=gloss:gaza-strip']);
  });

  const seedGold = join(root, '../shared/corpus/gold/seed-article.jsonl');
  it.skipIf(!existsSync(seedGold))(
    'marks no place in the seed article where the gold has no mention (skipped without ../shared/corpus)',
    () => {
      const doc = JSON.parse(readFileSync(seedGold, 'utf8').split('\n')[0]!) as {
        text: string;
        mentions: { start: number; end: number }[];
      };
      const spurious = placesOf(annotate(index, doc.text)).filter(
        (m) => !doc.mentions.some((g) => g.start < m.end && g.end > m.start),
      );
      expect(spurious.map((m) => m.surface)).toEqual([]);
    },
  );
});
