import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The value of a Dexie query, kept current: Dexie re-runs it when a write touches what it read, in
 * this page or in another context of the extension (it broadcasts writes between them).
 */
export function useLiveQuery<T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
): { value: T | undefined; error: string | null } {
  const [state, setState] = useState<{ value: T | undefined; error: string | null }>({ value: undefined, error: null });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null }),
      error: (e: unknown) => setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e) })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
