/**
 * Calls `onChange` when a single-page app moves to another page: history.pushState and replaceState are
 * invisible to a content script (they run in the page's world), so the URL is polled, and popstate and
 * the Navigation API, where the browser has it, make the common cases immediate. Changes of the hash
 * alone are in-page jumps, not new pages.
 */
export function watchUrl(win: Window, onChange: (url: string) => void, signal: AbortSignal, pollMs = 500): void {
  const pageOf = (href: string) => href.replace(/#.*$/, '');
  let last = pageOf(win.location.href);
  const check = () => {
    const now = pageOf(win.location.href);
    if (now === last) return;
    last = now;
    onChange(win.location.href);
  };
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer));
  win.addEventListener('popstate', () => setTimeout(check, 0), { signal });
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', () => setTimeout(check, 0), { signal });
}
