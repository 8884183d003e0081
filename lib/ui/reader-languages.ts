/**
 * The languages to ask Wikidata for, best first: the page's (names as the article writes them), the
 * browser's, then English, the language of the built-in pack. One place for the worker's sync and
 * lookups, so both ask in the same order.
 */
export function readerLanguages(pageLang?: string): string[] {
  let ui = 'en';
  try {
    const g = globalThis as { browser?: { i18n?: { getUILanguage(): string } }; chrome?: { i18n?: { getUILanguage(): string } } };
    ui = (g.browser?.i18n ?? g.chrome?.i18n)?.getUILanguage().split(/[-_]/)[0]!.toLowerCase() || 'en';
  } catch {
    // No i18n (unit tests): English.
  }
  return [...new Set([pageLang, ui, 'en'].filter((l): l is string => !!l))];
}
