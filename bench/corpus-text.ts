import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../lib/cli/html-article';

const CORPUS = join(import.meta.dirname, '../../shared/corpus');

/**
 * Real article text to match against: the gold corpora and the article text of every saved page,
 * as separate articles. Falls back to the project's own fixture when the corpus is absent.
 */
export function loadArticles(): { articles: string[]; source: string } {
  if (!existsSync(CORPUS)) {
    const demo = readFileSync(join(import.meta.dirname, '../tests/fixtures/building-project.txt'), 'utf8');
    return { articles: [demo], source: 'tests/fixtures (corpus absent)' };
  }
  const articles: string[] = [];
  for (const file of ['gold/seed-article.jsonl', 'gold/wikinews-ner-dev.jsonl']) {
    for (const line of readFileSync(join(CORPUS, file), 'utf8').split('\n')) {
      if (line.trim()) articles.push((JSON.parse(line) as { text: string }).text);
    }
  }
  for (const dir of readdirSync(join(CORPUS, 'pages'))) {
    const html = join(CORPUS, 'pages', dir, 'source.html');
    if (existsSync(html)) articles.push(extractArticle(readFileSync(html, 'utf8')).text);
  }
  return { articles, source: '../shared/corpus (gold texts and saved pages)' };
}

/** Articles repeated until they add up to about `bytes` characters. */
export function repeatTo(articles: readonly string[], bytes: number): string[] {
  const out: string[] = [];
  let total = 0;
  while (total < bytes) {
    for (const a of articles) {
      out.push(a);
      total += a.length;
      if (total >= bytes) break;
    }
  }
  return out;
}
