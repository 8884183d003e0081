import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Saved pages live beside the project, never in it (../shared/corpus). */
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

export interface CorpusPage {
  /** "readability-pages/001" or "pages/readability-bbc-1". */
  id: string;
  sourcePath: string;
  /** The reference extraction: Readability's expected.html, or newspaper4k's plain text. */
  reference: { kind: 'html' | 'text'; path: string } | null;
  /** Every 4th readability page (sorted, index % 4 == 3) is held out: never looked at while tuning. */
  heldOut: boolean;
}

function pagesIn(folder: 'readability-pages' | 'pages'): CorpusPage[] {
  const dir = join(CORPUS, folder);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .sort();
  return names.map((name, i) => {
    const page = join(dir, name);
    const html = join(page, 'expected.html');
    const text = readdirSync(page).find((f) => f.endsWith('.txt'));
    const reference = existsSync(html)
      ? { kind: 'html' as const, path: html }
      : text
        ? { kind: 'text' as const, path: join(page, text) }
        : null;
    return {
      id: `${folder}/${name}`,
      sourcePath: join(page, 'source.html'),
      reference,
      heldOut: folder === 'readability-pages' && i % 4 === 3,
    };
  });
}

/** Every saved page, the saved news pages first. */
export function corpusPages(): CorpusPage[] {
  return [...pagesIn('pages'), ...pagesIn('readability-pages')];
}

export function readSource(page: CorpusPage): string {
  return readFileSync(page.sourcePath, 'utf8');
}
