import { fromStored, toStored } from '../core/index-store';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import type { GlossDb } from './db';

const KEY = 'matchIndex';

/** Identifies the knowledge base's content: it changes whenever any source is applied or removed. */
export async function knowledgeStamp(db: GlossDb): Promise<string> {
  const sources = await db.sources.toArray();
  return JSON.stringify(
    sources
      .map((s) => [s.id, s.version ?? '', s.entityCount, s.lastSuccess ?? 0, s.enabled])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
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
