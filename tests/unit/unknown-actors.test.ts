import { describe, expect, it } from 'vitest';
import { findUnknownActors, type UnknownActor } from '../../lib/core/unknown-actors';

/** "surface:kind" or "surface:kind — descriptor", in text order. */
const show = (found: UnknownActor[]): string[] =>
  found.map((a) => `${a.surface}:${a.kind}${a.descriptor ? ` — ${a.descriptor}` : ''}`);

describe('findUnknownActors', () => {
  const cases: [string, string, string[]][] = [
    // Titles and honorifics are cues, kept out of the span, and become the descriptor.
    ['title before a name', 'Vice President Amara Diallo arrived late.', ['Amara Diallo:person — Vice President']],
    ['honorifics', 'Mrs. Okonkwo told reporters she had met Dr. Haruki Tanaka.', ['Okonkwo:person', 'Haruki Tanaka:person']],
    [
      'nationality and title',
      'Syrian President Bashar al-Assad fled to Moscow in December.',
      ['Bashar al-Assad:person — Syrian President', 'Moscow:unknown'],
    ],
    [
      'title with "of" and a department',
      'Secretary of State Ana Lopes met the press.',
      ['Ana Lopes:person — Secretary of State'],
    ],
    ['title of a country', 'He met the Prime Minister of Freedonia on Friday.', ['Freedonia:place']],
    ['a bare title is not an actor', 'The former Chief Operating Officer left.', []],
    ['regnal numbers', 'King Felipe VI opened the session.', ['Felipe VI:person — King']],
    // Descriptors from the article itself.
    [
      'pre-modifier descriptor with a possessive',
      "Norway's foreign ministry spokeswoman Ingrid Dahl said the talks would resume.",
      ['Norway:unknown', "Ingrid Dahl:person — Norway's foreign ministry spokeswoman"],
    ],
    [
      'appositive descriptor',
      "Ingrid Dahl, Norway's foreign ministry spokeswoman, said the talks would resume.",
      ["Ingrid Dahl:person — Norway's foreign ministry spokeswoman", 'Norway:unknown'],
    ],
    [
      'appositive after an honorific',
      'Mr. Alvarez, a spokesman for the Ministry of Defence, declined to comment.',
      ['Alvarez:person — spokesman for the Ministry of Defence', 'Ministry of Defence:organization'],
    ],
    [
      'descriptor decides organisation',
      'Shares in regional airline Skylark Express fell.',
      ['Skylark Express:organization — regional airline'],
    ],
    ['agent noun descriptor, nationality dropped', 'Kenyan runner Eliud Kamau won.', ['Eliud Kamau:person — Kenyan runner']],
    ['a clause is not an appositive', 'Tomas Berg, who founded the firm, resigned.', ['Tomas Berg:person']],
    // Organisations and places by their words.
    [
      'organisation words and "of"',
      'The Ministry of Foreign Affairs and the Central Bank of Nigeria issued a statement.',
      ['Ministry of Foreign Affairs:organization', 'Central Bank of Nigeria:organization'],
    ],
    [
      '"for" and "and" inside an organisation',
      'Still, the Organisation for Economic Co-operation and Development said growth would slow.',
      ['Organisation for Economic Co-operation and Development:organization'],
    ],
    [
      'a title word that starts a company name',
      'General Motors and Ford Motor Co. cut jobs, while General Mark Milley retired.',
      ['General Motors:organization', 'Ford Motor Co.:organization', 'Mark Milley:person — General'],
    ],
    ['ampersand', 'The deal was approved by Procter & Gamble.', ['Procter & Gamble:organization']],
    ['acronyms', 'He spoke to the BBC and to CNN.', ['BBC:organization', 'CNN:organization']],
    [
      'short form of an organisation seen in full',
      'Analysts at Meridian Capital Partners LLC expect growth. Meridian said profits rose.',
      ['Meridian Capital Partners LLC:organization', 'Meridian:organization'],
    ],
    [
      'place words and place prepositions',
      'Officials in Kharkiv Province said the Dnipro River had flooded near Zaporizhzhia.',
      ['Kharkiv Province:place', 'Dnipro River:place', 'Zaporizhzhia:place'],
    ],
    ['place prefixes', 'Residents of São Paulo and New Amsterdam cheered.', ['São Paulo:place', 'New Amsterdam:place']],
    ['compass words', 'Talks on the Middle East stalled.', ['Middle East:place']],
    // Persons by shape and by later mentions.
    [
      'particles inside a name',
      'Ludwig van Beethoven was born in Bonn, as was Osama bin Talal.',
      ['Ludwig van Beethoven:person', 'Bonn:place', 'Osama bin Talal:person'],
    ],
    [
      'a family name alone after the full name',
      'The company, founded by Priya Raman, is based in Pune. Raman declined to comment.',
      ['Priya Raman:person', 'Pune:place', 'Raman:person'],
    ],
    ['Unicode letters', 'Ángela Müller-Schmidt visited Łódź.', ['Ángela Müller-Schmidt:person', 'Łódź:unknown']],
    // What is not a name.
    ['days, months and sentence starts', 'On Monday, January 6, officials met. The talks resume in March.', []],
    ['"May" as a month and as a name', 'Theresa May said on 4 May that she would stay.', ['Theresa May:person']],
    ['products with model numbers, quoted titles', 'The Zephyr 300 jet flew. The "Blue Skies" tour ended.', []],
    ['nationality adjectives and plural nationalities', 'European leaders met Gazans and Indonesians.', []],
    ['one-word sentences', '"Done?" he asked. "Indeed."', []],
    ['currency codes', 'The deal is worth US$ 40 billion.', []],
    ['a name compounded with a participle', 'Rebels attacked Freedonia-backed militias.', ['Freedonia:unknown']],
    ['a lone word opening a sentence needs evidence', 'Internal emails leaked. Citing sources, he left.', []],
    [
      'evidence from elsewhere in the text',
      'Zorblax shares rose. Investors cheered Zorblax.',
      ['Zorblax:unknown', 'Zorblax:unknown'],
    ],
    // Datelines and shouting.
    ['ALL-CAPS dateline', 'JERUSALEM: Talks began on Monday.', ['JERUSALEM:place']],
    [
      'dateline with a region and an agency',
      'GAZA CITY, Gaza Strip (Agence) — Hamas said talks had stalled.',
      ['GAZA CITY:place', 'Gaza Strip:place', 'Agence:unknown', 'Hamas:unknown'],
    ],
    ['a shouted headline says nothing', 'BREAKING NEWS FROM THE CAPITAL TODAY\nThe Senate voted.', ['Senate:organization']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(show(findUnknownActors(text, []))).toEqual(expected);
  });

  it('gives offsets into the text', () => {
    const text = 'Yesterday Zoë Kowalczyk met Priya Raman.';
    for (const a of findUnknownActors(text, [])) expect(text.slice(a.start, a.end)).toBe(a.surface);
  });

  it('skips whatever overlaps a known mention', () => {
    const text = 'Amara Diallo met Tomas Berg in Freetown.';
    const known = [
      { start: 0, end: 12 },
      { start: 31, end: 34 },
    ];
    expect(show(findUnknownActors(text, known))).toEqual(['Tomas Berg:person']);
  });

  it('handles empty and symbol-only text', () => {
    expect(findUnknownActors('', [])).toEqual([]);
    expect(findUnknownActors('— … 123 !!', [])).toEqual([]);
  });
});
