import { parseHTML } from 'linkedom';
import { findArticleDate } from '../core/article-date';
import type { Paragraph } from '../core/paragraphs';
import { collectDateSignals } from '../page/date-signals';
import { articleElements, findArticleArea } from '../page/main-content';
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
 * The article of a saved page, found and walked by the code the content script runs in the browser
 * (headline, body and the parts that continue it), minus CSS visibility, which needs layout: the CLI's
 * text is the text the browser annotates.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const area = findArticleArea(document as unknown as Document);
  const blocks = articleElements(area).flatMap((el) => collectBlocks(el));
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const b of blocks) {
    if (text) text += '\n\n';
    paragraphs.push({ text: b.text, offset: text.length });
    text += b.text;
  }
  const signals = collectDateSignals(document as unknown as Document, area.roots[0]);
  if (url) signals.url = url;
  const lang = (document as unknown as Document).documentElement?.getAttribute('lang') ?? '';
  return { text, paragraphs, date: findArticleDate(signals)?.date ?? null, lang };
}
