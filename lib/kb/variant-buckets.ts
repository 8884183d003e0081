import type { Entity } from '../pack/types';
import { bucketOf, byId, parseWholeRow, WHOLE_SOURCE } from './bucket-of';
import type { GlossDb, VariantRecord, VariantRow } from './db';

/**
 * Each source's own version of its entities, kept in buckets (see VariantBucket), or for a built-in
 * source in one whole row (see WholeSourceRow). Every function runs inside the caller's transaction
 * when there is one, so a write here lands with the rest or not at all.
 */

/**
 * A row's entities. A row damaged on disk counts as empty rather than failing every read of its
 * source: the daily read-through reports it (lib/kb/row-check.ts), and the source's next sync writes it anew.
 */
const entitiesOf = (row: VariantRow | undefined): readonly Entity[] => {
  const list = row && ('json' in row ? parseWholeRow(row.json) : row.entities);
  return Array.isArray(list) ? (list as (Entity | undefined)[]).filter((e): e is Entity => typeof e?.id === 'string') : [];
};

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
 * changed or removed) falls, or with `whole` its one whole row. The caller has the whole new content,
 * so nothing is read back.
 */
export async function replaceSourceEntities(
  db: GlossDb,
  sourceId: string,
  entities: readonly Entity[],
  touched: readonly string[],
  whole = false,
): Promise<void> {
  if (touched.length === 0) return;
  if (whole) {
    // Also drops the buckets a source had before it was stored whole (a database older than v6).
    await deleteSourceEntities(db, sourceId);
    if (entities.length > 0) await db.variantBuckets.put({ sourceId, bucket: WHOLE_SOURCE, json: JSON.stringify(entities) });
    return;
  }
  const buckets = new Set(touched.map(bucketOf));
  const rows = new Map<number, { sourceId: string; bucket: number; entities: Entity[] }>();
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
 * What every source gives for each of `ids`: the buckets those ids fall in (and any whole row) are read
 * for every source that has a record, and the entities picked out.
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
  const keys = sourceIds
    .filter((s) => !inMemory.has(s))
    .flatMap((s) => [WHOLE_SOURCE, ...buckets].map((b) => [s, b] as [string, number]));
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
