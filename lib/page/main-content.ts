import { hasFurnitureClass, isExcludedElement, isHardExcluded, isInHardExcludedArea } from './skip-rules';
import { jsonLdBodyStart } from './json-ld-body';
import { headOf } from './walker';

/**
 * Finds the article in a page by text density, the way Readability does (paragraphs vote for their
 * parents, weighted by length and commas, discounted by link text), with two signals Readability lacks:
 * semantic landmarks (`itemprop=articleBody`, `<article>`) and the start of JSON-LD's `articleBody`.
 * Landmarks alone fail on real pages: teaser lists are `<article>`s too (aclu, nytimes, kxan), and a
 * `<main>` holds related links and sidebars. Measured on the 16 saved pages in ../shared/corpus/pages
 * (tests/e2e/pages.e2e.test.ts checks every page against a hand-checked body selector).
 */

export interface ArticleArea {
  /** Elements to annotate, in document order: the text body and the siblings that continue it. */
  roots: Element[];
  /** The headline, when it sits outside the body (usually in the article's header). */
  headline: Element | null;
  /**
   * Which signal decided: "density", "landmark" or "body" (nothing better found); "front" when the page is
   * a list of teasers (a home page, a section front): no article, nothing to read (docs/pages.md).
   */
  how: 'density' | 'landmark' | 'body' | 'front';
}

const POSITIVE_RE = /article|body|content|entry|main|page|post|text|blog|story|prose|rich-?text/i;
const NEGATIVE_RE =
  /hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|stream|summary|card|feed|river|recirc|trending|list/i;
const MIN_PARAGRAPH = 25;

interface Candidate {
  el: Element;
  score: number;
}

/** Characters of scored paragraph text under each element (every ancestor, not only the nearest five). */
type ProseChars = Map<Element, number>;

/**
 * Enough of one paragraph to score it: a paragraph's points stop growing at 300 characters, and a page
 * with megabytes in one paragraph must not cost a regex pass over all of it.
 */
const SCORED_CHARS = 10_000;

/**
 * The text a reader sees in an element (a paragraph, a cell, a section), whitespace folded, at most
 * SCORED_CHARS long. Not textContent: that includes the inline scripts and styles pages keep everywhere.
 */
