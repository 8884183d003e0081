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
  'alert',
  'status',
  'log',
  'marquee',
  'timer',
  'textbox',
  'code',
]);

/** Class or id fragments that mark page furniture rather than the article. */
const FURNITURE_RE =
  /(^|[\s_-])(ad|ads|advert|advertisement|sponsor|promo|related|share|social|newsletter|subscribe|comments?|sidebar|nav|navbar|menu|breadcrumbs?|footer|masthead|cookie|consent|paywall|popup|modal|outbrain|taboola)([\s_-]|$)/i;

/** Whether an element, by itself, excludes its subtree from annotation. */
export function isExcludedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const label = el.getAttribute('aria-label');
  if (label && /advert/i.test(label)) return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return cls.length > 1 && FURNITURE_RE.test(cls);
}
