import { fromStored, toStored } from '../core/index-store';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import { kbRevision } from './apply-pack';
import type { GlossDb } from './db';

const KEY = 'matchIndex';

/** Identifies the knowledge base's content: every write to the entities raises the revision. */
export async function knowledgeStamp(db: GlossDb): Promise<string> {
  return db.transaction('r', [db.entities, db.meta], async () => `${await kbRevision(db)}:${await db.entities.count()}`);
}

/**
 * The compiled matcher: loaded from IndexedDB when it was built from the same knowledge base, else
 * built and stored. A worker that the browser stopped is ready again without a rebuild.
 */
export async function loadOrBuildMatchIndex(db: GlossDb): Promise<{ index: MatchIndex; loaded: boolean }> {
  const stamp = await knowledgeStamp(db);
  const stored = await db.meta.get(KEY);
  const loaded = fromStored(stored?.value, stamp);
  if (loaded) return { index: loaded, loaded: true };
  const index = buildMatchIndex(await db.entities.toArray());
  // Storing is an optimisation: a failure (quota) must not fail the lookup.
  await db.meta
    .put({ key: KEY, value: toStored(index, stamp) })
    .catch((e: unknown) => console.warn('Gloss: could not store the matcher', e));
  return { index, loaded: false };
}
