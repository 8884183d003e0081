interface I18n {
  getMessage(key: string, substitutions?: string[]): string;
}

/**
 * The browser's i18n, read straight from the extension global rather than through the polyfill: the
 * card's code is loaded into pages on demand, and getMessage is synchronous in both browsers anyway.
 */
function i18n(): I18n | undefined {
  const g = globalThis as { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** A UI string from `_locales`, or the English fallback when the key is missing (tests, new strings). */
export function t(key: string, fallback: string, substitutions?: string[]): string {
  try {
    const message = i18n()?.getMessage(key, substitutions);
    if (message) return message;
  } catch {
    // i18n is unavailable outside the extension (unit tests); the fallback is the English text.
  }
  return substitutions ? substitutions.reduce((s, v, i) => s.replace(`$${i + 1}`, v), fallback) : fallback;
}