function textOf(el: Element): string {
  let out = '';
  const walk = (node: Element): void => {
    for (let c = node.firstChild; c && out.length < SCORED_CHARS; c = c.nextSibling) {
      if (c.nodeType === 3) out += headOf(c as Text, SCORED_CHARS);
      else if (c.nodeType === 1 && !NOT_TEXT.has((c as Element).tagName)) walk(c as Element);
    }
  };
  walk(el);
  return out.slice(0, SCORED_CHARS).replace(/\s+/g, ' ').trim();
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

/**
 * Nodes looked at to measure one candidate's link density: far more than an article holds, so real pages
 * are measured whole; a page of 50,000 text nodes in one container is judged on a sample of it, in bounded
 * time, instead of a walk of everything in one task.
 */
const MAX_STATS_NODES = 25_000;

interface TextStats {
  text: number;
  links: number;
}

/**
 * Length of the text a reader could see under `el`, and how much of it is link text. Not textContent:
 * news pages keep megabytes of inline script inside their containers, and copying it all is slow.
 * Candidates nest (a paragraph's parent, its parent…): with `memo`, an outer one adds up what was counted
 * under an inner one instead of walking it again, which halves the work on a page of 50,000 text nodes.
 */
function textStats(el: Element, memo?: Map<Element, TextStats>): TextStats {
  const known = memo?.get(el);
  if (known) return known;
  let text = 0;
  let links = 0;
  let budget = MAX_STATS_NODES;
  const walk = (node: Element, inLink: boolean): void => {
    for (let c = node.firstChild; c && budget > 0; c = c.nextSibling, budget--) {
      if (c.nodeType === 3) {
        // A huge node is counted whole, untrimmed: trimming would copy all of it first.
        const n = (c as Text).length > SCORED_CHARS ? (c as Text).length : (c as Text).data.trim().length;
        text += n;
        if (inLink) links += n;
      } else if (c.nodeType === 1 && !NOT_TEXT.has((c as Element).tagName)) {
        const isLink = inLink || (c as Element).tagName === 'A';
        const inner = memo?.get(c as Element);
        if (inner) {
          text += inner.text;
          links += isLink ? inner.text : inner.links;
        } else {
          walk(c as Element, isLink);
        }
      }
    }
  };
  walk(el, false);
  const stats = { text, links };
  memo?.set(el, stats);
  return stats;
}

/** How deep an element sits: inner candidates are measured first, so their ancestors reuse them. */
function depth(el: Element): number {
  let d = 0;
  for (let e = el.parentElement; e; e = e.parentElement) d++;
  return d;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += (a.textContent ?? '').trim().length;
  return n;
}

function classWeight(el: Element): number {
  const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
  let w = 0;
  if (NEGATIVE_RE.test(cls)) w -= 25;
  if (POSITIVE_RE.test(cls)) w += 25;
  return w;
}

function initialScore(el: Element): number {
  const tag = el.tagName.toUpperCase();
  let s = classWeight(el);
  if (tag === 'DIV' || tag === 'ARTICLE' || tag === 'SECTION' || tag === 'MAIN') s += 5;
  else if (tag === 'PRE' || tag === 'TD' || tag === 'BLOCKQUOTE') s += 3;
  else if (tag === 'OL' || tag === 'UL' || tag === 'DL' || tag === 'LI' || tag === 'FORM') s -= 3;
  const itemprop = el.getAttribute('itemprop') ?? '';
  if (/\barticleBody\b/i.test(itemprop)) s += 30;
  if (tag === 'ARTICLE' && el.querySelector('article') === null) s += 10;
  return s;
}

/** A run of prose that votes for its container: a paragraph, or text a page set without one. */
interface Voter {
  /** The element the text belongs to (for the furniture check). */
  el: Element;
  text: string;
  /** Characters of the text inside links. */
  links: number;
  /** The first element that gets the vote (level 0): the paragraph's parent, or the div around a loose run. */
  container: Element | null;
  /** Whether it counts as prose for lifting to a landmark (a section's or a cell's whole text does not). */
  prose: boolean;
}

/** Tags that make a div a container of blocks rather than a paragraph set as a div. */
const BLOCK_INSIDE = 'blockquote, dl, div, img, ol, p, pre, table, ul, section, article, h1, h2, h3, h4, h5, h6';
const PHRASING_BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DETAILS',
  'DIALOG',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'IMG',
  'VIDEO',
  'SVG',
  'svg',
]);

function linkChars(el: Element): number {
  let n = 0;
  for (const a of el.tagName === 'A' ? [el] : el.querySelectorAll('a')) n += (a.textContent ?? '').length;
  return n;
}

/**
 * The loose text of a div that also holds blocks: each run between its block children, or between two
 * line breaks in a row, reads as a paragraph (pages that set their text with <br><br> instead of <p>).
 */
function looseRuns(div: Element, out: Voter[]): void {
  let text = '';
  let links = 0;
  let lastWasBr = false;
  const flush = (): void => {
    const folded = text.replace(/\s+/g, ' ').trim();
    if (folded.length > 0) out.push({ el: div, text: folded, links, container: div, prose: true });
    text = '';
    links = 0;
  };
  for (let c = div.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      const t = headOf(c as Text, SCORED_CHARS);
      text += t;
      if (/\S/.test(t)) lastWasBr = false;
    } else if (c.nodeType === 1) {
      const el = c as Element;
      if (el.tagName === 'BR') {
        if (lastWasBr) flush();
        lastWasBr = true;
        text += ' ';
        continue;
      }
      lastWasBr = false;
      if (PHRASING_BLOCKS.has(el.tagName.toUpperCase())) flush();
      else if (text.length < SCORED_CHARS) {
        text += textOf(el);
        links += linkChars(el);
      }
    }
  }
  flush();
}

/**
 * Everything that votes, as Readability reads a page: paragraphs, cells, headings and sections by their
 * own text; a div holding no blocks is a paragraph set as a div; a div holding blocks votes with its
 * loose runs of text.
 */
