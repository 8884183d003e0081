import type { Entity } from '../pack/types';

/**
 * Buckets per source. 1,024 keeps a bucket of a 100,000-entity source near 100 entities (a row of
 * tens of kilobytes, cheap to rewrite for one changed entity) while a whole import writes at most
 * 1,024 variant rows.
 */
export const BUCKETS = 1024;

/** The bucket number of a source's one whole row (lib/kb/db.ts WholeSourceRow); no id hashes to it. */
export const WHOLE_SOURCE = -1;

/** What a whole row's JSON text holds (a list of entities, unless damaged), or null when it is not JSON text. */
export function parseWholeRow(json: unknown): unknown {
  try {
    return typeof json === 'string' ? JSON.parse(json) : null;
  } catch {
    return null;
  }
}

/** The bucket of an entity id: FNV-1a, stable across versions, since stored rows depend on it. */
export function bucketOf(entityId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entityId.length; i++) {
    h ^= entityId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** Groups one or more sources' entities into bucket rows, each row's entities in id order. */
export function bucketRows(
  variants: Iterable<{ sourceId: string; entity: Entity }>,
): { sourceId: string; bucket: number; entities: Entity[] }[] {
  const rows = new Map<string, { sourceId: string; bucket: number; entities: Entity[] }>();
  for (const { sourceId, entity } of variants) {
    const bucket = bucketOf(entity.id);
    const key = `${bucket} ${sourceId}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { sourceId, bucket, entities: [] }));
    row.entities.push(entity);
  }
  for (const row of rows.values()) row.entities.sort(byId);
  return [...rows.values()];
}

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
