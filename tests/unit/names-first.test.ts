import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import { findArticleNames } from '../../lib/core/names/article-names';
import type { Entity } from '../../lib/pack/types';
import { entity } from './support/test-entity';

const entities: Entity[] = [
  entity('gaza', 'territory', 'Gaza Strip', { alternateName: [{ text: 'Gaza' }] }),
  entity('washington', 'place', 'Washington'),
  entity('us', 'country', 'United States', { alternateName: [{ text: 'U.S.' }, { text: 'US', case: 'exact' }] }),
  entity('georgia', 'country', 'Georgia'),
  entity('chad', 'country', 'Chad'),
  entity('chile', 'country', 'Chile'),
  entity('france', 'country', 'France'),
  entity('trump', 'person', 'Donald Trump', {
    alternateName: [{ text: 'Trump' }],
    roles: [
      { label: 'President of the United States', from: '2017-01-20', to: '2021-01-20' },
      { label: 'President of the United States', from: '2025-01-20' },
    ],
  }),
  entity('white-house', 'government-body', 'White House'),
];
const index = buildMatchIndex(entities);

/** "surface=entity" for known mentions and "surface:kind" for names the knowledge base lacks, in order. */
function marks(text: string, date?: string): string[] {
  const { mentions, unknown } = annotateArticle(index, [text], date ? { date } : {});
  return [
    ...mentions[0]!.map((m) => ({ at: m.start, s: `${m.surface}=${m.entityId ?? '?'}` })),
    ...unknown[0]!.map((u) => ({ at: u.start, s: `${u.surface}:${u.kind}` })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((x) => x.s);
}

describe('names first, then knowledge', () => {
  it.each([
    ['Gaza City', 'Residents of Gaza City fled south on Monday.', ['Gaza City:place']],
    ['Washington Post', 'The Washington Post reported the talks.', ['Washington Post:organization']],
    ['U.S. Steel', 'Shares in U.S. Steel rose after the ruling.', ['U.S. Steel:organization']],
    ['Georgia Power', 'Customers of Georgia Power lost electricity.', ['Georgia Power:organization']],
    ['Chad Johnson', 'The receiver Chad Johnson retired last year.', ['Chad Johnson:person']],
    ['Communist Party of Chile', 'The Communist Party of Chile joined the coalition.', ['Communist Party of Chile:organization']],
    ['Bank of France', 'The governor of the Bank of France spoke.', ['Bank of France:organization']],
  ])('an alias inside %s is not a mention of its own', (_name, text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it('still links the alias where it stands alone', () => {
    expect(marks('Supplies reached Gaza and Chad, and France sent money.')).toEqual(['Gaza=gaza', 'Chad=chad', 'France=france']);
  });

  it('keeps known names side by side, and a known name before "Cabinet" or "Administration"', () => {
    expect(marks('Members of the Trump Cabinet met at the White House.')).toEqual(['Trump=trump', 'White House=white-house']);
  });

  it('keeps titles outside the name', () => {
    expect(marks('Yesterday President Donald Trump spoke.')).toEqual(['Donald Trump=trump']);
    // A local title the word lists lacked made "Councillor Donald Trump" one unknown name, hiding the known one.
    expect(marks('Councillor Donald Trump said on Monday that the bridge would reopen.')).toEqual(['Donald Trump=trump']);
  });
});

describe('proper names of an article', () => {
  const names = (blocks: string[]) => findArticleNames(blocks).map((b) => b.map((n) => `${n.surface}:${n.kind}`));

  it('takes no names from title-case headings, headlines and captions unless the body names them', () => {
    const found = names([
      'Little Aid Reaches Gaza as Pregnant Women Wait',
      'Veteran Wraps Baby in Blanket',
      'Workers said supplies were short. The agency Mercy Corps asked for more.',
    ]);
    expect(found[0]).toEqual([]);
    expect(found[1]).toEqual([]);
    expect(found[2]).toEqual(['Mercy Corps:organization']);
  });

  it('takes a heading name the body also names', () => {
    expect(names(['Mercy Corps Appeals for Aid', 'Workers of Mercy Corps said supplies were short.'])[0]).toEqual([
      'Mercy Corps:organization',
    ]);
  });

  it('does not take groups of people for persons', () => {
    expect(names(['Many Arab Israeli voters and Somali American families came.'])[0]).toEqual([]);
  });

  it('keeps initials and particles inside a name', () => {
    expect(names(['The Council on Foreign Relations invited Robert M. Danin and George H.W. Bush.'])[0]).toEqual([
      'Council on Foreign Relations:organization',
      'Robert M. Danin:person',
      'George H.W. Bush:person',
    ]);
  });

  it.each([
    [
      '"of … and"',
      'It worked with the Party of Socialists and Democrats since 2002.',
      ['Party of Socialists and Democrats:organization'],
    ],
    [
      '"of … and … for"',
      'He joined the Alliance of Liberals and Democrats for Europe Party in 1993.',
      ['Alliance of Liberals and Democrats for Europe Party:organization'],
    ],
    ['"for a"', 'He later joined the Union for a Popular Movement.', ['Union for a Popular Movement:organization']],
    ['members "for"', 'They marched with Veterans for Peace on Sunday.', ['Veterans for Peace:organization']],
    [
      'French particles',
      'It merged with the Mouvement des Citoyens pour le Changement in 2002.',
      ['Mouvement des Citoyens pour le Changement:organization'],
    ],
    [
      'a possessive written apart',
      "They joined the European People 's Party , but left.",
      ["European People 's Party:organization"],
    ],
    ['a party in lower case', 'He stood for the Green party in the election.', ['Green party:organization']],
  ])('keeps connectors inside a name: %s', (_name, text, expected) => {
    expect(names([text])[0]).toEqual(expected);
  });

  it("keeps a party label or a party outside the candidate's name", () => {
    expect(names(['He lost to Liberal Stephen Owen, and Democrat Jimmy Carter won.'])[0]).toEqual([
      'Stephen Owen:person',
      'Jimmy Carter:person',
    ]);
    expect(names(['He won, defeating Ontario Liberal Party Joe Dickson and Liberal Party of Canada Frank Oliver.'])[0]).toEqual([
      'Ontario Liberal Party:organization',
      'Joe Dickson:person',
      'Liberal Party of Canada:organization',
      'Frank Oliver:person',
    ]);
  });

  it('does not merge two organisations joined by "and", nor talks "on" a place', () => {
    expect(names(['The Ministry of Defence and Home Office disagreed.'])[0]).toEqual([
      'Ministry of Defence:organization',
      'Home Office:organization',
    ]);
    expect(names(['Talks on the Middle East resumed.'])[0]).toEqual(['Middle East:place']);
  });

  it('does not merge two names joined by "and"', () => {
    expect(names(['She studied at Harvard and University of North Carolina.'])[0]).toEqual([
      'Harvard:unknown',
      'University of North Carolina:organization',
    ]);
  });
});

describe('evidence that scales', () => {
  const more: Entity[] = [
    ...entities,
    entity('kr', 'country', 'South Korea'),
    entity('us-dem', 'organization', 'Democratic Party', { related: ['us'] }),
    entity('yoon', 'person', 'Yoon Suk Yeol', { related: ['kr'] }),
    entity('trump-1', 'government-body', 'First Trump administration', {
      alternateName: [{ text: 'Trump administration' }],
      related: ['trump', 'us'],
      roles: [{ label: 'Administration of the United States', from: '2017-01-20', to: '2021-01-20' }],
    }),
    entity('trump-2', 'government-body', 'Second Trump administration', {
      alternateName: [{ text: 'Trump administration' }],
      related: ['trump', 'us'],
      roles: [{ label: 'Administration of the United States', from: '2025-01-20' }],
    }),
  ];
  const big = buildMatchIndex(more);
  const linked = (blocks: string[], date?: string) =>
    annotateArticle(big, blocks, date ? { date } : {}).mentions.flatMap((b) => b.map((m) => `${m.surface}=${m.entityId ?? '?'}`));

  it("does not take a Korean article's Democratic Party for the American one", () => {
    const korean = [
      'South Korea was in turmoil as Yoon Suk Yeol was impeached.',
      'The Democratic Party, the main opposition in South Korea, led the vote.',
    ];
    expect(linked(korean)).not.toContain('Democratic Party=us-dem');
    expect(linked(['In the United States, the Democratic Party lost the vote in the U.S. Senate.'])).toContain(
      'Democratic Party=us-dem',
    );
  });

  it('binds a Korean family name after the full name', () => {
    expect(linked(['Yoon Suk Yeol was arrested. Yoon denied the charges.'])).toEqual(['Yoon Suk Yeol=yoon', 'Yoon=yoon']);
  });

  it('resolves "Trump administration" to the one in office on the article\'s date', () => {
    const text = ['The Trump administration imposed tariffs.'];
    expect(linked(text, '2018-06-01')).toEqual(['Trump administration=trump-1']);
    expect(linked(text, '2025-03-01')).toEqual(['Trump administration=trump-2']);
    // Between the two, the one that ended most recently; never one that began after the article.
    expect(linked(text, '2023-05-01')).toEqual(['Trump administration=trump-1']);
    const onlySecond = buildMatchIndex(more.filter((e) => e.id !== 'trump-1'));
    expect(annotateArticle(onlySecond, text, { date: '2018-06-01' }).mentions[0]!.map((m) => m.entityId)).toEqual([]);
  });
});
