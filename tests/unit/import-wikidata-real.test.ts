import { describe, expect, it } from 'vitest';
import { wikidataEntityToPackEntity, wikidataResponseToEntities } from '../../lib/pack/import-wikidata';
import { validatePack } from '../../lib/pack/validate';
import { skipped, type Json, fixture, entityOf, packWith } from './support/wikidata-fixtures';

/** Real Wikidata entities turned into pack entities: names, roles, dates, links and sources. */

describe('Q646148 (Henning Christophersen)', () => {
  it.each([
    { lang: ['en'], description: 'Danish politician', wikipedia: 'https://en.wikipedia.org/wiki/Henning_Christophersen' },
    {
      lang: ['fr'],
      description: 'personnalité politique danoise',
      wikipedia: 'https://fr.wikipedia.org/wiki/Henning_Christophersen',
    },
    { lang: ['de', 'en'], description: 'dänischer Politiker', wikipedia: 'https://de.wikipedia.org/wiki/Henning_Christophersen' },
    {
      lang: ['da'],
      description: 'dansk politiker og erhvervsmand',
      wikipedia: 'https://da.wikipedia.org/wiki/Henning_Christophersen',
    },
    // No huwiki sitelink: the English article is the fallback.
    { lang: ['hu'], description: 'dán politikus', wikipedia: 'https://en.wikipedia.org/wiki/Henning_Christophersen' },
    // No Japanese description: the first language that has one wins.
    { lang: ['ja', 'nl'], description: 'Deens diplomaat', wikipedia: 'https://nl.wikipedia.org/wiki/Henning_Christophersen' },
  ])('reads name, description and Wikipedia link in $lang', ({ lang, description, wikipedia }) => {
    if (skipped()) return;
    const e = entityOf(fixture('Q646148.json'), { lang });
    expect(e).toMatchObject({
      id: 'wd:Q646148',
      kind: 'person',
      name: 'Henning Christophersen',
      description,
      links: { wikidata: 'https://www.wikidata.org/wiki/Q646148', wikipedia },
      sources: ['https://www.wikidata.org/wiki/Q646148'],
    });
    expect(e.image).toBeUndefined();
  });

  it('keeps labels that differ from the name as aliases, with their language', () => {
    if (skipped()) return;
    expect(entityOf(fixture('Q646148.json')).alternateName).toEqual([
      { text: '亨宁·克里斯托弗森', lang: 'zh-cn' },
      { text: '亨寧·克里斯托弗森', lang: 'zh-hant' },
    ]);
  });

  it('reads both P39 positions with their day-precision dates', () => {
    if (skipped()) return;
    expect(entityOf(fixture('Q646148.json')).roles).toEqual([
      { label: 'Q5449541' },
      { label: 'Q6866144', from: '1978-08-30', to: '1979-10-26' },
    ]);
    const labels: Record<string, string> = { Q6866144: 'European Commissioner' };
    expect(entityOf(fixture('Q646148.json'), { labelsOf: (id) => labels[id] }).roles?.[1]).toEqual({
      label: 'European Commissioner',
      from: '1978-08-30',
      to: '1979-10-26',
    });
  });

  it('falls back to the Q-id when labelsOf throws or returns junk', () => {
    if (skipped()) return;
    const throwing = () => {
      throw new Error('boom');
    };
    expect(entityOf(fixture('Q646148.json'), { labelsOf: throwing }).roles?.[1]?.label).toBe('Q6866144');
    expect(entityOf(fixture('Q646148.json'), { labelsOf: () => '<b>x</b>' }).roles?.[1]?.label).toBe('Q6866144');
  });

  // Variants of the real dated claim: each edits one thing Wikidata can say about a role.
  const dated = (edit: (claim: Json) => void) => {
    const raw = fixture('Q646148.json');
    edit(raw.claims.P39[1]);
    return entityOf(raw).roles?.filter((r) => r.label === 'Q6866144');
  };
  const time = (q: Json, p: string) => q.qualifiers[p][0].datavalue.value;
  it.each([
    {
      what: 'year precision',
      edit: (c: Json) => Object.assign(time(c, 'P580'), { precision: 9, time: '+1978-00-00T00:00:00Z' }),
      roles: [{ label: 'Q6866144', from: '1978', to: '1979-10-26' }],
    },
    {
      what: 'month precision',
      edit: (c: Json) => Object.assign(time(c, 'P582'), { precision: 10 }),
      roles: [{ label: 'Q6866144', from: '1978-08-30', to: '1979-10' }],
    },
    {
      what: 'decade precision (dropped)',
      edit: (c: Json) => Object.assign(time(c, 'P580'), { precision: 8 }),
      roles: [{ label: 'Q6866144', to: '1979-10-26' }],
    },
    {
      what: 'end "no value" (still held)',
      edit: (c: Json) => (c.qualifiers.P582 = [{ snaktype: 'novalue', property: 'P582', datatype: 'time' }]),
      roles: [{ label: 'Q6866144', from: '1978-08-30' }],
    },
    {
      what: 'end "unknown value" (over, date unknown)',
      edit: (c: Json) => (c.qualifiers.P582 = [{ snaktype: 'somevalue', property: 'P582', datatype: 'time' }]),
      roles: [],
    },
    { what: 'deprecated rank', edit: (c: Json) => (c.rank = 'deprecated'), roles: [] },
    { what: 'end before start', edit: (c: Json) => Object.assign(time(c, 'P582'), { time: '+1970-01-01T00:00:00Z' }), roles: [] },
    {
      what: 'end year containing the start day',
      edit: (c: Json) => Object.assign(time(c, 'P582'), { time: '+1978-00-00T00:00:00Z', precision: 9 }),
      roles: [{ label: 'Q6866144', from: '1978', to: '1978' }],
    },
    {
      what: 'Julian calendar',
      edit: (c: Json) => Object.assign(time(c, 'P580'), { calendarmodel: 'http://www.wikidata.org/entity/Q1985786' }),
      roles: [{ label: 'Q6866144', from: '1978', to: '1979-10-26' }],
    },
    {
      what: 'position "unknown value"',
      edit: (c: Json) => (c.mainsnak = { snaktype: 'somevalue', property: 'P39', datatype: 'wikibase-item' }),
      roles: [],
    },
  ])('P39 with $what', ({ edit, roles }) => {
    if (skipped()) return;
    expect(dated(edit)).toEqual(roles);
  });
});

