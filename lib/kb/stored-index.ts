import { fromStored, toStored } from '../core/index-store';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import { kbRevision } from './apply-pack';
import type { GlossDb } from './db';

const KEY = 'matchIndex';

const stampOf = (revision: number, count: number) => `${revision}:${count}`;

/** Identifies the knowledge base's content: every write to the entities raises the revision. */
export async function knowledgeStamp(db: GlossDb): Promise<string> {
  return db.transaction('r', [db.entities, db.meta], async () => {
    const [revision, count] = await Promise.all([kbRevision(db), db.entities.count()]);
    return stampOf(revision, count);
  });
}

/**
 * The compiled matcher: loaded from IndexedDB when it was built from the same knowledge base, else
 * built and stored. A worker that the browser stopped is ready again without a rebuild.
 */
export async function loadOrBuildMatchIndex(db: GlossDb): Promise<{ index: MatchIndex; loaded: boolean }> {
  // One read transaction, the stored matcher asked for first: Chromium hands a value this large over
  // as a blob the page reads on its own, while the database goes on to count the entities (hundreds of
  // ms at 100,000 on a busy machine). Asked one after the other, the two costs add up.
  const [stored, revision, count] = await db.transaction('r', [db.entities, db.meta], () =>
    Promise.all([db.meta.get(KEY), kbRevision(db), db.entities.count()]),
  );
  const stamp = stampOf(revision, count);
  const loaded = fromStored(stored?.value, stamp);
  if (loaded) return { index: loaded, loaded: true };
  const index = buildMatchIndex(await db.entities.toArray());
  // Storing is an optimisation: a failure (quota) must not fail the lookup.
  await db.meta
    .put({ key: KEY, value: toStored(index, stamp) })
    .catch((e: unknown) => console.warn('Gloss: could not store the matcher', e));
  return { index, loaded: false };
}
