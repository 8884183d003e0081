import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex, type MatchIndex } from '../../lib/core/match-index';
import type { Entity, Pack } from '../../lib/pack/types';
import {
  cityArticles,
  divisionEntities,
  genericName,
  nameOf,
  plainTitle,
  readDivisionRows,
  shortFormOf,
  type DivisionsConfig,
} from '../../scripts/pack/world-divisions';
import { buildWorldPlaces, type CountryInfo } from '../../scripts/pack/world-places';

const root = join(import.meta.dirname, '../..');

describe('first-level divisions: reading the ISO 3166-2 rows', () => {
  it('reads quoted fields and takes the title from the link', () => {
    const rows = readDivisionRows(
      'ISO-3166-1;ISO-3166-2;Name1;Name2;Wikipedia;Type\n' +
        'PK;BA;"Balochistan, Pakistan";Balochistan;https://en.wikipedia.org/wiki/Balochistan,_Pakistan;province\n' +
        'MX;NLE;"Nuevo León";"Nuevo León";https://en.wikipedia.org/wiki/Nuevo_Le%C3%B3n;state\n',
    );
    expect(rows).toEqual([
      { country: 'PK', code: 'PK-BA', title: 'Balochistan, Pakistan', type: 'province' },
      { country: 'MX', code: 'MX-NLE', title: 'Nuevo León', type: 'state' },
    ]);
  });

  it('keeps Latin-script titles and refuses ISO romanisations, which Wikipedia keeps only as redirects', () => {
    expect(plainTitle('Nuevo León')).toBe(true);
    expect(plainTitle('Île-de-France')).toBe(true);
    expect(plainTitle('Al Anbār Governorate')).toBe(false);
    expect(plainTitle('Ḩalab Governorate')).toBe(false);
  });

  it('names a division as the news does, with a short form only where the name has a type word', () => {
    expect(nameOf('Balochistan, Pakistan', 'Pakistan')).toBe('Balochistan');
    expect(nameOf('Galicia (Spain)', 'Spain')).toBe('Galicia');
    expect(shortFormOf('Borno State')).toBe('Borno');
    expect(shortFormOf('Khyber Pakhtunkhwa')).toBeUndefined();
    expect(shortFormOf('Mon State')).toBeUndefined();
    expect(genericName('Far North Region')).toBe(true);
    expect(genericName('North Kivu')).toBe(false);
  });
});

describe('first-level divisions: the entities', () => {
  const pakistan: CountryInfo = { id: 'wd:Q843', name: 'Pakistan', contextWords: ['Pakistan'], foldedAliases: [] };
  const config = (over: Partial<DivisionsConfig> = {}): DivisionsConfig => ({
    countries: ['PK'],
    leaveOut: {},
    noShortForm: {},
    noCountryContext: {},
    cityTypes: [],
    ...over,
  });
  const rows = [
    { country: 'PK', code: 'PK-BA', title: 'Balochistan, Pakistan', type: 'province' },
    { country: 'PK', code: 'PK-SD', title: 'Sindh', type: 'province' },
  ];
  const build = (over: Partial<DivisionsConfig> = {}, taken: Entity[] = []) =>
    divisionEntities(rows, config(over), new Map([['PK', pakistan]]), taken);

  it('links the article, relates the country and needs it named in the article', () => {
    const [balochistan] = build().entities;
    expect(balochistan).toMatchObject({
      id: 'gloss:place-balochistan-pakistan',
      name: 'Balochistan',
      description: 'Province of Pakistan.',
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Balochistan,_Pakistan' },
      related: ['wd:Q843'],
      context: { anyOf: ['Pakistan'] },
    });
    expect(balochistan!.alternateName).toBeUndefined();
  });

  it('leaves a division to the entity that already bears its name, and leaves out what the data says', () => {
    const sindh: Entity = { id: 'x', kind: 'place', name: 'Sindh', description: 'd', sources: ['https://example.org'] };
    expect(build({}, [sindh]).entities.map((e) => e.name)).toEqual(['Balochistan']);
    const out = build({ leaveOut: { 'PK-BA': { name: 'Balochistan, Pakistan', why: 'test' } } });
    expect(out.entities.map((e) => e.name)).toEqual(['Sindh']);
    expect(out.skipped).toEqual(['PK-BA Balochistan, Pakistan: test']);
  });

  it('fails when a choice names a row by the wrong title', () => {
    expect(() => build({ leaveOut: { 'PK-BA': { name: 'Baluchistan', why: 'test' } } })).toThrow(/is "Balochistan, Pakistan"/);
  });
});

