import { describe, expect, it } from 'vitest';
import { dedupeDescriptors, descriptorBefore, descriptorsAfter } from '../../lib/core/actor-descriptors';
import { describeActors, profileActors } from '../../lib/core/actor-profiles';
import { findArticleNames } from '../../lib/core/names/article-names';

/** Profiles of an article's unknown actors, as "Name:kind" with descriptors and mention count. */
function profiles(blocks: string[]) {
  return profileActors(describeActors(blocks, findArticleNames(blocks)));
}
const byName = (blocks: string[], name: string) => profiles(blocks).find((p) => p.name === name);

describe('descriptors after a name', () => {
  const cases: [string, string, string[]][] = [
    [
      'appositive with a conjunction',
      'Vanessa Hicks, a photographer and Navy veteran, said she was stopped.',
      ['photographer and Navy veteran'],
    ],
    ['appositive after an age', 'Vanessa Hicks, 42, a retired nurse, said so.', ['retired nurse']],
    ['possessive appositive', "Esmaeil Baghaei, Iran's foreign ministry spokesman, said.", ["Iran's foreign ministry spokesman"]],
    ['relative clause', 'Daniel Marsh, who heads the regional water board, declined.', ['heads the regional water board']],
    ['relative clause with a copula', 'Priya Raman, who was a lawyer at the firm, left.', ['lawyer at the firm']],
    ['at the end of a sentence', 'The call came from Priya Raman, a lawyer.', ['lawyer']],
    // Not descriptions: a clause, a list of names, a place, an age alone, what someone said or did.
    ['speech clause', 'Priya Raman, the company said, left.', []],
    ['list of names', 'Priya Raman, Tomas Berg and Ana Lopes left.', []],
    ['party and state', 'Lisa Murkowski, R-Alaska, voted no.', []],
    ['age alone', 'Priya Raman, 42, left.', []],
    ['reported speech in a clause', 'Tomas Berg, who said he was tired, left.', []],
    ['an event in a clause', 'Tomas Berg, who was arrested on Monday, left.', []],
    ['adverb', 'Tomas Berg, meanwhile, left.', []],
    [
      'appositive after a dash, with a nickname in quotes',
      'Rafa Quintana — the convicted killer of agent Luis “Kiki” Moreno — was sent north.',
      ['convicted killer of agent Luis “Kiki” Moreno'],
    ],
    [
      'appositive that names another person through "of"',
      'Antonio Oseguera Ruiz, the brother of Nemesio “El Jefe” Oseguera Ruiz, was sent north.',
      ['brother of Nemesio “El Jefe” Oseguera Ruiz'],
    ],
    ['a copula and a role', 'Juliet Tomas is the agency’s spokeswoman.', ['agency’s spokeswoman']],
    ['a copula without a role', 'Juliet Tomas is the first to speak.', []],
    ['a dash that joins names', 'Juliet Tomas – Ruiz Coalition won.', []],
    ['a title and another name, in a list', 'Tomas Berg, historian and writer Ana Lopes Ruiz, and others came.', []],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      const name = /^(?:The call came from )?([A-Z]\w+ [A-Z]\w+(?: Ruiz)?)/.exec(text)![1]!;
      expect(descriptorsAfter(text, text.indexOf(name) + name.length)).toEqual(expected);
    });
  }
});

describe('descriptorBefore', () => {
  const cases: [string, string, string | null][] = [
    ['a common noun and its modifiers', 'Congolese warlord Thomas Lubanga was the first.', 'Congolese warlord'],
    ['an adjective in -ous', 'They sent notorious drug lord Rafa Quintana north.', 'notorious drug lord'],
    ['a verb is no descriptor', 'The court convicted Dominic Ongwen in 2021.', null],
    ['a plural is no descriptor', 'They sent brothers Miguel Morales and Omar Morales.', null],
    ['stops at the verb before the role', 'She met lawyer Priya Raman.', 'lawyer'],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      const name = /[A-Z]\w+ [A-Z]\w+(?= (?:was|in|north|and|\.))|Priya Raman/.exec(text)![0];
      expect(descriptorBefore(text, text.indexOf(name))).toBe(expected);
    });
  }
});

