/**
 * Whether an element is rendered: not display:none, not visibility:hidden, not in a closed <details>.
 * `checkVisibility` answers from the style the browser already computed; `display: contents` has no box
 * of its own yet shows its children, so it counts as rendered.
 */
export function isRendered(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  if (typeof el.checkVisibility === 'function') {
    if (el.checkVisibility({ visibilityProperty: true })) return true;
    return win.getComputedStyle(el).display === 'contents';
  }
  const style = win.getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
}
