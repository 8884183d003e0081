import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  wikidataDate,
  wikidataEntitiesUrl,
  wikidataEntityToPackEntity,
  wikidataResponseToEntities,
  wikipediaTitle,
} from '../../lib/pack/import-wikidata';
import type { Entity } from '../../lib/pack/types';
import { validatePack } from '../../lib/pack/validate';

const DATA = join(process.env.GLOSS_SHARED_DATA ?? '/work/shared/data', 'wikidata');
const haveData = existsSync(DATA);
// Real API responses are not ours to ship, so without them these tests report a skip and pass.
const skipped = () => {
  if (!haveData) console.log('skipped: shared data absent');
  return !haveData;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited in place; their shape is Wikidata's, not ours
type Json = any;
const fixture = (file: string): Json => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

function entityOf(raw: unknown, opts?: Parameters<typeof wikidataEntityToPackEntity>[1]): Entity {
  const result = wikidataEntityToPackEntity(raw, opts);
  if (!result.ok) throw new Error(`expected ok, got: ${result.problem}`);
  return result.entity;
}

const packWith = (entity: Entity) => ({
  format: 1,
  id: 't',
  name: 't',
  version: '1',
  license: 'CC0',
  attribution: 't',
  asOf: '2025',
  entities: [entity],
});

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

describe('kind from P31', () => {
  const withClasses = (...classes: string[]) => ({
    id: 'Q100',
    type: 'item',
    labels: { en: { language: 'en', value: 'Xanadu' } },
    descriptions: { en: { language: 'en', value: 'an X' } },
    claims: {
      P31: classes.map((id) => ({
        mainsnak: {
          snaktype: 'value',
          property: 'P31',
          datavalue: { value: { 'entity-type': 'item', id }, type: 'wikibase-entityid' },
          datatype: 'wikibase-item',
        },
        type: 'statement',
        rank: 'normal',
      })),
    },
  });
  it.each([
    [['Q5'], 'person'],
    [['Q6256'], 'country'],
    [['Q3624078'], 'country'],
    [['Q15239622'], 'territory'],
    [['Q17149090'], 'armed-group'],
    [['Q327333'], 'government-body'],
    [['Q7278'], 'organization'],
    [['Q198'], 'event'],
    [['Q515'], 'place'],
    [['Q43229', 'Q17149090'], 'armed-group'], // the more specific class wins, whatever the order
    [['Q999999999'], 'term'],
    [[], 'term'],
  ])('%j → %s', (classes, kind) => {
    expect(entityOf(withClasses(...classes)).kind).toBe(kind);
  });
  it('coordinates make a place, a headquarters an organization', () => {
    const claim = (p: string) => [
      { mainsnak: { snaktype: 'novalue', property: p, datatype: 'string' }, type: 'statement', rank: 'normal' },
    ];
    expect(entityOf({ ...withClasses(), claims: { P625: claim('P625') } }).kind).toBe('place');
    expect(entityOf({ ...withClasses(), claims: { P159: claim('P159') } }).kind).toBe('organization');
  });
  it('falls back to the "mul" label for the name', () => {
    expect(entityOf({ ...withClasses('Q5'), labels: { mul: { language: 'mul', value: 'Benjamin Netanyahu' } } }).name).toBe(
      'Benjamin Netanyahu',
    );
  });
});

describe('wikidataDate', () => {
  it.each([
    [{ time: '+2022-00-00T00:00:00Z', precision: 9 }, '2022'],
    [{ time: '+2022-12-00T00:00:00Z', precision: 10 }, '2022-12'],
    [{ time: '+2022-12-29T00:00:00Z', precision: 11 }, '2022-12-29'],
    [{ time: '+2022-12-29T00:00:00Z', precision: 14 }, '2022-12-29'],
    [{ time: '+2022-12-00T00:00:00Z', precision: 11 }, '2022-12'],
    [{ time: '+1990-00-00T00:00:00Z', precision: 8 }, undefined],
    [{ time: '-13798000000-00-00T00:00:00Z', precision: 3 }, undefined], // Q1's start of the universe
    [{ time: '-0044-03-15T00:00:00Z', precision: 11 }, undefined],
    [{ time: '+12345-01-01T00:00:00Z', precision: 9 }, undefined],
    [{ time: '+0800-12-25T00:00:00Z', precision: 11, calendarmodel: 'http://www.wikidata.org/entity/Q1985786' }, '0800'],
    [{ time: 'yesterday', precision: 11 }, undefined],
    [{ precision: 11 }, undefined],
  ])('%j → %s', (value, iso) => {
    expect(wikidataDate(value)).toBe(iso);
  });
});

it.each([
  ['Henning Christophersen', 'Henning_Christophersen'],
  ['AC/DC', 'AC/DC'],
  ["Alzheimer's disease", 'Alzheimer%27s_disease'],
  ['São Paulo', 'S%C3%A3o_Paulo'],
  ['Hamas (disambiguation)', 'Hamas_(disambiguation)'],
  ['Rock & roll', 'Rock_%26_roll'],
  ['What?', 'What%3F'],
  ['Washington, D.C.', 'Washington,_D.C.'],
  ['Talk:Foo', 'Talk:Foo'],
])('wikipediaTitle(%j) = %j, as Wikipedia writes it', (title, encoded) => {
  expect(wikipediaTitle(title)).toBe(encoded);
});

describe('malformed input gives a problem and never throws', () => {
  const base = {
    id: 'Q1',
    type: 'item',
    labels: { en: { language: 'en', value: 'X' } },
    descriptions: { en: { language: 'en', value: 'an X' } },
  };
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'Q1'],
    ['an array', [base]],
    ['no id', { ...base, id: undefined }],
    ['a numeric id', { ...base, id: 1 }],
    ['a property', { ...base, type: 'property' }],
    ['labels as a string', { ...base, labels: 'X' }],
    ['labels as a list', { ...base, labels: [{ language: 'en', value: 'X' }] }],
    ['label values of the wrong type', { ...base, labels: { en: 'X' } }],
    ['label value a number', { ...base, labels: { en: { value: 5 } } }],
    ['aliases not a list', { ...base, aliases: { en: 'Y' } }],
    ['claims as a list', { ...base, claims: [] }],
    ['P39 not a list', { ...base, claims: { P39: 'Q5' } }],
    ['P39 holding null', { ...base, claims: { P39: [null] } }],
    ['P31 claim without a snak', { ...base, claims: { P31: [{ rank: 'normal' }] } }],
    [
      'unknown datavalue type',
      {
        ...base,
        claims: { P39: [{ rank: 'normal', mainsnak: { snaktype: 'value', datavalue: { type: 'nonsense', value: 1 } } }] },
      },
    ],
    ['an over-long label', { ...base, labels: { en: { value: 'x'.repeat(100_000) } } }],
    ['HTML in the description', { ...base, descriptions: { en: { value: '<script>alert(1)</script>' } } }],
    ['missing', { id: 'Q1', missing: '' }],
  ])('%s', (_, raw) => {
    const result = wikidataEntityToPackEntity(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/\S/);
  });

  it.each([
    ['null', null, '(response)'],
    ['a list', [], '(response)'],
    ['no entities', { success: 1 }, 'entities'],
    ['an API error', { error: { code: 'no-such-entity', info: 'Could not find an entity with the ID "Q0".' } }, 'error'],
  ])('response: %s', (_, json, path) => {
    const { entities, problems } = wikidataResponseToEntities(json);
    expect(entities).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual([path]);
  });
});

