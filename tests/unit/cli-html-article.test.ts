import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/cli/html-article';
import { articleElements, findArticleArea } from '../../lib/page/main-content';
import { collectBlocks } from '../../lib/page/walker';

const LONG = 'Negotiators met in Doha on Monday to discuss the second phase of the ceasefire between Israel and Hamas';
const paras = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${label} ${i}: ${LONG}, with commas, clauses, and more words.</p>`).join('');
const PAGE = `<html><head><title>Truce talks resume</title></head><body>
  <header><h1>Truce talks resume</h1></header>
  <div class="story"><div class="body">${paras('First', 3)}<div class="ad">Advert</div></div>
  <div class="body">${paras('Continued', 3)}</div></div>
  <footer><p>${LONG} in the footer.</p></footer></body></html>`;

describe('extractArticle (the CLI)', () => {
  it('reads the text the content script walks: headline, every part of the body, no furniture', () => {
    const { text, paragraphs } = extractArticle(PAGE);
    const { document } = parseHTML(PAGE);
    const browser = articleElements(findArticleArea(document as unknown as Document))
      .flatMap((r) => collectBlocks(r))
      .map((b) => b.text);
    expect(paragraphs.map((p) => p.text)).toEqual(browser);
    expect(text.startsWith('Truce talks resume')).toBe(true);
    expect(text).toContain('Continued 2:');
    expect(text).not.toContain('Advert');
    expect(text).not.toContain('footer');
  });
});