describe('other real entities', () => {
  it.each([
    {
      file: 'Q2112.json',
      kind: 'place',
      name: 'Bielefeld',
      description: 'city in Germany',
      image: 'Sparrenburg_innovative_sights.JPG',
    },
    { file: 'Q217447.json', kind: 'place', name: 'Verla', description: 'Finnish UNESCO world heritage site', image: 'Verla.JPG' },
    {
      file: 'Q271094.json',
      kind: 'place',
      name: 'Neihu District',
      description: 'district in Taipei',
      image: 'Neihu_during_2015_winter_solstice.jpg',
    },
    // P31 is written in the legacy form (numeric-id, no id): still Q5.
    {
      file: 'Q328212.json',
      kind: 'person',
      name: 'Veronica Roth',
      description: 'American author',
      image: 'Veronica_Roth_March_18%2C_2014_(cropped).jpg',
    },
    { file: 'Q571.json', kind: 'term', name: 'book', image: 'Austria_-_Admont_Abbey_Library_-_1407.jpg' },
  ])('$file → $kind "$name"', ({ file, kind, name, description, image }) => {
    if (skipped()) return;
    const e = entityOf(fixture(file));
    expect(e).toMatchObject({ id: `wd:${file.replace('.json', '')}`, kind, name, ...(description && { description }) });
    expect(e.image).toBe(`https://commons.wikimedia.org/wiki/Special:FilePath/${image}`);
    expect(validatePack(packWith(e)).ok).toBe(true);
  });

  it('Bielefeld: aliases are distinct, never the name, and tied to one language only when only one uses them', () => {
    if (skipped()) return;
    const aliases = entityOf(fixture('Q2112.json')).alternateName ?? [];
    const texts = aliases.map((a) => a.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).not.toContain('Bielefeld');
    expect(aliases).toContainEqual({ text: 'Билефельд' });
    expect(aliases.length).toBeLessThanOrEqual(200);
  });

  it('Q42 (wbgetentities envelope): Douglas Adams with his English aliases and image', () => {
    if (skipped()) return;
    const { entities, problems } = wikidataResponseToEntities(fixture('wptools/wbgetentities-Q42.wptools.json'));
    expect(problems).toEqual([]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({
      id: 'wd:Q42',
      kind: 'person',
      name: 'Douglas Adams',
      description: 'English writer and humorist',
      alternateName: [
        { text: 'Douglas Noël Adams', lang: 'en' },
        { text: 'Douglas Noel Adams', lang: 'en' },
        { text: 'Douglas N. Adams', lang: 'en' },
        { text: 'DNA', lang: 'en' },
      ],
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Douglas_Adams' },
      image: 'https://commons.wikimedia.org/wiki/Special:FilePath/Douglas_adams_portrait_cropped.jpg',
    });
  });

  it('a deleted entity gives a problem and no entity', () => {
    if (skipped()) return;
    const { entities, problems } = wikidataResponseToEntities(fixture('wptools/wikidata_deleted.json'));
    expect(entities).toEqual([]);
    expect(problems).toEqual([{ path: 'entities.Q10908976', message: expect.stringContaining('does not exist on Wikidata') }]);
  });

  it('a "no value" snak (Foo Fighters: dissolved = no value) is read without fuss', () => {
    if (skipped()) return;
    const { entities, problems } = wikidataResponseToEntities(fixture('wptools/wikidata_novalue_snak.json'));
    expect(problems).toEqual([]);
    expect(entities).toEqual([
      {
        id: 'wd:Q483718',
        kind: 'term',
        name: 'Foo Fighters',
        description: 'American rock band, formed in Seattle in 1994',
        links: { wikidata: 'https://www.wikidata.org/wiki/Q483718' },
        sources: ['https://www.wikidata.org/wiki/Q483718'],
      },
    ]);
  });

  it('the first of several P18 images is used (entity given an id and a label, as the fixture has only claims)', () => {
    if (skipped()) return;
    const raw = fixture('wptools/wikidata_images.json').entities.Q857243;
    expect(wikidataResponseToEntities(fixture('wptools/wikidata_images.json')).problems[0]?.message).toBe(
      'Q857243 has no label in en',
    );
    const e = entityOf({
      ...raw,
      id: 'Q857243',
      labels: { en: { language: 'en', value: 'Gujō' } },
      descriptions: { en: { language: 'en', value: 'city in Gifu' } },
    });
    expect(e.image).toBe('https://commons.wikimedia.org/wiki/Special:FilePath/Gujo_Gifu_Japan.jpg');
  });

  it.each([
    { file: 'wbgetentities_response.json', message: 'Q3235026 has no label in en' },
    { file: 'wptools/labels_1.json', message: 'Q24925 has no description in en' },
  ])('$file: entities without usable text become problems', ({ file, message }) => {
    if (skipped()) return;
    const { entities, problems } = wikidataResponseToEntities(fixture(file));
    expect(entities).toEqual([]);
    expect(problems[0]?.message).toBe(message);
  });

  it.each([
    { file: 'P8098.json', problem: 'P8098 is not a Wikidata item; only items (Q…) can be explained' },
    { file: 'L525.json', problem: 'L525 is not a Wikidata item; only items (Q…) can be explained' },
    { file: 'Q1.json', problem: 'Q1 has no label in en' },
    { file: 'Q19180293.json', problem: 'Q19180293 has no label in en' },
    { file: 'Q4132785.json', problem: 'Q4132785 has no description in en' },
    { file: 'Q275937.json', problem: 'the entity has no "id"' },
  ])('$file: $problem', ({ file, problem }) => {
    if (skipped()) return;
    expect(wikidataEntityToPackEntity(fixture(file))).toEqual({ ok: false, problem });
  });
});
