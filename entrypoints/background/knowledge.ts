import packJson from '~/assets/packs/world-news.json';
import type { MatchIndex } from '@/lib/core/match-index';
import { builtinNeedsImport, importBuiltinPack } from '@/lib/kb/builtin';
import { openDb } from '@/lib/kb/db';
import { loadOrBuildMatchIndex } from '@/lib/kb/stored-index';

export const db = openDb();
const embeddedVersion = (packJson as { version: string }).version;

let index: Promise<MatchIndex> | null = null;

/** Imports the embedded pack when it is missing or stale; safe to call on every worker start. */
export async function ensureBuiltin(force = false): Promise<void> {
  if (force || (await builtinNeedsImport(db, embeddedVersion))) {
    await importBuiltinPack(db, packJson);
    index = null;
  }
}

/** The matcher over everything in the knowledge base: loaded or built once per worker life. */
export function getMatchIndex(): Promise<MatchIndex> {
  index ??= (async () => {
    await ensureBuiltin();
    return (await loadOrBuildMatchIndex(db)).index;
  })();
  // A failed build must not poison every later lookup.
  index.catch(() => (index = null));
  return index;
}

export function invalidateMatchIndex(): void {
  index = null;
}
