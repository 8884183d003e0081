/**
 * A Wikipedia search for words the knowledge base does not know, in the page's language. Only a link the
 * reader may follow: Gloss itself fetches nothing.
 */
export function wikipediaSearchUrl(words: string, lang: string): string {
  const code = /^[a-z]{2,3}$/.test(lang) ? lang : 'en';
  return `https://${code}.wikipedia.org/w/index.php?search=${encodeURIComponent(words)}`;
}
