/**
 * Finds when an article was published, from plain data a page gives away (meta tags, JSON-LD, <time>
 * elements, the URL, a dateline). Pure: the DOM side that gathers these lives in lib/page/date-signals.ts.
 *
 * Time zones: we keep the calendar date the publisher wrote ("2019-01-03T02:00:02-0500" → 2019-01-03) and
 * never convert to UTC or to the reader's zone. The date is used to ask "who held which office on the day
 * of this story", and that day is the one printed on the page and in the newsroom's calendar; converting
 * an evening story in New York to UTC would move it to a day the publisher never wrote.
 */

export interface DateSignals {
  meta: { name?: string; property?: string; itemprop?: string; content: string }[];
  /** Raw texts of <script type="application/ld+json">. */
  jsonLd: string[];
  times: { datetime?: string; text: string; inArticle: boolean }[];
  url?: string;
  /** The start of the article's text, for a dateline. */
  text?: string;
}

export interface ArticleDate {
  /** YYYY-MM-DD. */
  date: string;
  /** Where it came from, e.g. "json-ld:datePublished", "meta:article:published_time", "url". */
  source: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Builds YYYY-MM-DD, or null for an impossible date or one outside the years news pages come from. */
function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_RE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`, 'i');
const MDY_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

/**
 * Reads one date as the page wrote it. ISO strings keep their own calendar date (see the file comment);
 * written dates need a day, a month name and a year ("Feb 3, 2025", "3 February 2025", and the
 * "Sat Dec 07 2024 01:36:42 GMT+0000" form JavaScript prints). Day-month order in "03/02/2025" differs
 * between countries, so all-number dates other than ISO are not guessed.
 */
export function parseDate(value: string): string | null {
  let m = ISO_RE.exec(value) ?? COMPACT_RE.exec(value);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = MDY_RE.exec(value);
  if (m) return ymd(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = DMY_RE.exec(value);
  if (m) return ymd(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  return null;
}

/** Meta names (lower case) that state the publication date, strongest first. */
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dc.date.created',
  'dcterms.created',
  'article.published',
  'publish-date',
  'publish_date',
  'publication_date',
  'pubdate',
  'date',
  'citation_publication_date',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'];

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'blogposting',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'report',
  'liveblogposting',
  'webpage',
]);

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^.*[/:]/, '').toLowerCase()));
}

/** Article nodes in one JSON-LD document, through arrays and @graph; WebPage only where no article is given. */
function articleNodes(root: unknown): Record<string, unknown>[] {
  const articles: Record<string, unknown>[] = [];
  const pages: Record<string, unknown>[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const obj = node as Record<string, unknown>;
    if (isArticleType(obj['@type'])) {
      const isPage = [obj['@type']].flat().every((t) => String(t).toLowerCase().endsWith('webpage'));
      (isPage ? pages : articles).push(obj);
    }
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    // An article can sit under a WebPage's mainEntity; related videos and lists elsewhere are skipped.
    if (obj.mainEntity) visit(obj.mainEntity, depth + 1);
  };
  visit(root, 0);
  return articles.length > 0 ? articles : pages;
}

function fromJsonLd(scripts: string[], key: 'datePublished' | 'dateModified'): string | null {
  for (const raw of scripts) {
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in HTML comments or CDATA; a page's broken JSON must not break us.
      data = JSON.parse(raw.replace(/^\s*(<!--|(\/\/\s*)?<!\[CDATA\[)/, '').replace(/(-->|(\/\/\s*)?\]\]>)\s*$/, ''));
    } catch {
      continue;
    }
    for (const node of articleNodes(data)) {
      const value = node[key];
      const date = typeof value === 'string' ? parseDate(value) : null;
      if (date) return date;
    }
  }
  return null;
}

function metaKey(m: DateSignals['meta'][number]): string {
  return (m.property ?? m.name ?? m.itemprop ?? '').trim().toLowerCase();
}

function fromMeta(meta: DateSignals['meta'], names: string[]): ArticleDate | null {
  for (const name of names) {
    for (const m of meta) {
      if (metaKey(m) !== name) continue;
      const date = parseDate(m.content);
      if (date) return { date, source: `meta:${name}` };
    }
  }
  return null;
}

/** Parse.ly puts its data in one JSON meta tag. */
function fromParsely(meta: DateSignals['meta']): ArticleDate | null {
  for (const m of meta) {
    if (metaKey(m) !== 'parsely-page') continue;
    try {
      const value = (JSON.parse(m.content) as { pub_date?: unknown }).pub_date;
      const date = typeof value === 'string' ? parseDate(value) : null;
      if (date) return { date, source: 'meta:parsely-page' };
    } catch {
      // Not JSON: ignore.
    }
  }
  return null;
}

function fromItemprop(meta: DateSignals['meta'], prop: string): ArticleDate | null {
  for (const m of meta) {
    if (m.itemprop?.trim().toLowerCase() !== prop.toLowerCase()) continue;
    const date = parseDate(m.content);
    if (date) return { date, source: `itemprop:${prop}` };
  }
  return null;
}

const URL_RES = [
  /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/, // /2025/02/03/
  /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(\d{1,2})(?:\/|$)/i, // /2025/feb/03/ (the Guardian)
  /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/, // 2025-02-03
  /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/, // /20250203/
];

function fromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  for (const re of URL_RES) {
    const m = re.exec(path);
    if (!m) continue;
    const month = /^\d+$/.test(m[2]!) ? +m[2]! : MONTHS[m[2]!.toLowerCase()];
    const date = month ? ymd(+m[1]!, month, +m[3]!) : null;
    if (date) return date;
  }
  return null;
}

/**
 * A dateline at the top of the text. Only a full date counts: "February 3 (Reuters)" has no year, and
 * guessing one would be wrong around New Year.
 */
function fromDateline(text: string): string | null {
  const head = text.slice(0, 200);
  const found = [MDY_RE.exec(head), DMY_RE.exec(head)].filter((m): m is RegExpExecArray => m !== null);
  found.sort((a, b) => a.index - b.index);
  return found.length > 0 ? parseDate(found[0]![0]) : null;
}

/**
 * The article's publication date, or null. Published dates win over modified ones. JSON-LD that types
 * itself as an article comes before page-level meta tags: it names the article it describes, whereas
 * CMSs often fill article:published_time with the time of the last edit (the meta then disagrees with
 * the byline the reader sees).
 */
export function findArticleDate(signals: DateSignals): ArticleDate | null {
  const ld = fromJsonLd(signals.jsonLd, 'datePublished');
  if (ld) return { date: ld, source: 'json-ld:datePublished' };
  const published =
    fromMeta(signals.meta, PUBLISHED_META) ?? fromParsely(signals.meta) ?? fromItemprop(signals.meta, 'datePublished');
  if (published) return published;

  const inArticle = signals.times.filter((t) => t.inArticle);
  for (const t of inArticle) {
    const date = parseDate(t.datetime ?? '') ?? parseDate(t.text);
    if (date) return { date, source: 'time' };
  }
  const fromPath = signals.url ? fromUrl(signals.url) : null;
  if (fromPath) return { date: fromPath, source: 'url' };
  const dateline = signals.text ? fromDateline(signals.text) : null;
  if (dateline) return { date: dateline, source: 'dateline' };

  // Last resorts: a modified date is later than publication but still near it; a <time> outside the
  // article counts only where every such element agrees (otherwise it is a list of other stories).
  const modifiedLd = fromJsonLd(signals.jsonLd, 'dateModified');
  if (modifiedLd) return { date: modifiedLd, source: 'json-ld:dateModified' };
  const modified = fromMeta(signals.meta, MODIFIED_META) ?? fromItemprop(signals.meta, 'dateModified');
  if (modified) return modified;
  const outside = new Set(
    signals.times
      .filter((t) => !t.inArticle)
      .map((t) => parseDate(t.datetime ?? '') ?? parseDate(t.text))
      .filter((d): d is string => d !== null),
  );
  if (outside.size === 1) return { date: [...outside][0]!, source: 'time:page' };
  return null;
}
