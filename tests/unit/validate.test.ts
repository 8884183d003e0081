import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/pack/validate';

const good = {
  format: 1,
  id: 'newsroom-glossary',
  name: 'Newsroom glossary',
  version: '1.0.0',
  license: 'CC BY 4.0',
  attribution: 'Example Newsroom',
  asOf: '2025-02-01',
  entities: [
    {
      id: 'nr:ceasefire',
      kind: 'term',
      name: 'ceasefire',
      description: 'A temporary stoppage of a war.',
      sources: ['https://en.wikipedia.org/wiki/Ceasefire'],
    },
  ],
};
type Json = Record<string, unknown>;
const withEntity = (patch: Json) => ({ ...good, entities: [{ ...good.entities[0], ...patch }] });

describe('validatePack', () => {
  it('accepts a good pack', () => {
    expect(validatePack(good)).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not an object', [1, 2], '(pack)', /must be a JSON object/],
    ['future format', { ...good, format: 2 }, 'format', /format must be 1/],
    ['missing name', { ...good, name: undefined }, 'name', /name must be text/],
    ['bad date', { ...good, asOf: '1 Feb 2025' }, 'asOf', /date like 2022/],
    ['wrong kind', withEntity({ kind: 'alien' }), 'entities[0].kind', /kind must be one of/],
    ['number as name', withEntity({ name: 42 }), 'entities[0].name', /name must be text/],
    ['no sources', withEntity({ sources: [] }), 'entities[0].sources', /at least one source/],
    [
      'javascript: link',
      withEntity({ links: { wikipedia: 'javascript:alert(1)' } }),
      'entities[0].links.wikipedia',
      /http or https/,
    ],
    ['data: image', withEntity({ image: 'data:image/png;base64,AAAA' }), 'entities[0].image', /https/],
    ['http image', withEntity({ image: 'http://example.org/a.png' }), 'entities[0].image', /https/],
    ['relative URL', withEntity({ sources: ['/wiki/X'] }), 'entities[0].sources[0]', /not a valid absolute URL/],
    [
      'HTML in description',
      withEntity({ description: 'A <img src=x onerror=alert(1)> term' }),
      'entities[0].description',
      /HTML/,
    ],
    ['10 MB string', withEntity({ description: 'x'.repeat(10_000_000) }), 'entities[0].description', /longer than 2000/],
    ['invented wd id', withEntity({ id: 'wd:Netanyahu' }), 'entities[0].id', /Wikidata item/],
    [
      'bad case rule',
      withEntity({ alternateName: [{ text: 'CF', case: 'upper' }] }),
      'entities[0].alternateName[0].case',
      /case must be/,
    ],
    [
      'role ends before it starts',
      withEntity({ roles: [{ label: 'Envoy', from: '2020', to: '2019' }] }),
      'entities[0].roles[0]',
      /ends .* before/,
    ],
    [
      'confirmed not a whole day',
      withEntity({ roles: [{ label: 'Envoy', from: '2020', confirmed: '2025-02' }] }),
      'entities[0].roles[0].confirmed',
      /whole day/,
    ],
    ['dangling related id', withEntity({ related: ['nr:nobody'] }), 'entities[0].related[0]', /not an entity in this pack/],
  ])('%s', (_name, input, path, message) => {
    const result = validatePack(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.message).toMatch(message);
  });

  it('reports every problem, not just the first', () => {
    const result = validatePack({ ...good, asOf: 'soon', entities: [{ id: '!', kind: 'x' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses duplicate ids', () => {
    const result = validatePack({ ...good, entities: [good.entities[0], good.entities[0]] });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: 'entities[1].id', message: expect.stringMatching(/used twice/) }],
    });
  });
});
