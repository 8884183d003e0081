/** What votes for the article's container: paragraphs, cells and headings, and the loose text of divs. */
import { headOf } from '../walker';
import { SCORED_CHARS, linkChars, textOf } from './text-measure';

/** A run of prose that votes for its container: a paragraph, or text a page set without one. */
export interface Voter {
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
export function* voters(doc: Document): Generator<Voter> {
  // One at a time, so the content script can spread the reading of a long page over several tasks.
  for (const el of doc.querySelectorAll('p, td, pre, section, h2, h3, h4, h5, h6')) {
    yield { el, text: textOf(el), links: -1, container: el.parentElement, prose: el.tagName === 'P' };
  }
  for (const div of doc.querySelectorAll('div')) {
    if (div.querySelector(BLOCK_INSIDE) === null)
      yield { el: div, text: textOf(div), links: -1, container: div.parentElement, prose: true };
    else {
      const runs: Voter[] = [];
      looseRuns(div, runs);
      yield* runs;
    }
  }
}
