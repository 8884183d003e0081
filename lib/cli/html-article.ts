import { parseHTML } from 'linkedom';
import { findArticleDate } from '../core/article-date';
import type { Paragraph } from '../core/paragraphs';
import { collectDateSignals } from '../page/date-signals';
import { findArticleRoot } from '../page/main-content';
import { collectBlocks } from '../page/walker';

export interface ExtractedArticle {
  /** The article text the offsets refer to: its blocks, separated by blank lines. */
  text: string;
  paragraphs: Paragraph[];
  date: string | null;
  /** The page's declared language (`<html lang>`), which decides whether names are read, as in the browser. */
  lang: string;
}

/**
 * The article of a saved page, walked exactly as the content script walks it in the browser (minus
 * CSS visibility, which needs layout).
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const root = findArticleRoot(document as unknown as Document);
  const blocks = collectBlocks(root);
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const b of blocks) {
    if (text) text += '\n\n';
    paragraphs.push({ text: b.text, offset: text.length });
    text += b.text;
  }
  const signals = collectDateSignals(document as unknown as Document, root);
  if (url) signals.url = url;
  const lang = (document as unknown as Document).documentElement?.getAttribute('lang') ?? '';
  return { text, paragraphs, date: findArticleDate(signals)?.date ?? null, lang };
}
