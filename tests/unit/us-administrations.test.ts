/**
 * The presidential administrations of the built packs, through the article annotator: news writes "the Trump
 * administration" for both of Trump's and "the Bush administration" for both Bushes', and only the article's
 * date tells them apart.
 */
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../lib/cli/load-pack';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildAdministrations } from '../../scripts/pack/us-administrations';
import type { Person } from '../../scripts/pack/us-congress';

const { index } = loadPack();
const linked = (text: string, date?: string): (string | null)[] =>
  annotateArticle(index, [text], date ? { date } : {})
    .mentions.flat()
    .filter((m) => /administration|White House/.test(m.surface))
    .map((m) => m.entityId ?? null);

describe('US administrations in the default set', () => {
  it('resolves "Trump administration" to the one in office on the article\'s date', () => {
    const text = 'Officials in the Trump administration announced new tariffs on steel.';
    expect(linked(text, '2018-06-01')).toEqual(['gloss:first-trump-administration']);
    expect(linked(text, '2025-03-01')).toEqual(['gloss:second-trump-administration']);
    // Between the two, the one that ended most recently: never one that began after the article.
    expect(linked(text, '2023-05-01')).toEqual(['gloss:first-trump-administration']);
    // A page with no date is most often recent news.
    expect(linked(text)).toEqual(['gloss:second-trump-administration']);
  });

  it('tells the two Bush administrations apart by date', () => {
    const text = 'Critics of the Bush administration spoke in Washington.';
    expect(linked(text, '1991-02-01')).toEqual(['gloss:george-h-w-bush-administration']);
    expect(linked(text, '2003-03-20')).toEqual(['gloss:george-w-bush-administration']);
  });

  it('links the administrations news names by surname', () => {
    expect(linked('The Obama administration signed the Iran deal.', '2015-07-14')).toEqual(['gloss:obama-administration']);
    expect(linked('The Biden administration sent aid to Ukraine.', '2022-05-01')).toEqual(['gloss:biden-administration']);
  });
});

describe('administrations from the executive file', () => {
  const person = (last: string, wikipedia: string, terms: [string, string][]): Person => ({
    id: { wikipedia },
    name: { first: 'X', last },
    terms: terms.map(([start, end]) => ({ type: 'prez', start, end, party: 'Republican' })),
  });

  it('joins consecutive terms, splits terms apart, and leaves the running one open', () => {
    const trump = person('Trump', 'Donald Trump', [
      ['2017-01-20', '2021-01-20'],
      ['2025-01-20', '2029-01-20'],
    ]);
    const nixon = person('Nixon', 'Richard Nixon', [
      ['1969-01-20', '1973-01-20'],
      ['1973-01-20', '1974-08-09'],
    ]);
    const got = buildAdministrations([nixon, trump], '2025-02-03');
    expect(got.map((e) => [e.name, e.roles?.[0]?.from, e.roles?.[0]?.to])).toEqual([
      ['Nixon administration', '1969-01-20', '1974-08-09'],
      ['First Trump administration', '2017-01-20', '2021-01-20'],
      ['Second Trump administration', '2025-01-20', undefined],
    ]);
    expect(got[1]!.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/First_presidency_of_Donald_Trump');
  });

  it('names two presidents of one surname in full, and leaves out a term that begins after the pack date', () => {
    const got = buildAdministrations(
      [
        person('Bush', 'George H. W. Bush', [['1989-01-20', '1993-01-20']]),
        person('Bush', 'George W. Bush', [['2001-01-20', '2005-01-20']]),
        person('Later', 'Someone Later', [['2029-01-20', '2033-01-20']]),
      ],
      '2025-02-03',
    );
    expect(got.map((e) => e.name)).toEqual(['George H. W. Bush administration', 'George W. Bush administration']);
    expect(got.every((e) => e.alternateName?.some((a) => a.text === 'Bush administration'))).toBe(true);
  });
});
