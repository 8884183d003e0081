/**
 * Publication dates of real saved pages (../shared/corpus/pages), against the dates their test suites
 * expect. The corpus is not part of the repository; where it is absent this logs and passes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticleDate } from '../../lib/core/article-date';
import { collectDateSignals } from '../../lib/page/date-signals';

const pagesDir = join(import.meta.dirname, '../../../shared/corpus/pages');

interface Expected {
  publishedTime?: string | null;
}

function pagesWithDates(): { name: string; html: string; expected: string }[] {
  if (!existsSync(pagesDir)) return [];
  const out: { name: string; html: string; expected: string }[] = [];
  for (const name of readdirSync(pagesDir).sort()) {
    const metaFile = join(pagesDir, name, 'expected-metadata.json');
    const htmlFile = join(pagesDir, name, 'source.html');
    if (!existsSync(metaFile) || !existsSync(htmlFile)) continue;
    const published = (JSON.parse(readFileSync(metaFile, 'utf8')) as Expected).publishedTime;
    if (!published) continue;
    // The expected value is ISO; its own calendar date is the one we keep (see lib/core/article-date.ts).
    out.push({ name, html: readFileSync(htmlFile, 'utf8'), expected: published.slice(0, 10) });
  }
  return out;
}

describe('publication dates of saved news pages', () => {
  if (!existsSync(pagesDir)) {
    it('needs the corpus', () => {
      console.log('skipped: corpus absent');
    });
    return;
  }
  const pages = pagesWithDates();
  it('has pages with an expected date', () => {
    expect(pages.length).toBeGreaterThan(0);
  });
  for (const { name, html, expected } of pages) {
    it(`${name}: ${expected}`, () => {
      const { document } = parseHTML(html);
      const found = findArticleDate(collectDateSignals(document as unknown as Document));
      expect(found?.date).toBe(expected);
    });
  }
});
