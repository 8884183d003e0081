/** The first half of finding the article: every container gets the votes of the prose under it. */
import { hasFurnitureClass, isExcludedElement, isHardExcluded } from '../skip-rules';
import { jsonLdBodyStart } from '../json-ld-body';
import { linkTextLength } from './text-measure';
import { voters, type Voter } from './voters';

const POSITIVE_RE = /article|body|content|entry|main|page|post|text|blog|story|prose|rich-?text/i;
const NEGATIVE_RE =
  /hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|stream|summary|card|feed|river|recirc|trending|list/i;
const MIN_PARAGRAPH = 25;

export interface Candidate {
  el: Element;
  score: number;
}

/** Characters of scored paragraph text under each element (every ancestor, not only the nearest five). */
export type ProseChars = Map<Element, number>;

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

/**
 * Paragraph votes added one voter at a time: the content script feeds it in slices (a long page's
 * voters took 60–130 ms in one task, bench/corpus-longest-task.ts); the CLI all at once (scoreArticle).
 */
export class ArticleScorer {
  private readonly candidates = new Map<Element, Candidate>();
  private readonly prose: ProseChars = new Map();
  private readonly excluded = furnitureCheck();
  private readonly ldStart: string | null;

  constructor(private readonly doc: Document) {
    this.ldStart = jsonLdBodyStart(doc);
  }

  add({ el: p, text, links, container, prose: isProse }: Voter): void {
    if (text.length < MIN_PARAGRAPH || this.excluded(p)) return;
    const linkDensity = Math.min(1, (links < 0 ? linkTextLength(p) : links) / text.length);
    let points = (1 + text.split(/[,،、，]/).length - 1 + Math.min(Math.floor(text.length / 100), 3)) * (1 - linkDensity);
    // The paragraph that opens the article body JSON-LD describes: a strong vote for its container.
    if (this.ldStart && text.startsWith(this.ldStart)) points += 50;
    if (isProse && linkDensity < 0.3)
      for (let a = container; a; a = a.parentElement) this.prose.set(a, (this.prose.get(a) ?? 0) + text.length);
    let el = container;
    for (let level = 0; el && level < 5; level++, el = el.parentElement) {
      // The body is a candidate, as in Readability: a hand-written page sets its article straight in <body>
      // beside a table or two (jwz's table-style-attributes), and nothing else holds all of it.
      if (el === this.doc.documentElement) break;
      let c = this.candidates.get(el);
      if (!c) {
        c = { el, score: initialScore(el) };
        this.candidates.set(el, c);
      }
      c.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }

  get scores(): ArticleScores {
    return { candidates: this.candidates, prose: this.prose };
  }
}

/** Paragraph votes, the first half of finding the article (the content script runs each half in its own task). */
export interface ArticleScores {
  candidates: Map<Element, Candidate>;
  prose: ProseChars;
}

export function scoreArticle(doc: Document): ArticleScores {
  const scorer = new ArticleScorer(doc);
  for (const voter of voters(doc)) scorer.add(voter);
  return scorer.scores;
}