describe('wikidataEntitiesUrl', () => {
  it('asks for the items, the reader languages plus "mul", and the parts an entity needs', () => {
    const url = new URL(wikidataEntitiesUrl(['Q801', 'wd:Q43723', 'Q801'], ['en', 'fr']));
    expect(url.origin + url.pathname).toBe('https://www.wikidata.org/w/api.php');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'wbgetentities',
      ids: 'Q801|Q43723',
      format: 'json',
      languages: 'en|fr|mul',
      props: 'labels|descriptions|aliases|claims|sitelinks',
    });
  });
  it('can point at another instance (a local test server)', () => {
    expect(wikidataEntitiesUrl(['Q42'], ['en'], 'http://127.0.0.1:8080')).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/w\/api\.php\?action=wbgetentities&ids=Q42&/,
    );
  });
  it.each([
    ['no ids', []],
    ['51 ids', Array.from({ length: 51 }, (_, i) => `Q${i + 1}`)],
    ['a property', ['P31']],
    ['an injection', ['Q1|P31']],
  ])('refuses %s', (_, ids) => {
    expect(() => wikidataEntitiesUrl(ids, ['en'])).toThrow();
  });
});

describe('properties', () => {
  const settles = (raw: unknown) => {
    const result = wikidataEntityToPackEntity(raw);
    if (result.ok) return validatePack(packWith(result.entity)).ok;
    return typeof result.problem === 'string' && result.problem.length > 0;
  };
  const small = fc.jsonValue({ maxDepth: 2 });
  const text = fc.oneof(
    { arbitrary: fc.constantFrom('Hamas', 'Q5', 'al-Qassam Brigades'), weight: 15 },
    fc.constantFrom('<b>', ' ', ''),
    fc.string(),
  );
  const texts = (...langs: string[]) =>
    fc.oneof(
      {
        arbitrary: fc.record(Object.fromEntries(langs.map((l) => [l, fc.record({ value: text })])), {
          requiredKeys: [langs[0]!],
        }),
        weight: 8,
      },
      fc.dictionary(fc.string(), fc.oneof(fc.record({ value: text }), small)),
      small,
    );
  const snak = fc.record(
    {
      snaktype: fc.constantFrom('value', 'novalue', 'somevalue', 'bogus'),
      datavalue: fc.oneof(
        fc.record({
          type: fc.constant('wikibase-entityid'),
          value: fc.record({ id: fc.constantFrom('Q5', 'Q6256', 'Q1', 'P31', 'x') }),
        }),
        fc.record({
          type: fc.constant('time'),
          value: fc.record({
            time: fc.oneof(fc.string(), fc.constant('+2022-12-29T00:00:00Z')),
            precision: fc.integer({ min: -1, max: 15 }),
          }),
        }),
        fc.record({ type: fc.constant('string'), value: text }),
        small,
      ),
    },
    { requiredKeys: ['snaktype'] },
  );
  const claim = fc.record(
    {
      rank: fc.constantFrom('normal', 'preferred', 'deprecated'),
      mainsnak: snak,
      qualifiers: fc.dictionary(fc.constantFrom('P580', 'P582'), fc.array(snak, { maxLength: 2 })),
    },
    { requiredKeys: ['mainsnak'] },
  );
  // Weighted towards items with English text, so most runs get as far as the claims.
  const entityLike = fc.record(
    {
      id: fc.oneof({ arbitrary: fc.constantFrom('Q1', 'Q646148'), weight: 8 }, fc.constantFrom('P31', 'L1'), fc.string()),
      type: fc.oneof({ arbitrary: fc.constantFrom('item', undefined), weight: 8 }, fc.constant('property')),
      labels: texts('en', 'fr', 'mul', 'x-y'),
      descriptions: texts('en', 'fr'),
      aliases: fc.oneof(
        { arbitrary: fc.dictionary(fc.constantFrom('en', 'de', 'simple'), fc.array(fc.record({ value: text }))), weight: 8 },
        small,
      ),
      claims: fc.dictionary(fc.constantFrom('P31', 'P39', 'P18', 'P625'), fc.array(claim, { maxLength: 3 })),
      sitelinks: fc.oneof(
        { arbitrary: fc.dictionary(fc.constantFrom('enwiki', 'frwiki'), fc.record({ title: text })), weight: 8 },
        small,
      ),
    },
    { requiredKeys: ['id'] },
  );
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

  it('arbitrary JSON: never throws; ok means a valid entity, otherwise a problem', () => {
    fc.assert(fc.property(fc.jsonValue(), settles), { numRuns: 10_000 });
  }, 120_000);

  it('entity-shaped JSON: never throws; ok means a valid entity, otherwise a problem', () => {
    fc.assert(fc.property(entityLike, settles), { numRuns: 10_000 });
  }, 120_000);

  it('whole responses: never throws; each entry becomes exactly one entity or one problem', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ entities: fc.dictionary(fc.string(), entityLike, { maxKeys: 4 }) })),
        (json) => {
          const { entities, problems } = wikidataResponseToEntities(json);
          if (!isObj(json) || isObj((json as Json).error) || !isObj(json.entities))
            return entities.length === 0 && problems.length === 1;
          return (
            entities.length + problems.length === Object.keys(json.entities).length &&
            entities.every((e) => validatePack(packWith(e)).ok)
          );
        },
      ),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
