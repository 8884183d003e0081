import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type EntityView } from '@/lib/messaging/protocol';
import { EntityCard } from './EntityCard';
import { t } from './i18n';

/** Search as you type over the knowledge base; results are entity cards. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<EntityView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    if (query.trim() === '') {
      setResults([]);
      return;
    }
    void sendMessage('search', { query }).then((r) => {
      if (stale) return;
      if (r.ok) {
        setResults(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      stale = true;
    };
  }, [query]);

  return (
    <section aria-label={t('searchLabel', 'Search the knowledge base')}>
      <input
        type="search"
        autofocus
        placeholder={t('searchPlaceholder', 'Search people, groups, places, terms…')}
        aria-label={t('searchLabel', 'Search the knowledge base')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && <p role="alert">{error}</p>}
      <div class="results" aria-live="polite">
        {results.map((e) => (
          <EntityCard key={e.id} entity={e} headingLevel={3} />
        ))}
        {query.trim() !== '' && results.length === 0 && !error && <p class="muted">{t('noResults', 'Nothing found.')}</p>}
      </div>
    </section>
  );
}
