/**
 * Gathers the plain data findArticleDate (lib/core/article-date.ts) reads, from a live page (content
 * script) or a parsed one (the CLI, via linkedom). Reads only; never changes the document.
 */
import type { DateSignals } from '../core/article-date';
import { headOf } from './walker';

/** Meta tags worth passing on; the rest (descriptions, images) can be large and say nothing about dates. */
const DATE_META_RE = /date|time|pub|issued|created|modified|parsely/i;
const TEXT_HEAD = 400;
const MAX_TIMES = 200;
const DATE_CLASS_SELECTOR =
  '.date, .datestamp, .dateline, .published, .pubdate, .timestamp, .article-date, .post-date, .entry-date';
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

/** The first `max` characters of what a reader sees in `root` (no script or style text). */
function textHead(root: Element, max: number): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      // Only the head of a text node is read: one may hold megabytes.
      if (child.nodeType === 3) out += ` ${headOf(child as Text, max)}`.replace(/\s+/g, ' ');
      else if (child.nodeType === 1 && !SKIP_TAGS.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(root);
  return out.trim().slice(0, max);
}

/** Blocks inside an article whose dates are not the article's: an embedded video, a related story, a teaser. */
const OTHER_STORY_RE = /related|recommend|more-stories|teaser|promo|playlist|video/i;

/** Whether a date element inside the article belongs to something embedded in it rather than to the article. */
function isEmbedded(el: Element, root: Element): boolean {
  for (let e = el.parentElement; e && e !== root; e = e.parentElement) {
    if (/^(FIGURE|ASIDE|VIDEO|AUDIO)$/.test(e.tagName.toUpperCase())) return true;
    if (OTHER_STORY_RE.test(`${e.getAttribute('class') ?? ''} ${e.id}`)) return true;
  }
  return false;
}

function guessArticleRoot(doc: Document): Element | null {
  return doc.querySelector('article, [itemprop="articleBody"], main, [role="main"]');
}

function pageUrl(doc: Document): string | undefined {
  const own = doc.location?.href ?? doc.URL;
  if (own && /^https?:/i.test(own)) return own;
  // A saved or parsed page has no real location; the canonical link still names the article.
  const canonical =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return canonical ?? undefined;
}

export function collectDateSignals(doc: Document, articleRoot?: Element): DateSignals {
  const root = articleRoot ?? guessArticleRoot(doc);
  const meta: DateSignals['meta'] = [];
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content');
    const name = el.getAttribute('name') ?? undefined;
    const property = el.getAttribute('property') ?? undefined;
    const itemprop = el.getAttribute('itemprop') ?? undefined;
    if (content === null || !DATE_META_RE.test(`${name ?? ''} ${property ?? ''} ${itemprop ?? ''}`)) continue;
    meta.push({ name, property, itemprop, content });
  }
  // Microdata dates are often on <time> or <span>, not <meta>; they are passed on the same way.
  for (const el of doc.querySelectorAll('[itemprop]:not(meta)')) {
    const itemprop = el.getAttribute('itemprop') ?? '';
    if (!/^date(Published|Modified|Created)$/i.test(itemprop)) continue;
    const content = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '';
    meta.push({ itemprop, content: content.trim().slice(0, 100) });
  }

  const jsonLd = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? '');

  // Many sites print the date in a plain element named for it (<span class="date">) rather than <time>.
  const timeEls = [...doc.querySelectorAll('time'), ...doc.querySelectorAll(DATE_CLASS_SELECTOR)].slice(0, MAX_TIMES);
  const times = timeEls.map((el) => ({
    datetime: el.getAttribute('datetime') ?? undefined,
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
    inArticle: root !== null && root.contains(el) && !isEmbedded(el, root),
  }));

  const text = root ? textHead(root, TEXT_HEAD) : undefined;
  return { meta, jsonLd, times, url: pageUrl(doc), text };
}
