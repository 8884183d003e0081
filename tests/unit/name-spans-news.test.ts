import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import { findArticleNames } from '../../lib/core/names/article-names';
import { markedUnknowns } from '../../lib/core/actor-profiles';
import { entity } from './support/test-entity';

const spans = (text: string) => findArticleNames([text])[0]!.map((n) => n.surface);

const index = buildMatchIndex([
  entity('trump', 'person', 'Donald Trump'),
  entity('bolojan', 'person', 'Ilie Bolojan'),
  entity('ro', 'country', 'Romania'),
  entity('pk', 'country', 'Pakistan'),
  entity('ro-court', 'government-body', 'Constitutional Court of Romania', {
    alternateName: [{ text: "Romania's Constitutional Court" }],
    related: ['ro'],
  }),
  entity('br-bank', 'government-body', 'Central Bank of Brazil', { alternateName: [{ text: "Brazil's central bank" }] }),
  entity('br', 'country', 'Brazil'),
  entity('ppp', 'organization', "Pakistan People's Party"),
]);
/** What a reader sees marked, known or not: "surface=entity" ("?" for an unknown name). */
const marks = (text: string) => {
  const a = annotateArticle(index, [text]);
  return [
    ...a.mentions[0]!.map((m) => ({ s: m.start, t: `${m.surface}=${m.entityId ?? '?'}` })),
    ...a.unknown[0]!.map((u) => ({ s: u.start, t: `${u.surface}=?` })),
  ]
    .sort((x, y) => x.s - y.s)
    .map((x) => x.t);
};

describe('titles stay outside the span of the name they stand before', () => {
  it('a title with "-elect", "-designate", "ex-" or "Vice-" is still a title', () => {
    expect(spans('President-elect Donald Trump met Prime Minister-designate Ilie Bolojan on Monday.')).toEqual([
      'Donald Trump',
      'Ilie Bolojan',
    ]);
    expect(spans('He thanked Vice-President Kamala Harris and ex-President Barack Obama.')).toEqual([
      'Kamala Harris',
      'Barack Obama',
    ]);
    expect(spans('As Commander-in-Chief Joe Biden spoke, Senator-elect Jim Banks listened.')).toEqual(['Joe Biden', 'Jim Banks']);
  });

  it('so the person a hyphenated title stands before is found and linked', () => {
    expect(marks('President-elect Donald Trump met Prime Minister-designate Ilie Bolojan.')).toEqual([
      'Donald Trump=trump',
      'Ilie Bolojan=bolojan',
    ]);
  });

  it('a role noun written after a name before "of" is not part of the name ("Denys Shmyhal Head of …")', () => {
    expect(spans('Prime Minister Denys Shmyhal Head of the government said so.')).toEqual(['Denys Shmyhal']);
    expect(spans('The White House Chief of staff left.')).toEqual(['White House']);
    // A bare title is still no name.
    expect(spans('The Vice President of the company resigned.')).toEqual([]);
  });
});

describe('a family name keeps its particle', () => {
  it('opens the name with "bin", "von der", "de", "da", "dos", "al" when no given name comes first', () => {
    expect(spans('The attack was planned by bin Laden in Kandahar.')).toEqual(['bin Laden', 'Kandahar']);
    expect(spans('EU chief von der Leyen said the plan was ready.')).toEqual(['EU', 'von der Leyen']);
    expect(spans('She met de Gaulle and spoke with da Silva, dos Santos and al Sisi.')).toEqual([
      'de Gaulle',
      'da Silva',
      'dos Santos',
      'al Sisi',
    ]);
  });

  it('never leaves the bare family name after a cut ("The bin Laden family")', () => {
    expect(spans('The bin Laden family denied it.')).toEqual(['bin Laden']);
    expect(spans('Osama bin Laden was killed in 2011.')).toEqual(['Osama bin Laden']);
  });

  it('"a van" before a name is the vehicle, and an acronym is no family name', () => {
    expect(spans('A van Ford had built drove by.')).not.toContain('van Ford');
    expect(spans('The report reached bin NATO officials.')).not.toContain('bin NATO');
  });
});

describe("a country's possessive before an institution is two names", () => {
  it('splits a known alias written with the possessive into the country and the institution', () => {
    expect(marks("Romania's Constitutional Court annulled the vote.")).toEqual(['Romania=ro', 'Constitutional Court=ro-court']);
  });

  it('keeps a possessive inside a name, and a description in lower case', () => {
    expect(marks("Pakistan People's Party won.")).toEqual(["Pakistan People's Party=ppp"]);
    expect(marks("Brazil's central bank raised rates.")).toEqual(["Brazil's central bank=br-bank"]);
  });
});

