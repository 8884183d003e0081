/** Elements whose text is never prose to annotate. */
export const SKIP_TAGS = new Set([
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
  `ad ads advert advertisement adslot sponsor sponsored promo related share sharing social newsletter subscribe
  signup comment comments disqus sidebar nav navbar menu breadcrumb breadcrumbs footer masthead cookie consent
  paywall popup modal outbrain taboola byline credit credits mostread trending recirc recommended readmore
  tags toolbar pagination most-read read-more more-stories author-bio sr-only visually-hidden screen-reader-text`.split(/\s+/),
);

/** Whether any word of a class list (or a run of two or three words, "most-read") is a furniture word. */
function hasFurnitureWord(classes: string): boolean {
  const words = classes.toLowerCase().split(/[\s_-]+/);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length < 2) continue;
    if (FURNITURE_WORDS.has(w)) return true;
    const next = words[i + 1];
    if (next && (FURNITURE_WORDS.has(`${w}-${next}`) || FURNITURE_WORDS.has(`${w}${next}`))) return true;
    const third = words[i + 2];
    if (next && third && FURNITURE_WORDS.has(`${w}-${next}-${third}`)) return true;
  }
  return false;
}

/**
 * Whether an element is out of bounds whatever its class: markup that says "not prose", hidden or
 * editable. These rules hold for an article root's ancestors too.
 */
export function isHardExcluded(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) && tag !== 'HEADER' && tag !== 'FOOTER' && tag !== 'ASIDE') return true;
  if (tag.startsWith('GLOSS-')) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
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
  return cls.length > 1 && hasFurnitureWord(cls);
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