function voters(doc: Document): Voter[] {
  const out: Voter[] = [];
  for (const el of doc.querySelectorAll('p, td, pre, section, h2, h3, h4, h5, h6')) {
    out.push({ el, text: textOf(el), links: -1, container: el.parentElement, prose: el.tagName === 'P' });
  }
  for (const div of doc.querySelectorAll('div')) {
    if (div.querySelector(BLOCK_INSIDE) === null)
      out.push({ el: div, text: textOf(div), links: -1, container: div.parentElement, prose: true });
    else looseRuns(div, out);
  }
  return out;
}

/** Memoised "is this element, or an ancestor, furniture", so each ancestor chain is checked once. */
function furnitureCheck(): (el: Element) => boolean {
  const memo = new Map<Element, boolean>();
  const check = (el: Element | null): boolean => {
    if (!el) return false;
    const known = memo.get(el);
    if (known !== undefined) return known;
    // Class-based furniture only counts on small elements: a body classed "js-social-anchor" is still the body.
    const own = isHardExcluded(el) || (isExcludedElement(el) && !(hasFurnitureClass(el) && el.querySelectorAll('p').length > 5));
    const result = own || check(el.parentElement);
    memo.set(el, result);
    return result;
  };
  return check;
}

function score(doc: Document, prose: ProseChars): Map<Element, Candidate> {
  const candidates = new Map<Element, Candidate>();
  const excluded = furnitureCheck();
  const ldStart = jsonLdBodyStart(doc);
  for (const { el: p, text, links, container, prose: isProse } of voters(doc)) {
    if (text.length < MIN_PARAGRAPH || excluded(p)) continue;
    const linkDensity = Math.min(1, (links < 0 ? linkTextLength(p) : links) / text.length);
    let points = (1 + text.split(/[,،、，]/).length - 1 + Math.min(Math.floor(text.length / 100), 3)) * (1 - linkDensity);
    // The paragraph that opens the article body JSON-LD describes: a strong vote for its container.
    if (ldStart && text.startsWith(ldStart)) points += 50;
    if (isProse && linkDensity < 0.3)
      for (let a = container; a; a = a.parentElement) prose.set(a, (prose.get(a) ?? 0) + text.length);
    let el = container;
    for (let level = 0; el && level < 5; level++, el = el.parentElement) {
      if (el === doc.body || el === doc.documentElement) break;
      let c = candidates.get(el);
      if (!c) {
        c = { el, score: initialScore(el) };
        candidates.set(el, c);
      }
      c.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  return candidates;
}

/**
 * A body split over several containers inside one article landmark (the Telegraph's components, one per
 * few paragraphs) is the whole landmark: lift to the nearest `itemprop=articleBody` or lone `<article>`
 * around the best container when that holds clearly more prose.
 */
function liftToLandmark(top: Element, prose: ProseChars, memo: Map<Element, TextStats>): Element {
  const own = prose.get(top) ?? 0;
  for (let a = top.parentElement; a; a = a.parentElement) {
    const isLandmark =
      /\barticleBody\b/i.test(a.getAttribute('itemprop') ?? '') || (a.tagName === 'ARTICLE' && !a.querySelector('article'));
    if (!isLandmark) continue;
    if (isHardExcluded(a) || (prose.get(a) ?? 0) < own * 1.3) return top;
    const { text, links } = textStats(a, memo);
    return links / Math.max(1, text) < 0.3 ? a : top;
  }
  return top;
}

/**
 * Siblings of the body that continue it, as Readability keeps them: containers that scored well enough,
 * and paragraphs of prose (text split around an inline ad or video, a lead paragraph set beside the body).
 */
function continuingSiblings(top: Candidate, candidates: Map<Element, Candidate>, memo: Map<Element, TextStats>): Element[] {
  const parent = top.el.parentElement;
  if (!parent || parent === top.el.ownerDocument.body) return [top.el];
  const threshold = Math.max(10, top.score * 0.2);
  const topClass = top.el.getAttribute('class') ?? '';
  const roots: Element[] = [];
  for (const sib of parent.children) {
    if (sib === top.el) {
      roots.push(sib);
      continue;
    }
    if (isExcludedElement(sib)) continue;
    const c = candidates.get(sib);
    const bonus = topClass !== '' && sib.getAttribute('class') === topClass ? top.score * 0.2 : 0;
    const { text, links } = textStats(sib, memo);
    const density = links / Math.max(1, text);
    if (c && c.score + bonus >= threshold && density < 0.25) roots.push(sib);
    else if (sib.tagName === 'P' && isProseParagraph(textOf(sib), density)) roots.push(sib);
  }
  return roots;
}

/** A paragraph that reads as prose on its own: long and unlinked, or a short full sentence. */
function isProseParagraph(text: string, linkDensity: number): boolean {
  if (text.length > 80) return linkDensity < 0.25;
  return text.length > 0 && linkDensity === 0 && /\.( |$)/.test(text);
}

/** How many of the best candidates must share an ancestor for it to be the article (a body in parts). */
const PARTS_TO_JOIN = 3;

/**
 * Readability's climb from the best container: to the ancestor several near-best candidates share (an
 * article in parts: steps, chapters, sections of equal weight), to a parent that scores higher, and past
 * wrappers that hold nothing else.
 */
function climb(top: Candidate, runnersUp: Candidate[], score: (el: Element) => number | null): Candidate {
  const body = top.el.ownerDocument.body;
  const near = runnersUp.filter((c) => c.score >= top.score * 0.75).map((c) => c.el);
  let best = top;
  if (near.length >= PARTS_TO_JOIN) {
    for (let a = top.el.parentElement; a && a !== body; a = a.parentElement) {
      if (near.filter((el) => a.contains(el)).length >= PARTS_TO_JOIN) {
        best = { el: a, score: Math.max(score(a) ?? 0, top.score) };
        break;
      }
    }
  }
  let last = best.score;
  const floor = best.score / 3;
  for (let a = best.el.parentElement; a && a !== body; a = a.parentElement) {
    const s = score(a);
    if (s === null) continue;
    if (s < floor) break;
    if (s > last) {
      best = { el: a, score: s };
      break;
    }
    last = s;
  }
  for (let a = best.el.parentElement; a && a !== body && a.children.length === 1; a = a.parentElement) {
    best = { el: a, score: score(a) ?? best.score };
  }
  return best;
}

/** Teasers per front at least, and the most prose per teaser: a story's own text runs far longer. */
const MIN_TEASERS = 5;
const MAX_TEASER_PROSE = 400;

/**
 * Whether an area is a list of teasers, as on a home page or a section front: many headlines that are
 * links, each with a line or two of text, rather than one story. An article with a few related links
 * inside has far more prose per linked headline.
 */
function isTeaserList(roots: readonly Element[], memo: Map<Element, TextStats>): boolean {
  let teasers = 0;
  let prose = 0;
  for (const root of roots) {
    for (const h of root.querySelectorAll('h1, h2, h3, h4')) {
      const text = textOf(h);
      if (text.length > 0 && (h.closest('a') !== null || linkChars(h) >= text.length * 0.8)) teasers++;
    }
    const { text, links } = textStats(root, memo);
    prose += text - links;
  }
  return teasers >= MIN_TEASERS && prose / teasers < MAX_TEASER_PROSE;
}

/** Most paragraphs taken from between the headline and the body: a standfirst is one or two. */
const MAX_LEADS = 3;

/**
 * The lead: prose paragraphs after the headline and before the body, outside the body's container (a
 * standfirst set in the article's header, as many publishers do). Furniture there (bylines, share bars,
 * captions) stays out; the article's <header> itself does not count as furniture here.
 */
function leadParagraphs(headline: Element | null, roots: readonly Element[]): Element[] {
  const first = roots[0];
  if (!headline || !first) return [];
  let scope = headline.parentElement;
  while (scope && !scope.contains(first)) scope = scope.parentElement;
  if (!scope) return [];
  const leads: Element[] = [];
  let afterHeadline = false;
  // Depth first in document order, from the headline's and the body's shared container to the body.
  const stack: Element[] = [scope];
  while (stack.length > 0 && leads.length < MAX_LEADS) {
    const el = stack.pop()!;
    if (el === first) break;
    if (el === headline) {
      afterHeadline = true;
      continue;
    }
    if (el.tagName === 'P') {
      if (afterHeadline && isLead(el, scope)) leads.push(el);
      continue;
    }
    if (el.contains(first) || el.contains(headline) || afterHeadline) {
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
    }
  }
  return leads;
}

function isLead(p: Element, scope: Element): boolean {
  for (let e: Element | null = p; e && e !== scope; e = e.parentElement) {
    if (e.tagName !== 'HEADER' && isExcludedElement(e)) return false;
  }
  const text = textOf(p);
  return text.length > 80 && linkChars(p) / text.length < 0.25;
}

const FRONT: ArticleArea = { roots: [], headline: null, how: 'front' };

/** The headline: a visible h1 not inside navigation or forms, the one whose words best match the page title. */
function findHeadline(doc: Document, roots: readonly Element[]): Element | null {
  const title = (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.title).toLowerCase();
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of doc.querySelectorAll('h1')) {
    if (roots.some((r) => r.contains(h)) || isInHardExcludedArea(h) || h.closest('nav, form, aside, footer, [role="navigation"]'))
      continue;
    const text = textOf(h).toLowerCase();
    if (text.length < 8) continue;
    const words = text.split(/\s+/);
    const shared = words.filter((w) => title.includes(w)).length / words.length;
    if (shared > bestScore) {
      best = h;
      bestScore = shared;
    }
  }
  return bestScore >= 0.5 ? best : null;
}

/** Paragraph votes, the first half of finding the article (the content script runs each half in its own task). */
export interface ArticleScores {
  candidates: Map<Element, Candidate>;
  prose: ProseChars;
}

export function scoreArticle(doc: Document): ArticleScores {
  const prose: ProseChars = new Map();
  return { candidates: score(doc, prose), prose };
}

/** The second half: the best candidate after link density, lifted to its landmark, with its headline. */
export function pickArticle(
  doc: Document,
  { candidates, prose }: ArticleScores,
  isVisible: (el: Element) => boolean = () => true,
): ArticleArea {
  // Link density is only worth measuring on the few candidates that could still win.
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, 8);
  const best = ranked[0]?.score ?? 0;
  const eligible = ranked.filter((c) => c.score >= best / 2 && isVisible(c.el));
  const memo = new Map<Element, TextStats>();
  const deepestFirst = eligible.map((c) => ({ el: c.el, depth: depth(c.el) })).sort((a, b) => b.depth - a.depth);
  for (const { el } of deepestFirst) textStats(el, memo);
  const adjusted = (el: Element): number | null => {
    const c = candidates.get(el);
    if (!c) return null;
    const { text, links } = textStats(el, memo);
    return c.score * (1 - Math.min(1, links / Math.max(1, text)));
  };
  const top5 = eligible
    .map((c) => ({ el: c.el, score: adjusted(c.el)! }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  if (top5[0] && top5[0].score >= 5) {
    const top = climb(top5[0], top5.slice(1), adjusted);
    const lifted = liftToLandmark(top.el, prose, memo);
    const roots = lifted === top.el ? continuingSiblings(top, candidates, memo) : [lifted];
    if (isTeaserList(roots, memo)) return FRONT;
    const headline = findHeadline(doc, roots);
    return { roots: [...leadParagraphs(headline, roots), ...roots], headline, how: 'density' };
  }
  const landmark = doc.querySelector('[itemprop~="articleBody"], article, main, [role="main"]');
  if (landmark && !isInHardExcludedArea(landmark)) {
    if (isTeaserList([landmark], memo)) return FRONT;
    return { roots: [landmark], headline: findHeadline(doc, [landmark]), how: 'landmark' };
  }
  const body = doc.body ?? doc.documentElement;
  if (isTeaserList([body], memo)) return FRONT;
  return { roots: [body], headline: null, how: 'body' };
}

/** The article's text body, its continuation and its headline. */
export function findArticleArea(doc: Document, isVisible: (el: Element) => boolean = () => true): ArticleArea {
  return pickArticle(doc, scoreArticle(doc), isVisible);
}

/** What Gloss reads of an article, in the order the content script and the CLI walk it: headline, then body. */
export function articleElements(area: ArticleArea): Element[] {
  return area.headline ? [area.headline, ...area.roots] : [...area.roots];
}
