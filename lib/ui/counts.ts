import { t } from './i18n';
import { plural } from './plural';

/** Counts as the UI writes them, each in its singular or plural form ("1 entity", "3 entities"). */

export const entitiesCount = (n: number) =>
  plural(
    n,
    (c) => t('count_entities_one', '$1 entity', [c]),
    (c) => t('count_entities_other', '$1 entities', [c]),
  );

export const sourcesCount = (n: number) =>
  plural(
    n,
    (c) => t('count_sources_one', '$1 source', [c]),
    (c) => t('count_sources_other', '$1 sources', [c]),
  );

export const notesCount = (n: number) =>
  plural(
    n,
    (c) => t('count_notes_one', '$1 note', [c]),
    (c) => t('count_notes_other', '$1 notes', [c]),
  );

export const warningsCount = (n: number) =>
  plural(
    n,
    (c) => t('count_warnings_one', '$1 note on the file', [c]),
    (c) => t('count_warnings_other', '$1 notes on the file', [c]),
  );

/** The search's status line: how many matched, and when the list is cut, that it shows the first few. */
export function foundText(shown: number, total: number): string {
  if (shown === 0) return t('noResults', 'Nothing found.');
  if (total > shown)
    return t('resultFirstOf', 'The first $1 of $2 found. Type more to narrow the search.', [
      shown.toLocaleString(),
      total.toLocaleString(),
    ]);
  return plural(
    shown,
    (c) => t('resultCount_one', '$1 entity found', [c]),
    (c) => t('resultCount_other', '$1 entities found', [c]),
  );
}