describe('small words inside a name', () => {
  it('"the" inside a campaign named by what it asks ("Stop the War Coalition", "Rock the Vote")', () => {
    expect(
      findArticleNames(['It was organised by the Stop the War Coalition and Rock the Vote.'])[0]!.map(
        (n) => `${n.surface}:${n.kind}`,
      ),
    ).toEqual(['Stop the War Coalition:organization', 'Rock the Vote:organization']);
    // After "for … and", such a name opens a second organisation.
    expect(spans('Groups included the Campaign for Nuclear Disarmament and Save the Children Fund.')).toEqual([
      'Campaign for Nuclear Disarmament',
      'Save the Children Fund',
    ]);
    // Not any verb: "Trump the Republican" is no name.
    expect(spans('Voters chose Trump the Republican over Harris.')).not.toContain('Trump the Republican');
  });

  it('a name with "of" between two known names is one name, not both ("House of Commons of Canada")', () => {
    const index2 = buildMatchIndex([
      entity('hoc', 'government-body', 'House of Commons'),
      entity('ca', 'country', 'Canada'),
      entity('wh', 'place', 'White House'),
      entity('biden', 'person', 'Joe Biden', { alternateName: [{ text: 'Biden' }] }),
      entity('ir', 'organization', 'Islamic Republic'),
    ]);
    const seen = (text: string) => {
      const a = annotateArticle(index2, [text]);
      return [...a.mentions[0]!.map((m) => `${m.surface}=${m.entityId}`), ...a.unknown[0]!.map((u) => `${u.surface}=?`)];
    };
    expect(seen('He ran for the House of Commons of Canada in 1997.')).toEqual(['House of Commons of Canada=?']);
    // Known names side by side still are: "the Biden White House"; and so are known names "of" joins where the
    // first is no generic institution: the reader keeps both links.
    expect(seen('Critics of the Biden White House spoke.')).toEqual(['Biden=biden', 'White House=wh']);
    expect(seen('Envoys of the Islamic Republic of Canada spoke.')).toEqual(['Islamic Republic=ir', 'Canada=ca']);
  });

  it('an electoral list is an organisation ("Service and Reform List")', () => {
    expect(findArticleNames(['The slate was called the Reform List in 2010.'])[0]!.map((n) => `${n.surface}:${n.kind}`)).toEqual([
      'Reform List:organization',
    ]);
  });
});

describe('what opens a sentence without being a name', () => {
  it('a compound adjective ("Far-right", "Pro-democracy"), and "party" after an abbreviation', () => {
    expect(spans('It won.\n\nFar-right AfD party achieves historic result')).toEqual(['AfD']);
    expect(spans('Pro-democracy ANC party members met.')).toEqual(['ANC']);
    // "the Green party": a party named in lower case after a word keeps its head.
    expect(spans('She joined the Green party in 1990.')).toEqual(['Green party']);
  });
});

describe('a lone name that does what only a person does', () => {
  const marked = (text: string) => markedUnknowns([text], findArticleNames([text]))[0]!.map((a) => `${a.surface}:${a.kind}`);

  it('is marked as a person ("Timbrell campaigned", "Kardash was re-elected")', () => {
    expect(marked('In the 2000 federal election Timbrell campaigned for a seat.')).toEqual(['Timbrell:person']);
    expect(marked('The vote was close. Kardash was re-elected in 1945.')).toEqual(['Kardash:person']);
    expect(marked('After the count Seawright finished second with 8,260 votes.')).toEqual(['Seawright:person']);
    expect(marked('Later Barnett won re-election again.')).toEqual(['Barnett:person']);
  });

  it('not with a verb an organisation does as often, nor after "the", nor a word that names nobody', () => {
    expect(marked('In 1992 Shinui merged with Ratz.')).toEqual([]);
    expect(marked('In 1983 the Liberals campaigned hard.')).toEqual([]);
    expect(marked('It was late. Nobody was elected that year.')).toEqual([]);
  });
});

describe('names the text says are places, and names that only look like a party and its candidate', () => {
  it('a place after "the riding of" or "the town of" keeps its title words ("Prince Edward - Hastings")', () => {
    expect(
      findArticleNames(['He stood in the riding of Prince Edward - Hastings In the 1997 election.'])[0]!.map(
        (n) => `${n.surface}:${n.kind}`,
      ),
    ).toEqual(['Prince Edward - Hastings:place']);
    expect(spans('She grew up in the town of Prince Albert.')).toEqual(['Prince Albert']);
  });

  it('"League of United Latin American Citizens" is one organisation, not a league and a person', () => {
    expect(spans('He served on the League of United Latin American Citizens for years.')).toEqual([
      'League of United Latin American Citizens',
    ]);
    // A party, its country, then its candidate still splits.
    expect(spans('He ran for the Liberal Party of Canada Frank Oliver in 1900.')).toContain('Frank Oliver');
  });
});
