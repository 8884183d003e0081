import { browser } from 'wxt/browser';

/** A UI string from `_locales`, or the English fallback when the key is missing (tests, new strings). */
export function t(key: string, fallback: string, substitutions?: string[]): string {
  try {
    const message = browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);
    if (message) return message;
  } catch {
    // i18n is unavailable outside the extension (unit tests); the fallback is the English text.
  }
  return substitutions ? substitutions.reduce((s, v, i) => s.replace(`$${i + 1}`, v), fallback) : fallback;
}
