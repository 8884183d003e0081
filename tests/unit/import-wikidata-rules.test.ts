import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  wikidataDate,
  wikidataEntitiesUrl,
  wikidataEntityToPackEntity,
  wikidataResponseToEntities,
  wikipediaTitle,
} from '../../lib/pack/import-wikidata';
import { validatePack } from '../../lib/pack/validate';
import { type Json, entityOf, packWith } from './support/wikidata-fixtures';

/** The Wikidata importer's rules one by one: kinds from P31, dates, malformed input, URLs, properties. */

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
