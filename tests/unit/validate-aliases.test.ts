import { describe, expect, it } from 'vitest';
import { MAX_ENTITIES_PER_ALIAS } from '../../lib/pack/alias-rules';
import { validatePack } from '../../lib/pack/validate';

const entity = (id: string, patch: Record<string, unknown> = {}) => ({
  id,
  kind: 'person',
  name: 'Ada Example',
  description: 'A person.',
  sources: ['https://example.org/ada'],
  ...patch,
});
const pack = (entities: unknown[]) => ({
  format: 1,
  id: 'hostile',
  name: 'Hostile',
  version: '1',
  license: 'CC0',
  attribution: 'Nobody',
  asOf: '2025-02-01',
  entities,
});
const problemsOf = (p: unknown) => {
  const r = validatePack(p);
  return r.ok ? [] : r.problems;
};

describe('aliases that would mark common words are refused, in plain words', () => {
  it.each([
    ['the', /common word/],
    ['The', /common word/],
    ['of', /common word/],
    ['a', /single letter/],
    ['X', /single letter/],
    ['7', /single letter/],
    ['und', /common word/],
    ['les', /common word/],
  ])('alias %j', (text, message) => {
    const problems = problemsOf(pack([entity('e1', { alternateName: [{ text }] })]));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'entities[0].alternateName[0].text', message: expect.stringMatching(message) }),
    ]);
  });

  it('refuses a name that is a common word too (names are matched like aliases)', () => {
    expect(problemsOf(pack([entity('e1', { name: 'the' })]))).toEqual([
      expect.objectContaining({ path: 'entities[0].name', message: expect.stringMatching(/common word/) }),
    ]);
  });

  it('accepts acronyms in capitals matched exactly, and ordinary short names', () => {
    const ok = pack([
      entity('e1', { name: 'Islamic State', alternateName: [{ text: 'IS', case: 'exact' }] }),
      entity('e2', { name: 'Los Angeles', kind: 'place', alternateName: [{ text: 'LA' }] }),
      entity('e3', { name: 'Xi Jinping', alternateName: [{ text: 'Xi' }] }),
    ]);
    expect(problemsOf(ok)).toEqual([]);
  });
});

describe('an alias shared by too many entities is refused', () => {
  it(`accepts ${MAX_ENTITIES_PER_ALIAS} entities sharing "Hamas" and refuses one more`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => entity(`e${i}`, { name: 'Hamas', kind: 'armed-group' }));
    expect(problemsOf(pack(many(MAX_ENTITIES_PER_ALIAS)))).toEqual([]);
    const problems = problemsOf(pack(many(MAX_ENTITIES_PER_ALIAS + 1)));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/21 entities share the name or alias "hamas".*at most 20/);
  });
});

describe('text-direction controls are refused', () => {
  it.each([
    ['name', { name: 'Ada \u202Eelpmaxe' }, 'entities[0].name'],
    ['description', { description: 'Safe \u2067text' }, 'entities[0].description'],
    ['alias', { alternateName: [{ text: 'Ada\u202D' }] }, 'entities[0].alternateName[0].text'],
  ])('in a %s', (_, patch, path) => {
    expect(problemsOf(pack([entity('e1', patch)]))).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(/text-direction controls/) }),
    ]);
  });

  it('keeps right-to-left names, which need no controls', () => {
    expect(problemsOf(pack([entity('e1', { name: 'בנימין נתניהו', alternateName: [{ text: 'نتنياهو' }] })]))).toEqual([]);
  });
});
