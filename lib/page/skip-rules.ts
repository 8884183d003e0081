/** Elements whose text is never prose to annotate. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'FORM',
  'LABEL',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MENU',
  'DIALOG',
  'MATH',
  // A caption describes a picture, not the story; its names (photographers, agencies) are not the article's.
  'FIGCAPTION',
]);

const SKIP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'form',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'alert',
  'status',
  'log',
  'marquee',
  'timer',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'tablist',
  'tooltip',
  'code',
]);

/**
 * Class or id words that mark page furniture rather than the article, matched as whole words of a class
 * name split at spaces, "-" and "_" ("article-share" has "share"; "shareholder" has not). A set lookup per
 * word: a regex alternation over every class of a page with atomic CSS (yahoo) costs milliseconds.
 */
const FURNITURE_WORDS = new Set(
  `ad ads advert advertisement adslot sponsor sponsored promo related newsletter subscribe signup comment comments
  disqus sidebar nav navbar menu breadcrumb breadcrumbs footer masthead cookie consent paywall popup modal outbrain
  taboola mostread trending recirc recommended most-read more-stories`.split(/\s+/),
);

/**
 * Words that name small furniture: a share bar, a byline, a credit line, a "read more" button. A large
 * block of prose carrying one is the article itself: a "read-more" container that holds the rest of the
 * story, a section whose id was made from its heading ("sharing-with-a-single-developer").
 */
const SMALL_FURNITURE_WORDS = new Set(
  `caption share sharing social byline author dateline signature writtenby timestamp meta credit credits
  tags toolbar pagination author-bio sr-only visually-hidden screen-reader-text`.split(/\s+/),
);

/**
 * Words of a "read more" control. The control is a button or a link; an element so named that holds a
 * paragraph of prose is where the page put the rest of the story, however short that rest is.
 */
const CONTINUATION_WORDS = new Set(['readmore', 'read-more']);

/** Past this much text, an element named for small furniture is taken for prose (Readability's share rule). */
const SMALL_FURNITURE_CHARS = 500;

type FurnitureWord = 'large' | 'small' | 'continuation' | null;

/** Whether any word of a class list (or a run of two or three words, "most-read") is a furniture word. */
function furnitureWord(classes: string): FurnitureWord {
  const words = classes.toLowerCase().split(/[\s_-]+/);
  let found: FurnitureWord = null;
  const check = (w: string): void => {
    if (FURNITURE_WORDS.has(w)) found = 'large';
    else if (found !== 'small' && SMALL_FURNITURE_WORDS.has(w)) found = 'small';
    else if (found === null && CONTINUATION_WORDS.has(w)) found = 'continuation';
  };
  for (let i = 0; i < words.length && found !== 'large'; i++) {
    const w = words[i]!;
    if (w.length < 2) continue;
    check(w);
    const next = words[i + 1];
    if (next) {
      check(`${w}-${next}`);
      check(`${w}${next}`);
    }
    const third = words[i + 2];
    if (next && third) check(`${w}-${next}-${third}`);
  }
  return found;
}

/** Whether an element holds more than `max` characters of text (stops counting there). */
function holdsMoreText(el: Element, max: number): boolean {
  let n = 0;
  const walk = (node: Element): boolean => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += (c as Text).length;
      else if (c.nodeType === 1 && !SKIP_TAGS.has((c as Element).tagName.toUpperCase()) && walk(c as Element)) return true;
      if (n > max) return true;
    }
    return false;
  };
  return walk(el);
}

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

/**
 * Whether an element is out of bounds whatever its class: markup that says "not prose", hidden or
 * editable. These rules hold for an article root's ancestors too.
 */
export function isHardExcluded(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) && tag !== 'HEADER' && tag !== 'FOOTER' && tag !== 'ASIDE') return true;
  if (tag.startsWith('GLOSS-')) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  // An inline style that hides: the browser's visibility check sees it too, the CLI (no layout) only here.
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE_RE.test(style)) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && (role === 'form' || role === 'search' || role === 'textbox' || role === 'navigation');
}

/** Whether an element, by itself, excludes its subtree from annotation. */
export function isExcludedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase()) || isHardExcluded(el)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const label = el.getAttribute('aria-label');
  if (label && /advert/i.test(label)) return true;
  return hasFurnitureClass(el);
}

export function hasFurnitureClass(el: Element): boolean {
  const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (cls.length <= 1) return false;
  const word = furnitureWord(cls);
  if (word === 'large') return true;
  if (word === null || holdsMoreText(el, SMALL_FURNITURE_CHARS)) return false;
  return word === 'small' || !holdsProseParagraph(el);
}

/** Shortest paragraph taken for prose inside a "read more" container, and the most link text it may hold. */
const PROSE_CHARS = 80;
const PROSE_MAX_LINKS = 0.25;

/** Whether an element holds a paragraph of prose: long enough and mostly not links (a "Read more: …" teaser is links). */
function holdsProseParagraph(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) {
    const text = (p.textContent ?? '').trim();
    if (text.length < PROSE_CHARS) continue;
    let links = 0;
    for (const a of p.querySelectorAll('a')) links += (a.textContent ?? '').length;
    if (links / text.length < PROSE_MAX_LINKS) return true;
  }
  return false;
}

/** Whether `el` or one of its ancestors (up to `stop`, exclusive) is hard-excluded: hidden, editable, a form. */
export function isInHardExcludedArea(el: Element, stop: Element | null = null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isHardExcluded(e)) return true;
  return false;
}

/** Whether `el` or an ancestor up to `stop` (exclusive) is excluded by any rule. */
export function isInExcludedArea(el: Element, stop: Element | null = null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isExcludedElement(e)) return true;
  return false;
}
