/** How much text a reader sees under an element, and how much of it is links: what every vote and check of the article finder measures. */

import { headOf } from '../walker';

/**
 * Enough of one paragraph to score it: a paragraph's points stop growing at 300 characters, and a page
 * with megabytes in one paragraph must not cost a regex pass over all of it.
 */
export const SCORED_CHARS = 10_000;

/**
 * The text a reader sees in an element (a paragraph, a cell, a section), whitespace folded, at most
 * SCORED_CHARS long. Not textContent: that includes the inline scripts and styles pages keep everywhere.
 */
export function textOf(el: Element): string {
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

export interface TextStats {
  text: number;
  links: number;
}

/**
 * Length of the text a reader could see under `el`, and how much of it is link text. Not textContent:
 * news pages keep megabytes of inline script inside their containers, and copying it all is slow.
 * Candidates nest (a paragraph's parent, its parent…): with `memo`, an outer one adds up what was counted
 * under an inner one instead of walking it again, which halves the work on a page of 50,000 text nodes.
 */
export function textStats(el: Element, memo?: Map<Element, TextStats>): TextStats {
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
export function depth(el: Element): number {
  let d = 0;
  for (let e = el.parentElement; e; e = e.parentElement) d++;
  return d;
}

export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += (a.textContent ?? '').trim().length;
  return n;
}

export function linkChars(el: Element): number {
  let n = 0;
  for (const a of el.tagName === 'A' ? [el] : el.querySelectorAll('a')) n += (a.textContent ?? '').length;
  return n;
}
