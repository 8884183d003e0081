/** The header row: which of the file's columns hold which field, in the names spreadsheets give them. */
import type { Problem } from '../validate';
import { normal, own, quote, type Field } from './shared';

const FIELD_BY_HEADER: Record<string, Field> = {
  name: 'name',
  title: 'name',
  term: 'name',
  label: 'name',
  aliases: 'aliases',
  alias: 'aliases',
  aka: 'aliases',
  'also known as': 'aliases',
  'other names': 'aliases',
  'alternate names': 'aliases',
  'alternative names': 'aliases',
  synonyms: 'aliases',
  kind: 'kind',
  type: 'kind',
  category: 'kind',
  description: 'description',
  definition: 'description',
  summary: 'description',
  explanation: 'description',
  link: 'link',
  url: 'link',
  wikipedia: 'link',
  'wikipedia link': 'link',
  href: 'link',
  official: 'official',
  website: 'official',
  'official website': 'official',
  source: 'source',
  sources: 'source',
  reference: 'source',
  references: 'source',
  id: 'id',
  identifier: 'id',
  lang: 'lang',
  language: 'lang',
};

const LINK_COLUMNS: Field[] = ['link', 'official', 'source'];

export function mapColumns(
  header: string[],
): { ok: true; index: Map<Field, number>; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const index = new Map<Field, number>();
  const warnings: Problem[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const field = own(FIELD_BY_HEADER, normal(h));
    if (field === undefined) {
      if (h !== '') unknown.push(quote(h));
    } else if (index.has(field)) {
      warnings.push({
        path: `column ${quote(h)}`,
        message: `This column is ignored: column ${quote(header[index.get(field)!]!)} already holds the ${field}.`,
      });
    } else index.set(field, i);
  });
  const shown = header
    .filter((h) => h !== '')
    .slice(0, 8)
    .map(quote)
    .join(', ');
  const missing = (['name', 'description'] as const).filter((f) => !index.has(f));
  const problems: Problem[] = missing.map((f) => ({
    path: '(header row)',
    message: `The file has no ${quote(f)} column. The first row must name the columns, for example: name,description,link. This file's first row is: ${shown || '(empty)'}.`,
  }));
  if (!LINK_COLUMNS.some((f) => index.has(f))) {
    problems.push({
      path: '(header row)',
      message:
        'The file has no "link" or "source" column. Every entry needs a web address (https://…) where a reader can check it.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (unknown.length > 0)
    warnings.push({
      path: '(header row)',
      message: `These columns are not used by Gloss and were ignored: ${unknown.join(', ')}.`,
    });
  return { ok: true, index, warnings };
}
