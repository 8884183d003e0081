import packJson from '~/assets/packs/world-news.json';
import type { MatchIndex } from '@/lib/core/match-index';
import type { KbChange } from '@/lib/kb/apply-pack';
import { builtinNeedsImport, importBuiltinPackWithResult } from '@/lib/kb/builtin';
import { openDb, type StoredEntity } from '@/lib/kb/db';
import { loadOrBuildMatchIndex } from '@/lib/kb/stored-index';
import { PATCH_LIMIT, patchMatchIndex } from '@/lib/sync/patch-match-index';

export const db = openDb();
const embeddedVersion = (packJson as { version: string }).version;

/** The latest complete matcher; lookups use it even while a newer one is being built. */
let ready: MatchIndex | null = null;
/** A build in progress, for callers that have no matcher yet. */
let pending: Promise<MatchIndex> | null = null;
/** Changes are applied to the matcher one after another, in the order they were written. */
let following: Promise<void> = Promise.resolve();

/** Imports the embedded pack when it is missing or stale; safe to call on every worker start. */
export async function ensureBuiltin(force = false): Promise<void> {
  if (force || (await builtinNeedsImport(db, embeddedVersion))) {
    const { changed, deleted } = await importBuiltinPackWithResult(db, packJson);
    if (changed.length + deleted.length > 0) kbChanged({ changed, deleted });
  }
}

function build(): Promise<MatchIndex> {
  const run = (async () => {
    await ensureBuiltin();
    return (await loadOrBuildMatchIndex(db)).index;
  })();
  pending = run;
  run.then(
    (index) => {
      if (pending === run) {
        ready = index;
        pending = null;
      }
    },
    // A failed build must not poison every later lookup.
    () => {
      if (pending === run) pending = null;
    },
  );
  return run;
}

/** The matcher over everything in the knowledge base: loaded or built once per worker life, then kept up to date. */
export function getMatchIndex(): Promise<MatchIndex> {
  if (ready) return Promise.resolve(ready);
  return pending ?? build();
}

/** Forgets the matcher: the next lookup waits for a fresh one (after a restore, which replaces everything). */
export function invalidateMatchIndex(): void {
  ready = null;
  pending = null;
}

/**
 * Makes the matcher follow a write to the knowledge base. Where only what the matcher knows of an
 * entity changed (description, roles, kind, prior…) and not the names it is matched by, the entries
 * are replaced in place: no rebuild. New, removed or renamed entities need a rebuild; lookups keep
 * using the previous matcher until it is ready, so pages never wait on a sync.
 */
export function kbChanged(change: KbChange): void {
  following = following
    .then(async () => {
      const base = ready;
      if (pending || !base) {
        // A build under way may have read the entities from before this write: build again. With no
        // matcher at all, the first lookup builds one from the current data.
        if (pending) await build().catch(() => undefined);
        return;
      }
      if (!change.reranked && (await patchInPlace(base, change))) return;
      if (change.reranked) {
        // The stored matcher is keyed by a stamp of source versions and counts, which a new order does
        // not change (lib/kb/stored-index.ts): drop it so the next worker does not load a stale one.
        await db.meta.delete('matchIndex');
      }
      const next = build();
      await next.catch(() => undefined);
    })
    .catch((e: unknown) => console.error('Gloss: updating the matcher failed', e));
}

async function patchInPlace(index: MatchIndex, change: KbChange): Promise<boolean> {
  if (change.deleted.length > 0 || change.changed.length === 0 || change.changed.length > PATCH_LIMIT) return false;
  const entities = await db.entities.bulkGet(change.changed);
  if (entities.some((e) => e === undefined)) return false;
  return patchMatchIndex(index, entities as StoredEntity[]);
}
