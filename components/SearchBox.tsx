import type { ComponentChildren } from 'preact';
import type { StoredEntity } from '@/lib/kb/db';
import { EntityCard } from './EntityCard';
import { t } from '@/lib/ui/i18n';
import { useSearch } from './use-search';
import { foundText } from '@/lib/ui/counts';

/**
 * Search as you type over the knowledge base; results are the same entity cards the hover card
 * shows. `actions` adds controls under each card (the popup's "Write a note").
 */
export function SearchBox({
  query,
  onQuery,
  autoFocus = false,
  actions,
}: {
  query: string;
  onQuery: (query: string) => void;
  autoFocus?: boolean;
  actions?: (entity: StoredEntity) => ComponentChildren;
}) {
  const { results, total, answered, error, ms } = useSearch(query);
  const searching = query.trim() !== '';
  const settled = answered === query;
  return (
    <section class="search" aria-label={t('searchLabel', 'Search the knowledge base')}>
      <input
        type="search"
        autoFocus={autoFocus}
        placeholder={t('searchPlaceholder', 'Search people, groups, places, terms…')}
        aria-label={t('searchLabel', 'Search the knowledge base')}
        aria-describedby="search-status"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      {/* One short status line is announced, not every card. */}
      {/* data-ms: how long the last search took, read by the end-to-end tests. */}
      <p id="search-status" class="muted search-status" role="status" data-ms={ms ?? undefined}>
        {searching && settled && !error ? foundText(results.length, total) : ''}
      </p>
      {error && <p role="alert">{error}</p>}
      {searching && results.length > 0 && (
        // The results get a heading of their own: each card's name is a level-3 heading under it.
        <h2 class="visually-hidden">{t('searchResultsHeading', 'Search results')}</h2>
      )}
      {searching && (
        <div class="results">
          {results.map((e) => (
            <div class="result" key={e.id}>
              <EntityCard entity={e} headingLevel={3} />
              {actions?.(e)}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
