import { browser } from 'wxt/browser';

/** The host permission pattern for a source's address ("https://example.org/*"). */
export function originPattern(url: string): string | null {
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

export async function hasOrigin(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}
