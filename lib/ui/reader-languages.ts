import { uiLocale } from './plural';

/**
 * The languages to ask Wikidata for, best first: the page's (names as the article writes them), the
 * browser's, then English, the language of the built-in pack. One place for the worker's sync and
 * lookups, so both ask in the same order.
 */
export function readerLanguages(pageLang?: string): string[] {
  const ui = uiLocale().split('-')[0]!.toLowerCase();
  return [...new Set([pageLang, ui, 'en'].filter((l): l is string => !!l))];
}
