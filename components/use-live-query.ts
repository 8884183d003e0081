import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** `loaded` is false until the first answer (or error): `undefined` alone can't tell "none" from "not yet". */
export interface LiveQueryState<T> {
  value: T | undefined;
  error: string | null;
  loaded: boolean;
}

/**
 * The value of a Dexie query, kept current: Dexie re-runs it when a write touches what it read, in
 * this page or in another context of the extension (it broadcasts writes between them).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ value: undefined, error: null, loaded: false });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: null, loaded: true }),
      error: (e: unknown) =>
        setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e), loaded: true })),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return state;
}
