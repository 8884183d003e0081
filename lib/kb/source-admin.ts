import type { GlossDb } from './db';
import { DERIVED_KINDS, resolveEntities, type KbChange } from './resolve-entities';
import { deleteSourceEntities, sourceEntityIds, variantsOf } from './variant-buckets';

/* The reader's own changes to a source (remove, turn off, reorder), each in one transaction. */

export interface RemovalPreview {
  /** Entities the source gives. */
  given: number;
  /** Entities that would leave the knowledge base: no other enabled source gives them. */
  removed: number;
  /** Names of the removed ones, alphabetical, at most `limit`. */
  removedNames: string[];
  /** Entities that stay because another source gives them too. */
  kept: number;
}

/** What removing a source would take out of the knowledge base, without changing anything. */
export async function previewRemoval(db: GlossDb, sourceId: string, limit = 50): Promise<RemovalPreview> {
  return db.transaction('r', [db.variantBuckets, db.sources, db.entities], async () => {
    const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
    const ids = await sourceEntityIds(db, sourceId);
    const others = new Set(
      [...(await variantsOf(db, ids)).values()]
        .flat()
        .filter((v) => {
          const s = sources.get(v.sourceId);
          return v.sourceId !== sourceId && s?.enabled && !DERIVED_KINDS.has(s.kind);
        })
        .map((v) => v.entityId),
    );
    const removedIds = ids.filter((id) => !others.has(id));
    const source = sources.get(sourceId);
    // A derived source never keeps an entity on its own, so removing it removes none.
    const removing = source && DERIVED_KINDS.has(source.kind) ? [] : removedIds;
    const names = (await db.entities.bulkGet(removing)).flatMap((e) => (e ? [e.name] : [])).sort((a, b) => a.localeCompare(b));
    return {
      given: ids.length,
      removed: removing.length,
      removedNames: names.slice(0, limit),
      kept: ids.length - removing.length,
    };
  });
}

/** Removes a source and everything only it gave; entities other sources give stay, merged from what remains. */
export async function removeSourceData(db: GlossDb, sourceId: string): Promise<KbChange> {
  return db.transaction(
    'rw',
    [db.entities, db.variantBuckets, db.sources, db.meta, db.downloads, db.downloadChunks],
    async () => {
      const ids = await sourceEntityIds(db, sourceId);
      await deleteSourceEntities(db, sourceId);
      await db.sources.delete(sourceId);
      await db.downloads.delete(sourceId);
      await db.downloadChunks.where('sourceId').equals(sourceId).delete();
      return resolveEntities(db, ids);
    },
  );
}

/** Turns a source on or off. Its entities stay stored, so turning it back on needs no download. */
export async function setSourceEnabled(db: GlossDb, sourceId: string, enabled: boolean): Promise<KbChange> {
  return db.transaction('rw', [db.entities, db.variantBuckets, db.sources, db.meta], async () => {
    const source = await db.sources.get(sourceId);
    if (!source) throw new Error(`There is no source "${sourceId}".`);
    if (source.enabled === enabled) return { changed: [], deleted: [] };
    await db.sources.put({ ...source, enabled });
    return resolveEntities(db, await sourceEntityIds(db, sourceId));
  });
}

/**
 * Moves a source to a rank (0 = first) and renumbers all sources 0..n-1. Only the moved source's
 * entities can change: the order among the others stays the same.
 */
export async function moveSource(db: GlossDb, sourceId: string, rank: number): Promise<KbChange> {
  return db.transaction('rw', [db.entities, db.variantBuckets, db.sources, db.meta], async () => {
    const all = (await db.sources.toArray()).sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
    const from = all.findIndex((s) => s.id === sourceId);
    if (from < 0) throw new Error(`There is no source "${sourceId}".`);
    const [moved] = all.splice(from, 1);
    all.splice(Math.max(0, Math.min(rank, all.length)), 0, moved!);
    const renumbered = all.map((s, i) => ({ ...s, priority: i }));
    await db.sources.bulkPut(renumbered.filter((s, i) => s.priority !== all[i]!.priority || s.id === sourceId));
    const ids = await sourceEntityIds(db, sourceId);
    const shared = new Set(
      [...(await variantsOf(db, ids)).values()]
        .flat()
        .filter((v) => v.sourceId !== sourceId)
        .map((v) => v.entityId),
    );
    return { ...(await resolveEntities(db, [...shared])), reranked: true };
  });
}
