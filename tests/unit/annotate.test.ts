import { describe, expect, it } from 'vitest';
import { annotate, annotateBlocks } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const entities: Entity[] = [
  {
    id: 'p:nadia',
    kind: 'person',
    name: 'Nadia Okafor',
    alternateName: [{ text: 'Okafor' }],
    description: 'A minister.',
    sources: src,
  },
  { id: 'c:jordan', kind: 'country', name: 'Jordan', description: 'A country.', sources: src },
  {
    id: 'o:un',
    kind: 'organization',
    name: 'United Nations',
    alternateName: [{ text: 'UN' }],
    description: 'An organisation.',
    sources: src,
  },
  { id: 'o:unsc', kind: 'organization', name: 'United Nations Security Council', description: 'A council.', sources: src },
  { id: 'c:cote', kind: 'country', name: "Côte d'Ivoire", description: 'A country.', sources: src },
  {
    id: 't:phase',
    kind: 'term',
    name: 'second phase',
    description: 'A ceasefire stage.',
    context: { anyOf: ['ceasefire', 'truce'] },
    sources: src,
  },
  { id: 't:cleansing', kind: 'term', name: 'ethnic cleansing', description: 'A crime.', sources: src },
  { id: 'pl:springfield-a', kind: 'place', name: 'Springfield', description: 'One town.', sources: src, prior: 0.5 },
  { id: 'pl:springfield-b', kind: 'place', name: 'Springfield', description: 'Another town.', sources: src, prior: 0.5 },
];
const index = buildMatchIndex(entities);
const found = (text: string) => annotate(index, text).map((m) => [m.surface, m.entityId]);

describe('annotate', () => {
  it.each([
    ['plain name', 'Minister Nadia Okafor spoke.', [['Nadia Okafor', 'p:nadia']]],
    ['possessive', "Okafor's office said", [['Okafor', 'p:nadia']]],
    ['curly possessive', 'Okafor’s office said', [['Okafor', 'p:nadia']]],
    ['compound', 'a Jordan-based group', [['Jordan', 'c:jordan']]],
    ['no match inside a word', 'Jordanian officials and Okaforville', []],
    ['common word needs its capital', 'they jordan nothing', []],
    ['ALL-CAPS dateline', 'JORDAN: talks resumed', [['JORDAN', 'c:jordan']]],
    ['acronym must be exact', 'the UN said; un-American; Un', [['UN', 'o:un']]],
    ['longest match wins', 'the United Nations Security Council met', [['United Nations Security Council', 'o:unsc']]],
    ['shorter alias where the longer one stops', 'the United Nations Assembly', [['United Nations', 'o:un']]],
    ['diacritics folded', 'in Cote d’Ivoire today', [['Cote d’Ivoire', 'c:cote']]],
    [
      'line break and nbsp inside a name',
      'Nadia\u00a0Okafor and Nadia\n  Okafor',
      [
        ['Nadia\u00a0Okafor', 'p:nadia'],
        ['Nadia\n  Okafor', 'p:nadia'],
      ],
    ],
    ['soft hyphen inside a name', 'Oka\u00adfor arrived', [['Oka\u00adfor', 'p:nadia']]],
    [
      'terms ignore case',
      'Ethnic Cleansing and ethnic cleansing',
      [
        ['Ethnic Cleansing', 't:cleansing'],
        ['ethnic cleansing', 't:cleansing'],
      ],
    ],
    ['term with its context', 'the second phase of the ceasefire', [['second phase', 't:phase']]],
    ['term without its context', 'the second phase of the building project', []],
    ['ambiguous names are not guessed', 'in Springfield', [['Springfield', null]]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Ré: NADIA OKAFOR, and Côte d’Ivoire.';
    for (const m of annotate(index, text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('reports every candidate of an ambiguous mention', () => {
    const [m] = annotate(index, 'Springfield');
    expect(m?.candidates.sort()).toEqual(['pl:springfield-a', 'pl:springfield-b']);
  });

  it('uses the whole article for context rules', () => {
    const [, second] = annotateBlocks(index, ['The truce holds.', 'The second phase begins.']);
    expect(second!.map((x) => x.entityId)).toEqual(['t:phase']);
  });
});
