import { browser } from 'wxt/browser';

/** The host permission pattern for a source's address ("https://example.org/*"). */
function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.origin}/*` : null;
  } catch {
    return null;
  }
}

/**
 * Asks for permission to read a source's server. Must be called synchronously from the click or
 * submit handler (browsers only show the prompt for a user gesture), before any await.
 */
export function requestOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Whether the browser lets Gloss read a source's server. Chromium's `permissions.contains` answers false
 * for a site that the content script's match patterns ("every http and https page") already open to the
 * worker, while a download from it succeeds; so the patterns the browser lists as granted count too.
 */
export async function hasOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    if (await browser.permissions.contains({ origins: [pattern] })) return true;
    const granted = (await browser.permissions.getAll()).origins ?? [];
    return granted.some((p) => coversOrigin(p, new URL(url)));
  } catch {
    return false;
  }
}

/** Whether a granted match pattern (scheme, host with an optional leading wildcard, any path) covers a URL's origin. */
export function coversOrigin(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return url.protocol === 'http:' || url.protocol === 'https:';
  const m = /^(\*|https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host!.startsWith('*.')) return url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1));
  return host === url.host || host === url.hostname;
}
