/** What continues the body outside its container: scoring siblings, split paragraphs, a standfirst. */
import { isExcludedElement } from '../skip-rules';
import type { Candidate } from './scoring';
import { linkChars, textOf, textStats, type TextStats } from './text-measure';

/**
 * Siblings of the body that continue it, as Readability keeps them: containers that scored well enough,
 * and paragraphs of prose (text split around an inline ad or video, a lead paragraph set beside the body).
 */
export function continuingSiblings(
  top: Candidate,
  candidates: Map<Element, Candidate>,
  memo: Map<Element, TextStats>,
): Element[] {
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

/** Most paragraphs taken from between the headline and the body: a standfirst is one or two. */
const MAX_LEADS = 3;

/**
 * The lead: prose paragraphs after the headline and before the body, outside the body's container (a
 * standfirst set in the article's header, as many publishers do). Furniture there (bylines, share bars,
 * captions) stays out; the article's <header> itself does not count as furniture here.
 */
export function leadParagraphs(headline: Element | null, roots: readonly Element[]): Element[] {
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
