import { useEffect, useState } from 'preact/hooks';
import type { StoredEntity } from '@/lib/kb/db';
import { onEntitiesChanged, onSearchIndexReady, searchEntitiesNow, searchIndexOf } from '@/lib/kb/search';
import { pageDb } from '@/lib/kb/page-db';

export interface SearchState {
  results: StoredEntity[];
  /** How many entities matched in all; more than `results` when the list was cut at the limit. */
  total: number;
  /** The query these results answer (results lag typing by a few milliseconds). */
  answered: string;
  error: string | null;
  /** How long the search took, for the status line and the tests. */
  ms: number | null;
}

/**
 * Searches as the query changes, in this page: the index is loaded (or built) when the page opens,
 * then each keystroke costs a few milliseconds (bench/search.ts). The first keystroke waits for it;
 * while a newer one builds after a change, the one there answers. Results follow knowledge-base changes.
 */
export function useSearch(query: string, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ results: [], total: 0, answered: '', error: null, ms: null });
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    const db = pageDb();
    const again = () => setRevision((r) => r + 1);
    // Load the index while the user is still reaching for the keyboard.
    searchIndexOf(db).catch(() => undefined);
    const stops = [onEntitiesChanged(db, again), onSearchIndexReady(db, again)];
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    let stale = false;
    if (query.trim() === '') {
      setState({ results: [], total: 0, answered: query, error: null, ms: null });
      return;
    }
    const t0 = performance.now();
    searchEntitiesNow(pageDb(), query, limit).then(
      ({ results, total }) => !stale && setState({ results, total, answered: query, error: null, ms: performance.now() - t0 }),
      (e: unknown) =>
        !stale &&
        setState({ results: [], total: 0, answered: query, error: e instanceof Error ? e.message : String(e), ms: null }),
    );
    return () => {
      stale = true;
    };
  }, [query, limit, revision]);

  return state;
}
