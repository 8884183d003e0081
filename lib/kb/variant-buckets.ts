import type { Entity } from '../pack/types';
import { bucketOf, byId } from './bucket-of';
import type { GlossDb, VariantBucket, VariantRecord } from './db';

/**
 * Each source's own version of its entities, kept in buckets (see VariantBucket). Every function runs
 * inside the caller's transaction when there is one, so a write here lands with the rest or not at all.
 */

/**
 * A bucket's entities. A row damaged on disk counts as empty rather than failing every read of its
 * source: the daily read-through reports it (lib/kb/row-check.ts), and the source's next sync writes it anew.
 */
const entitiesOf = (row: VariantBucket | undefined): readonly Entity[] =>
  row && Array.isArray(row.entities) ? row.entities.filter((e) => typeof e?.id === 'string') : [];

/** Every entity a source gives, in id order. */
export async function sourceEntities(db: GlossDb, sourceId: string): Promise<Entity[]> {
  const rows = await db.variantBuckets.where('sourceId').equals(sourceId).toArray();
  return rows.flatMap(entitiesOf).sort(byId);
}

/** Ids of every entity a source gives. */
export async function sourceEntityIds(db: GlossDb, sourceId: string): Promise<string[]> {
  return (await sourceEntities(db, sourceId)).map((e) => e.id);
}

/**
 * Puts and removes entities of one source, rewriting only the buckets they fall in: a bucket left
 * empty is deleted.
 */
export async function writeSourceEntities(
  db: GlossDb,
  sourceId: string,
  put: readonly Entity[],
  remove: readonly string[],
): Promise<void> {
  const changes = new Map<number, { put: Entity[]; remove: Set<string> }>();
  const at = (id: string) => {
    const b = bucketOf(id);
    let c = changes.get(b);
    if (!c) changes.set(b, (c = { put: [], remove: new Set() }));
    return c;
  };
  for (const id of remove) at(id).remove.add(id);
  for (const e of put) at(e.id).put.push(e);
  if (changes.size === 0) return;
  const buckets = [...changes.keys()];
  const rows = await db.variantBuckets.bulkGet(buckets.map((b) => [sourceId, b] as [string, number]));
  const write: VariantBucket[] = [];
  const empty: [string, number][] = [];
  buckets.forEach((bucket, i) => {
    const change = changes.get(bucket)!;
    const byIdMap = new Map(entitiesOf(rows[i]).map((e) => [e.id, e]));
    for (const id of change.remove) byIdMap.delete(id);
    for (const e of change.put) byIdMap.set(e.id, e);
    if (byIdMap.size === 0) empty.push([sourceId, bucket]);
    else write.push({ sourceId, bucket, entities: [...byIdMap.values()].sort(byId) });
  });
  await db.variantBuckets.bulkDelete(empty);
  await db.variantBuckets.bulkPut(write);
}

/** Deletes everything a source gives. */
export async function deleteSourceEntities(db: GlossDb, sourceId: string): Promise<void> {
  await db.variantBuckets.where('sourceId').equals(sourceId).delete();
}

/**
 * What every source gives for each of `ids`: the buckets those ids fall in are read for every source
 * that has a record, and the entities picked out.
 */
export async function variantsOf(db: GlossDb, ids: readonly string[]): Promise<Map<string, VariantRecord[]>> {
  const out = new Map<string, VariantRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const buckets = [...new Set(ids.map(bucketOf))];
  const sourceIds = (await db.sources.toCollection().primaryKeys()) as string[];
  const keys = sourceIds.flatMap((s) => buckets.map((b) => [s, b] as [string, number]));
  for (const row of await db.variantBuckets.bulkGet(keys)) {
    for (const entity of entitiesOf(row)) out.get(entity.id)?.push({ sourceId: row!.sourceId, entityId: entity.id, entity });
  }
  return out;
}

/** Every variant of every source, by source then entity id (whole-table checks and tests). */
export async function allVariants(db: GlossDb): Promise<VariantRecord[]> {
  const out: VariantRecord[] = [];
  await db.variantBuckets.each((row) => {
    for (const entity of entitiesOf(row)) out.push({ sourceId: row.sourceId, entityId: entity.id, entity });
  });
  return out.sort((a, b) => (a.sourceId !== b.sourceId ? (a.sourceId < b.sourceId ? -1 : 1) : byId(a.entity, b.entity)));
}