describe('dedupeDescriptors', () => {
  it('keeps one of the same words and the longer of two that hold each other, in the article order', () => {
    expect(
      dedupeDescriptors(['spokesman', 'photographer', "Iran's foreign ministry spokesman", 'Photographer', 'the photographer']),
    ).toEqual(["Iran's foreign ministry spokesman", 'photographer']);
  });
});

describe('profiles of unknown actors', () => {
  const article = [
    'Vanessa Hicks, a photographer and Navy veteran, said she was stopped at the border.',
    "Iran's foreign ministry spokesman Esmaeil Baghaei told reporters that talks would go on.",
    'Daniel Ortega Marsh, who heads the regional water board, declined to comment.',
    'Hicks said later she would appeal. Hicks, who served in the Navy for ten years, has filed a complaint.',
    "Baghaei, Iran's foreign ministry spokesman, said Tehran would respond.",
  ];

  it('gathers every descriptor the article gives an actor, from a title before the name and after it', () => {
    expect(byName(article, 'Esmaeil Baghaei')?.descriptors).toEqual(["Iran's foreign ministry spokesman"]);
    expect(byName(article, 'Daniel Ortega Marsh')?.descriptors).toEqual(['heads the regional water board']);
    expect(byName(article, 'Vanessa Hicks')?.descriptors).toEqual([
      'photographer and Navy veteran',
      'served in the Navy for ten years',
    ]);
  });

  it('ties later surname-only mentions to the full name, with the offsets of each', () => {
    const hicks = byName(article, 'Vanessa Hicks')!;
    expect(hicks.kind).toBe('person');
    const at = hicks.mentions.map((m) => article[m.block]!.slice(m.start, m.end));
    expect(at).toEqual(['Vanessa Hicks', 'Hicks', 'Hicks']);
    expect(hicks.mentions.map((m) => m.block)).toEqual([0, 3, 3]);
    expect(byName(article, 'Esmaeil Baghaei')!.mentions).toHaveLength(2);
    expect(profiles(article).some((p) => p.name === 'Hicks' || p.name === 'Baghaei')).toBe(false);
  });

  it('leaves a surname alone when two people in the article share it', () => {
    const two = ['Vanessa Hicks and Oliver Hicks met.', 'Hicks said no.'];
    expect(byName(two, 'Hicks')).toBeDefined();
    expect(byName(two, 'Vanessa Hicks')!.mentions).toHaveLength(1);
  });

  it('ties a short form in a changed paragraph to a name marked before', () => {
    const [list] = describeActors(['Hicks said no.'], findArticleNames(['Hicks said no.']), [
      { surface: 'Vanessa Hicks', kind: 'person' },
    ]);
    expect(list?.[0]).toMatchObject({ surface: 'Hicks', kind: 'person', actor: 'vanessa hicks', fullName: 'Vanessa Hicks' });
  });

  it('ties a two-word short form to the full name, but not a name split at a nickname', () => {
    const cartel = [
      'They sent drug lord Rafa Caro Quintana and Antonio Oseguera Ruiz, the brother of Nemesio “El Jefe” Oseguera Ruiz, north.',
      'In addition to Caro Quintana, others went.',
    ];
    expect(byName(cartel, 'Rafa Caro Quintana')!.mentions).toHaveLength(2);
    expect(byName(cartel, 'Antonio Oseguera Ruiz')!.mentions).toHaveLength(1);
  });

  it('does not call a fragment such as "Robert M." a person without evidence', () => {
    expect(byName(['The report was written by Robert M. and reviewed by staff.'], 'Robert M.')?.kind).toBe('unknown');
    // With evidence it is one.
    expect(byName(['Robert M., a retired teacher, wrote the report.'], 'Robert M.')?.kind).toBe('person');
    expect(byName(['The report was written by Mr. Robert M. last year.'], 'Robert M.')?.kind).toBe('person');
    // A full name with an initial inside is not a fragment.
    expect(byName(['Robert M. Hallworth wrote the report.'], 'Robert M. Hallworth')?.kind).toBe('person');
  });
});
