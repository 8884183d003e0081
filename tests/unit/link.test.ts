import { describe, expect, it } from 'vitest';
import { annotate, annotateBlocks } from '../../lib/core/annotate';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const person = (id: string, name: string, aliases: string[], roles: Entity['roles'] = [], related: string[] = []): Entity => ({
  id,
  kind: 'person',
  name,
  alternateName: aliases.map((text) => ({ text })),
  description: 'A test person.',
  roles,
  related,
  sources: src,
});
const entities: Entity[] = [
  person('p:ruth', 'Ruth Alder', ['Alder'], [{ label: 'Governor of Westland', from: '2024' }]),
  person('p:tom', 'Tom Alder', ['Alder'], [{ label: 'Senator for Westland', from: '2010', to: '2015' }]),
  person('p:ines', 'Ines Varga', [], [], ['c:eastmark']),
  person('p:ivan', 'Ivan Varga', ['Varga'], [], ['c:northland']),
  { id: 'c:eastmark', kind: 'country', name: 'Eastmark', description: 'A country.', sources: src },
  { id: 'c:northland', kind: 'country', name: 'Northland', description: 'A country.', sources: src },
  { id: 'pl:georgia-state', kind: 'place', name: 'Georgia', description: 'A US state.', sources: src, prior: 0.5 },
  { id: 'p:georgia', kind: 'person', name: 'Georgia', description: 'A singer.', sources: src, prior: 0.5 },
  person('p:mara', 'Mara Quill', []),
];
const index = buildMatchIndex(entities);
const ids = (text: string, date?: string) => annotate(index, text, date ? { date } : {}).map((m) => [m.surface, m.entityId]);

describe('linking', () => {
  it.each<[string, string, string | undefined, (string | null)[][]]>([
    ['a title before the name picks the holder of that role', 'Governor Alder said', undefined, [['Alder', 'p:ruth']]],
    ['the article date picks whoever held a role then', 'Alder voted no.', '2012-05-01', [['Alder', 'p:tom']]],
    ['no evidence: ambiguous, not guessed', 'Alder voted no.', undefined, [['Alder', null]]],
    [
      'a related entity named on the page decides',
      'In Northland, Varga spoke.',
      undefined,
      [
        ['Northland', 'c:northland'],
        ['Varga', 'p:ivan'],
      ],
    ],
    ['a place cue prefers a place', 'She lives in Georgia.', undefined, [['Georgia', 'pl:georgia-state']]],
  ])('%s', (_name, text, date, expected) => {
    expect(ids(text, date)).toEqual(expected);
  });
});

describe('short forms', () => {
  it('binds a surname to the person named in full earlier, across paragraphs', () => {
    const [first, second] = annotateBlocks(index, [
      'Mara Quill arrived.',
      'Later, Quill said the talks were over. Quillfeather did not.',
    ]);
    expect(first!.map((m) => m.entityId)).toEqual(['p:mara']);
    expect(second!.map((m) => [m.surface, m.entityId])).toEqual([['Quill', 'p:mara']]);
  });

  it('does not take the title that opens a name for a family name', () => {
    const titled = buildMatchIndex([
      person('p:don', 'Donald Drum', ['President Donald Drum']),
      person('p:claudia', 'Claudia Stone', []),
    ]);
    const [first, second] = annotateBlocks(titled, [
      'President Donald Drum spoke.',
      'Mexican President Claudia Stone replied, and President Stone left. Drum stayed.',
    ]);
    expect(first!.map((m) => m.entityId)).toEqual(['p:don']);
    expect(second!.map((m) => [m.surface, m.entityId])).toEqual([
      ['Claudia Stone', 'p:claudia'],
      ['Stone', 'p:claudia'],
      ['Drum', 'p:don'],
    ]);
  });

  it('binds a surname that is also a common word only where it stands as a name', () => {
    const common = buildMatchIndex([person('p:tess', 'Tess May', []), person('p:todd', 'Todd Young', [])]);
    const marks = annotateArticle(common, [
      'Tess May and Todd Young arrived.',
      'The vote is due in May, and May said she would back it. Young people protested. The Young Party formed.',
    ]).mentions[1]!.map((m) => `${m.surface}@${m.start}=${m.entityId}`);
    expect(marks).toEqual(['May@28=p:tess']);
  });

  it('takes a place named like a person met in full for the person where a verb follows it', () => {
    const named = buildMatchIndex([...entities, person('p:rowan', 'Rowan Eastmark', [])]);
    const [first, second] = annotateBlocks(named, [
      'Eastmark held talks. Rowan Eastmark arrived.',
      'Eastmark said the talks failed. Troops left Eastmark, and Eastmark would not comment.',
    ]);
    expect(first!.map((m) => m.entityId)).toEqual(['c:eastmark', 'p:rowan']);
    expect(second!.map((m) => m.entityId)).toEqual(['p:rowan', 'c:eastmark', 'p:rowan']);
  });

  it('takes the family name before a suffix, and the first word only of a name written family name first', () => {
    const people = buildMatchIndex([person('p:rob', 'Rob F. Kenner Jr.', []), person('p:yun', 'Yun Sok Yol', [])]);
    const [, second] = annotateBlocks(people, [
      'Rob F. Kenner Jr. testified, and Yun Sok Yol was arrested.',
      'Kenner said no. Rob, a nurse, disagreed. Yun denied it.',
    ]);
    expect(second!.map((m) => `${m.surface}=${m.entityId}`)).toEqual(['Kenner=p:rob', 'Yun=p:yun']);
  });

  it('binds a surname to the namesake named in full before it, and to no one after two namesakes', () => {
    const kin = buildMatchIndex([person('p:sara', 'Sara Dutra', []), person('p:rod', 'Rodrigo Dutra', [])]);
    const marks = annotateBlocks(kin, [
      'Lawmakers impeached Vice President Sara Dutra. They voted to impeach Dutra on Wednesday.',
      'She is the daughter of Rodrigo Dutra. Dutra denied wrongdoing.',
    ]).flatMap((list) => list.map((m) => `${m.surface}=${m.entityId}`));
    expect(marks).toEqual(['Sara Dutra=p:sara', 'Dutra=p:sara', 'Rodrigo Dutra=p:rod']);
  });

  it('does not bind a surname seen only before the full name', () => {
    const [first] = annotateBlocks(index, ['Quill spoke first. Then Mara Quill left.']);
    expect(first!.map((m) => m.surface)).toEqual(['Mara Quill']);
  });
});

describe('a place after another and a comma', () => {
  it('is the region of the country the first place is in ("Atlanta, Georgia")', () => {
    const place = (id: string, name: string, related: string[]): Entity => ({
      id,
      kind: 'place',
      name,
      description: 'A place.',
      related,
      sources: src,
    });
    const atlas = buildMatchIndex([
      { id: 'c:ge', kind: 'country', name: 'Georgia', description: 'A country.', sources: src },
      { id: 'c:us', kind: 'country', name: 'United States', description: 'A country.', sources: src },
      place('pl:ga', 'Georgia', ['c:us']),
      place('pl:atl', 'Atlanta', ['c:us']),
      place('pl:tbs', 'Tbilisi', ['c:ge']),
      place('pl:bat', 'Batumi', ['c:ge']),
    ]);
    const marks = annotate(atlas, 'Crowds filled Tbilisi and Batumi. In Atlanta, Georgia, the governor spoke of Georgia.');
    expect(marks.filter((m) => m.surface === 'Georgia').map((m) => m.entityId)).toEqual(['pl:ga', 'c:ge']);
  });
});
