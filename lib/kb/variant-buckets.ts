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
 * Makes a source give exactly `entities`, rewriting only the buckets where an id in `touched` (added,
 * changed or removed) falls. The caller has the whole new content, so nothing is read back.
 */
export async function replaceSourceEntities(
  db: GlossDb,
  sourceId: string,
  entities: readonly Entity[],
  touched: readonly string[],
): Promise<void> {
  const buckets = new Set(touched.map(bucketOf));
  if (buckets.size === 0) return;
  const rows = new Map<number, VariantBucket>();
  for (const entity of entities) {
    const bucket = bucketOf(entity.id);
    if (!buckets.has(bucket)) continue;
    let row = rows.get(bucket);
    if (!row) rows.set(bucket, (row = { sourceId, bucket, entities: [] }));
    row.entities.push(entity);
  }
  for (const row of rows.values()) row.entities.sort(byId);
  await db.variantBuckets.bulkDelete([...buckets].filter((b) => !rows.has(b)).map((b) => [sourceId, b] as [string, number]));
  await db.variantBuckets.bulkPut([...rows.values()]);
}

/** Deletes everything a source gives. */
export async function deleteSourceEntities(db: GlossDb, sourceId: string): Promise<void> {
  await db.variantBuckets.where('sourceId').equals(sourceId).delete();
}

/**
 * What every source gives for each of `ids`: the buckets those ids fall in are read for every source
 * that has a record, and the entities picked out.
 */
export async function variantsOf(
  db: GlossDb,
  ids: readonly string[],
  known: readonly KnownVariants[] = [],
): Promise<Map<string, VariantRecord[]>> {
  const out = new Map<string, VariantRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const buckets = [...new Set(ids.map(bucketOf))];
  const sourceIds = (await db.sources.toCollection().primaryKeys()) as string[];
  const inMemory = new Set(known.map((k) => k.sourceId));
  const keys = sourceIds.filter((s) => !inMemory.has(s)).flatMap((s) => buckets.map((b) => [s, b] as [string, number]));
  for (const row of await db.variantBuckets.bulkGet(keys)) {
    for (const entity of entitiesOf(row)) out.get(entity.id)?.push({ sourceId: row!.sourceId, entityId: entity.id, entity });
  }
  for (const { sourceId, entities } of known) {
    if (!sourceIds.includes(sourceId)) continue;
    for (const entity of entities) out.get(entity.id)?.push({ sourceId, entityId: entity.id, entity });
  }
  return out;
}

/**
 * Everything a source gives, already in memory because the caller has just written it: reading its
 * buckets back would cost as much as writing them (most of an install's reads, bench/default-set-chromium.ts).
 */
export interface KnownVariants {
  sourceId: string;
  entities: readonly Entity[];
}

/** Every variant of every source, by source then entity id (whole-table checks and tests). */
export async function allVariants(db: GlossDb): Promise<VariantRecord[]> {
  const out: VariantRecord[] = [];
  await db.variantBuckets.each((row) => {
    for (const entity of entitiesOf(row)) out.push({ sourceId: row.sourceId, entityId: entity.id, entity });
  });
  return out.sort((a, b) => (a.sourceId !== b.sourceId ? (a.sourceId < b.sourceId ? -1 : 1) : byId(a.entity, b.entity)));
}
