import { fromStored, toStored } from '../core/index-store';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import { kbRevision } from './apply-pack';
import type { GlossDb, StoredEntity } from './db';

const KEY = 'matchIndex';

/**
 * Identifies the knowledge base's content: every write to the stored entities raises the revision
 * (lib/kb/apply-pack.ts, and a restore's clearing). The entity count used to be part of it as a
 * safety net; counting 100,000 rows cost 90–700 ms of every cold start.
 */
const stampOf = (revision: number) => `r${revision}`;

export async function knowledgeStamp(db: GlossDb): Promise<string> {
  return stampOf(await kbRevision(db));
}

/**
 * The compiled matcher: loaded from IndexedDB when it was built from the same knowledge base, else
 * built and stored. A worker that the browser stopped is ready again without a rebuild. `prefetched`:
 * a readStoredMatchIndex begun earlier, used if it was stored for the current revision.
 */
export async function loadOrBuildMatchIndex(
  db: GlossDb,
  prefetched?: Promise<unknown>,
): Promise<{ index: MatchIndex; loaded: boolean }> {
  // A matcher read before a write is still good if it was stored for the revision there is now.
  const early = prefetched && fromStored(await prefetched.catch(() => undefined), stampOf(await kbRevision(db)));
  if (early) return { index: early, loaded: true };
  const [stored, revision] = await db.transaction('r', db.meta, () => Promise.all([db.meta.get(KEY), kbRevision(db)]));
  const stamp = stampOf(revision);
  const loaded = fromStored(stored?.value, stamp);
  if (loaded) return { index: loaded, loaded: true };
  const index = buildMatchIndex(await builtinFirst(db));
  // Storing is an optimisation: a failure (quota) must not fail the lookup.
  await db.meta
    .put({ key: KEY, value: toStored(index, stamp) })
    .catch((e: unknown) => console.warn('Gloss: could not store the matcher', e));
  return { index, loaded: false };
}

/**
 * The stored matcher as it is on disk, unchecked: a worker starts reading it (megabytes, most of a
 * cold start's wait) before it knows whether an import is due, and loadOrBuildMatchIndex keeps it only
 * if it still fits the knowledge base.
 */
export async function readStoredMatchIndex(db: GlossDb): Promise<unknown> {
  return (await db.meta.get(KEY))?.value;
}

/**
 * Every entity, those of the built-in packs first: where a subscribed pack floods an alias, the matcher's
 * per-alias cap keeps the built-in entities and drops the flood.
 */
async function builtinFirst(db: GlossDb): Promise<StoredEntity[]> {
  const [entities, sources] = await db.transaction('r', db.entities, db.sources, () =>
    Promise.all([db.entities.toArray(), db.sources.toArray()]),
  );
  const builtin = new Set(sources.filter((s) => s.kind === 'builtin').map((s) => s.id));
  const isBuiltin = (e: StoredEntity) => e.sourceIds.some((id) => builtin.has(id));
  return [...entities.filter(isBuiltin), ...entities.filter((e) => !isBuiltin(e))];
}
