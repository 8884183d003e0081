import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { countrylessForms } from '../../lib/core/country-bodies';
import { buildMatchIndex } from '../../lib/core/match-index';
import { entity } from './support/test-entity';

const index = buildMatchIndex([
  entity('c:ro', 'country', 'Romania'),
  entity('c:kr', 'country', 'South Korea'),
  entity('c:us', 'country', 'United States'),
  entity('c:ph', 'country', 'Philippines'),
  entity('p:ro-pm', 'person', 'Ion Marin', { related: ['c:ro'] }),
  entity('g:ro-cc', 'government-body', 'Constitutional Court of Romania', {
    alternateName: [{ text: "Romania's Constitutional Court" }],
    related: ['c:ro'],
  }),
  entity('g:kr-cc', 'government-body', 'Constitutional Court of Korea', { related: ['c:kr'] }),
  entity('g:ph-senate', 'government-body', 'Senate of the Philippines', { related: ['c:ph'] }),
  entity('g:us-senate', 'government-body', 'United States Senate', {
    alternateName: [{ text: 'Senate' }],
    related: ['c:us'],
  }),
]);
const links = (...blocks: string[]) =>
  annotateArticle(index, blocks)
    .mentions.flat()
    .filter((m) => /Court|Senate/u.test(m.surface))
    .map((m) => `${m.surface}=${m.entityId ?? '?'}`);

describe("a country's state body named without the country", () => {
  it('is the body of the one country the article is about, where the knowledge base names it with the country', () => {
    expect(
      links(
        'Romania held a vote. Prime Minister Ion Marin said Romania would appeal.',
        'The Constitutional Court annulled the election.',
      ),
    ).toEqual(['Constitutional Court=g:ro-cc']);
    expect(
      links('The Philippines impeached its vice president, and the Philippines awaits the trial.', 'The Senate will hold it.'),
    ).toEqual(['Senate=g:ph-senate']);
  });

  it('is the body of the only country the article shows, even shown once', () => {
    expect(links('Prime Minister Ion Marin spoke.', 'The Constitutional Court annulled the election.')).toEqual([
      'Constitutional Court=g:ro-cc',
    ]);
  });

  it('is no body at all without a clear country, and never the US body in an article about another country', () => {
    expect(links('The Constitutional Court annulled the election.')).toEqual([]);
    expect(links('Romania and South Korea held votes. The Constitutional Court annulled one.')).toEqual([]);
    expect(
      links('The Philippines impeached its vice president, and the Philippines awaits the trial.', 'The Senate will hold it.'),
    ).not.toContain('Senate=g:us-senate');
  });

  it('strips the country from a name in each way names carry it', () => {
    expect(countrylessForms('Constitutional Court of Romania')).toEqual(['Constitutional Court']);
    expect(countrylessForms("Romania's Constitutional Court")).toEqual(['Constitutional Court']);
    expect(countrylessForms('Romanian Constitutional Court')).toEqual(['Constitutional Court']);
    expect(countrylessForms('Senate of the Philippines')).toEqual(['Senate']);
    expect(countrylessForms('Supreme Court of Justice of the Nation')).toEqual(['Supreme Court', 'Supreme Court of Justice']);
    expect(countrylessForms('House of Representatives of the Philippines')).toEqual(['House of Representatives']);
    expect(countrylessForms('Cabinet of the United States')).toEqual(['Cabinet']);
    expect(countrylessForms('Federal Reserve Bank of New York')).toEqual([]);
  });
});

describe('a generic name of a body the article named in full before it', () => {
  const doj = buildMatchIndex([
    entity('c:mx', 'country', 'Mexico'),
    entity('c:us', 'country', 'United States'),
    entity('p:mx', 'person', 'Rosa Icela', { related: ['c:mx'] }),
    entity('g:doj', 'government-body', 'United States Department of Justice', {
      alternateName: [{ text: 'Justice Department' }],
      related: ['c:us'],
    }),
  ]);
  const marks = (...blocks: string[]) =>
    annotateArticle(doj, blocks)
      .mentions.flat()
      .filter((m) => m.surface.includes('Justice'))
      .map((m) => `${m.surface}=${m.entityId ?? '?'}`);

  it('is that body in an article mostly about another country', () => {
    expect(
      marks(
        'Mexico sent 29 suspects north. Rosa Icela said Mexico acted alone.',
        'The United States Department of Justice said the men face charges.',
        'Mexico acted in response to the Justice Department’s efforts.',
      ),
    ).toEqual(['United States Department of Justice=g:doj', 'Justice Department=g:doj']);
  });

  it('is not linked so where the full name comes only after it', () => {
    expect(
      marks(
        'Mexico sent 29 suspects north. Rosa Icela said Mexico acted alone.',
        'Mexico acted in response to the Justice Department’s efforts.',
        'The United States Department of Justice said the men face charges.',
      ),
    ).toEqual(['United States Department of Justice=g:doj']);
  });
});