describe('cities that are a first-level division of their own', () => {
  const city = (id: string, name: string, wikipedia?: string): Entity => ({
    id,
    kind: 'place',
    name,
    description: 'City.',
    sources: ['https://www.geonames.org/1'],
    ...(wikipedia ? { links: { wikipedia } } : {}),
  });
  const countries: Record<string, string> = { 'gloss:place-daegu': 'KR', 'gloss:place-oaxaca': 'MX', 'gloss:place-osh': 'KG' };
  const config: DivisionsConfig = {
    countries: [],
    leaveOut: {},
    noShortForm: {},
    noCountryContext: {},
    cityTypes: ['metropolitan city', 'city'],
  };
  const rows = [
    { country: 'KR', code: 'KR-27', title: 'Daegu', type: 'metropolitan city' },
    { country: 'MX', code: 'MX-OAX', title: 'Oaxaca', type: 'state' },
    { country: 'RU', code: 'RU-X', title: 'Osh', type: 'city' },
  ];
  it('takes the article of a city-type row whose title is the name of a city of the same country', () => {
    const found = cityArticles(
      rows,
      config,
      [city('gloss:place-daegu', 'Daegu'), city('gloss:place-oaxaca', 'Oaxaca'), city('gloss:place-osh', 'Osh')],
      (e) => countries[e.id],
    );
    // Oaxaca the state is not Oaxaca the city; an Osh of another country is not this Osh.
    expect([...found]).toEqual([['gloss:place-daegu', 'Daegu']]);
  });

  it('keeps a link the city already has', () => {
    const found = cityArticles(
      rows,
      config,
      [city('gloss:place-daegu', 'Daegu', 'https://en.wikipedia.org/wiki/Daegu')],
      (e) => countries[e.id],
    );
    expect(found.size).toBe(0);
  });
});

describe('first-level divisions in the World places pack', () => {
  let entities: Entity[];
  let index: MatchIndex;
  beforeAll(() => {
    entities = buildWorldPlaces(root);
    const news = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    index = buildMatchIndex([...news.entities, ...entities]);
  }, 60_000);
  const mark = (text: string): string[] =>
    annotate(index, text)
      .filter((m) => m.entityId?.startsWith('gloss:place-'))
      .map((m) => `${m.surface}=${m.entityId}`);

  it('has the divisions of the countries in the news, each with its English Wikipedia article', () => {
    const byName = new Map(entities.map((e) => [e.name, e]));
    for (const [name, page] of [
      ['Balochistan', 'Balochistan,_Pakistan'],
      ['Khyber Pakhtunkhwa', 'Khyber_Pakhtunkhwa'],
      ['Maharashtra', 'Maharashtra'],
      ['Borno State', 'Borno_State'],
      ['Belgorod Oblast', 'Belgorod_Oblast'],
      ['Kharkiv Oblast', 'Kharkiv_Oblast'],
      ['Bavaria', 'Bavaria'],
      ['Scotland', 'Scotland'],
      ['Daegu', 'Daegu'],
      ['Bishkek', 'Bishkek'],
    ]) {
      expect(byName.get(name!)?.links?.wikipedia, name).toBe(`https://en.wikipedia.org/wiki/${page}`);
    }
  });

  it('marks a division where the article names its country, and not elsewhere', () => {
    expect(mark('Gunmen attacked a bus in Balochistan, in south-western Pakistan.')).toContain(
      'Balochistan=gloss:place-balochistan-pakistan',
    );
    expect(mark('Balochistan is a region of deserts and mountains.')).toEqual([]);
    expect(mark('Boko Haram attacked a village in Borno, Nigeria.')).toEqual(['Borno=gloss:place-borno-state']);
  });

  it('shares a name with a city of another country where both need their country named', () => {
    expect(mark('Bushfires spread across Victoria, in south-eastern Australia.')).toContain(
      'Victoria=gloss:place-victoria-australia',
    );
  });

  it('marks the constituent countries of the United Kingdom without the UK named', () => {
    expect(mark('Fans travelled from Scotland and Wales to see England play.')).toEqual([
      'Scotland=gloss:place-scotland',
      'Wales=gloss:place-wales',
      'England=gloss:place-england',
    ]);
  });
});
