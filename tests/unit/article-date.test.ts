import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticleDate, parseDate, type DateSignals } from '../../lib/core/article-date';
import { collectDateSignals } from '../../lib/page/date-signals';

const empty: DateSignals = { meta: [], jsonLd: [], times: [] };
const signals = (s: Partial<DateSignals>): DateSignals => ({ ...empty, ...s });
const ld = (o: unknown): string => JSON.stringify(o);

describe('parseDate', () => {
  const cases: [string, string | null][] = [
    ['2025-02-03', '2025-02-03'],
    ['2025-02-03T23:30:00-05:00', '2025-02-03'], // the publisher's day, not UTC's 2025-02-04
    ['2025-02-03T00:30:00+05:30', '2025-02-03'], // not UTC's 2025-02-02
    ['2019-01-03T07:00:02.000Z', '2019-01-03'],
    ['20250203', '2025-02-03'],
    ['Feb 3, 2025', '2025-02-03'],
    ['February 3rd, 2025 at 10:00', '2025-02-03'],
    ['3 February 2025', '2025-02-03'],
    ['Sept. 9, 2024', '2024-09-09'],
    ['Sat Dec 07 2024 01:36:42 GMT+0000 (UTC)', '2024-12-07'],
    ['Mon, 03 Feb 2025 10:00:00 GMT', '2025-02-03'],
    ['2025-02-30', null],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['03/02/2025', null], // day-month order is ambiguous
    ['February 3', null],
    ['2025', null],
    ['', null],
    ['yesterday', null],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('findArticleDate', () => {
  const cases: [string, DateSignals, { date: string; source: string } | null][] = [
    ['nothing', empty, null],
    [
      'article:published_time meta',
      signals({ meta: [{ property: 'article:published_time', content: '2024-05-06T08:00:00+02:00' }] }),
      { date: '2024-05-06', source: 'meta:article:published_time' },
    ],
    [
      'published meta wins over modified meta listed first',
      signals({
        meta: [
          { property: 'article:modified_time', content: '2024-05-09T08:00:00Z' },
          { property: 'article:published_time', content: '2024-05-06T08:00:00Z' },
        ],
      }),
      { date: '2024-05-06', source: 'meta:article:published_time' },
    ],
    [
      'og:published_time',
      signals({ meta: [{ property: 'og:published_time', content: '2023-11-30' }] }),
      { date: '2023-11-30', source: 'meta:og:published_time' },
    ],
    [
      'parsely-pub-date, case-insensitive name',
      signals({ meta: [{ name: 'Parsely-Pub-Date', content: '2022-01-15T12:00:00Z' }] }),
      { date: '2022-01-15', source: 'meta:parsely-pub-date' },
    ],
    [
      'parsely-page JSON',
      signals({ meta: [{ name: 'parsely-page', content: '{"title":"x","pub_date":"2021-07-04T10:00:00Z"}' }] }),
      { date: '2021-07-04', source: 'meta:parsely-page' },
    ],
    [
      'sailthru.date with a space',
      signals({ meta: [{ name: 'sailthru.date', content: '2020-03-01 09:15:00' }] }),
      { date: '2020-03-01', source: 'meta:sailthru.date' },
    ],
    [
      'DC.date.issued',
      signals({ meta: [{ name: 'DC.date.issued', content: '2016-02-01' }] }),
      { date: '2016-02-01', source: 'meta:dc.date.issued' },
    ],
    [
      'pubdate compact form',
      signals({ meta: [{ name: 'pubdate', content: '20190412' }] }),
      { date: '2019-04-12', source: 'meta:pubdate' },
    ],
    [
      'JSON-LD NewsArticle',
      signals({
        jsonLd: [ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2024-12-06T22:00:40Z' })],
      }),
      { date: '2024-12-06', source: 'json-ld:datePublished' },
    ],
    [
      'JSON-LD article beats a meta tag that holds the last edit',
      signals({
        meta: [{ property: 'article:published_time', content: '2024-12-07T12:43:39Z' }],
        jsonLd: [ld({ '@type': 'NewsArticle', datePublished: '2024-12-06T22:00:40Z', dateModified: '2024-12-07T12:43:39Z' })],
      }),
      { date: '2024-12-06', source: 'json-ld:datePublished' },
    ],
    [
      'JSON-LD in @graph, with a type array',
      signals({
        jsonLd: [ld({ '@graph': [{ '@type': 'WebSite' }, { '@type': ['ReportageNewsArticle'], datePublished: '2018-08-08' }] })],
      }),
      { date: '2018-08-08', source: 'json-ld:datePublished' },
    ],
    [
      'JSON-LD top-level array; BlogPosting',
      signals({
        jsonLd: [ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', datePublished: '2017-06-01T00:00:00' }])],
      }),
      { date: '2017-06-01', source: 'json-ld:datePublished' },
    ],
    [
      'JSON-LD of a video only is ignored',
      signals({ jsonLd: [ld({ '@type': 'VideoObject', datePublished: '2010-01-01' })] }),
      null,
    ],
    [
      'broken JSON-LD does not throw and the next script is read',
      signals({ jsonLd: ['{"@type": "NewsArticle", datePublished: ', ld({ '@type': 'Article', datePublished: '2015-05-05' })] }),
      { date: '2015-05-05', source: 'json-ld:datePublished' },
    ],
    [
      'JSON-LD wrapped in CDATA',
      signals({ jsonLd: [`<![CDATA[ ${ld({ '@type': 'NewsArticle', datePublished: '2014-04-04' })} ]]>`] }),
      { date: '2014-04-04', source: 'json-ld:datePublished' },
    ],
    [
      'itemprop datePublished',
      signals({ meta: [{ itemprop: 'datePublished', content: '2017-11-16T14:15+0000' }] }),
      { date: '2017-11-16', source: 'meta:datepublished' },
    ],
    [
      '<time> in the article, not one outside it',
      signals({
        times: [
          { datetime: '2011-01-01T10:00:00Z', text: 'related story', inArticle: false },
          { datetime: '2012-02-02T10:00:00Z', text: '2 Feb', inArticle: true },
        ],
      }),
      { date: '2012-02-02', source: 'time' },
    ],
    [
      '<time> text when there is no datetime attribute',
      signals({ times: [{ text: 'Published 8 January 2020, 3:51 pm', inArticle: true }] }),
      { date: '2020-01-08', source: 'time' },
    ],
    [
      'URL /yyyy/mm/dd/',
      signals({ url: 'https://example.com/world/2025/02/03/story-title/' }),
      { date: '2025-02-03', source: 'url' },
    ],
    ['URL /yyyy/mon/dd/', signals({ url: 'https://example.com/world/2019/jan/03/story' }), { date: '2019-01-03', source: 'url' }],
    ['URL compact', signals({ url: 'https://example.com/news/20250203/story.html' }), { date: '2025-02-03', source: 'url' }],
    ['URL ISO in slug', signals({ url: 'https://example.com/2025-02-03-story' }), { date: '2025-02-03', source: 'url' }],
    ['URL with a month only', signals({ url: 'https://example.com/2025/02/story' }), null],
    ['URL with an impossible date', signals({ url: 'https://example.com/2025/13/45/story' }), null],
    [
      'dateline month-day-year',
      signals({ text: 'By A. Writer | Feb 3, 2025 | LONDON — The story begins.' }),
      { date: '2025-02-03', source: 'dateline' },
    ],
    [
      'dateline day-month-year',
      signals({ text: 'Monday 3 February 2025. The story begins.' }),
      { date: '2025-02-03', source: 'dateline' },
    ],
    ['dateline without a year is skipped', signals({ text: 'LONDON, February 3 (Agency) - The story begins.' }), null],
    ['a date past the first 200 characters is not a dateline', signals({ text: `${'x '.repeat(120)}Feb 3, 2025` }), null],
    [
      'modified date is a last resort',
      signals({ meta: [{ property: 'article:modified_time', content: '2024-05-09T08:00:00Z' }] }),
      { date: '2024-05-09', source: 'meta:article:modified_time' },
    ],
    [
      'URL comes before a modified date',
      signals({ url: 'https://example.com/2024/05/06/x', meta: [{ property: 'article:modified_time', content: '2024-05-09' }] }),
      { date: '2024-05-06', source: 'url' },
    ],
    [
      '<time> outside the article only when all agree',
      signals({
        times: [
          { datetime: '2013-03-03', text: '', inArticle: false },
          { datetime: '2013-03-03T10:00', text: '', inArticle: false },
        ],
      }),
      { date: '2013-03-03', source: 'time:page' },
    ],
    [
      '<time> outside the article that disagree are ignored',
      signals({
        times: [
          { datetime: '2013-03-03', text: '', inArticle: false },
          { datetime: '2013-03-04', text: '', inArticle: false },
        ],
      }),
      null,
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(findArticleDate(input)).toEqual(expected);
  });
});

describe('collectDateSignals + findArticleDate on a page', () => {
  const page = (head: string, body: string): Document =>
    parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

  it('reads meta, JSON-LD, microdata, <time> and the canonical URL', () => {
    const doc = page(
      `<meta property="article:published_time" content="2021-03-04T05:06:07-05:00">
       <meta name="description" content="not a date">
       <link rel="canonical" href="https://example.com/2021/03/04/story">
       <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04"}</script>`,
      `<nav><time datetime="1999-01-01">old</time></nav>
       <article><p>By A. Writer</p><time datetime="2021-03-04T10:00">4 March</time>
       <span itemprop="datePublished" content="2021-03-04">March 4</span><script>var x = "Feb 1, 2000";</script>
       <p>Text of the story.</p></article>`,
    );
    const s = collectDateSignals(doc);
    expect(s.meta.map((m) => m.property ?? m.itemprop)).toEqual(['article:published_time', 'datePublished']);
    expect(s.jsonLd).toHaveLength(1);
    expect(s.times.map((t) => [t.datetime, t.inArticle])).toEqual([
      ['1999-01-01', false],
      ['2021-03-04T10:00', true],
    ]);
    expect(s.url).toBe('https://example.com/2021/03/04/story');
    expect(s.text).not.toContain('Feb 1, 2000');
    expect(findArticleDate(s)).toEqual({ date: '2021-03-04', source: 'json-ld:datePublished' });
  });

  it('uses a given article root and a plain element named "date"', () => {
    const doc = page(
      '',
      `<div class="story"><span class="date">8 January 2020, 3:51 pm</span></div><div class="date">1 May 2001</div>`,
    );
    const root = doc.querySelector('.story')!;
    expect(findArticleDate(collectDateSignals(doc, root))).toEqual({ date: '2020-01-08', source: 'time' });
  });

  it('finds nothing on a page without dates', () => {
    expect(findArticleDate(collectDateSignals(page('<title>x</title>', '<p>Hello</p>')))).toBeNull();
  });
});

describe('the article date on a page with embedded stories', () => {
  it("reads the article's own <time>, not an embedded video's or a related story's that come first", () => {
    const { document } = parseHTML(`<html><body><div class="story">
      <figure class="video"><video></video><time datetime="2019-05-01">1 May 2019</time></figure>
      <div class="related-stories"><time datetime="2020-02-02">2 February 2020</time></div>
      <p class="dateline"><time datetime="2025-02-03T21:30:00-05:00">3 February 2025</time></p>
      <p>Text of the story.</p></div></body></html>`);
    const root = document.querySelector('.story') as unknown as Element;
    expect(findArticleDate(collectDateSignals(document as unknown as Document, root))).toEqual({
      date: '2025-02-03',
      source: 'time',
    });
  });
});
