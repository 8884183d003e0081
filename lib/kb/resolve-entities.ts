import type { GlossDb, SourceRecord, StoredEntity, VariantRecord } from './db';
import { mergeVariants, type RankedVariant } from './merge-variants';
import { endSpan } from './spans';
import { variantsOf, type KnownVariants } from './variant-buckets';

/** Which stored entities a write changed, so the matcher can follow without rereading everything. */
export interface KbChange {
  /** Entities written (new or different). */
  changed: string[];
  /** Entities no enabled source gives any more. */
  deleted: string[];
  /** Whether the order of sources changed what is shown without changing any source's content. */
  reranked?: boolean;
}

/** The stored entities a write computed: the rows to put and the ids to delete. */
export interface EntityRows {
  put: StoredEntity[];
  deleted: string[];
}

/** Sources that only refresh what other sources give: on their own they keep no entity in the knowledge base. */
export const DERIVED_KINDS = new Set<SourceRecord['kind']>(['wikidata']);
const REVISION = 'kbRevision';

/**
 * Each of `ids` as its enabled sources now give it, best-ranked first, or deleted when no enabled source
 * gives it; raises the revision. Writes no entity row: see writeEntityRows. Inside the caller's transaction.
 */
export async function mergeEntities(
  db: GlossDb,
  ids: readonly string[],
  known: readonly KnownVariants[] = [],
): Promise<{ change: KbChange; rows: EntityRows }> {
  const change: KbChange = { changed: [], deleted: [] };
  const rows: EntityRows = { put: [], deleted: change.deleted };
  if (ids.length === 0) return { change, rows };
  await bumpRevision(db);
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const start = performance.now();
  const byEntity = await variantsOf(db, ids, known);
  for (const [id, variants] of byEntity) {
    const enabled = variants
      .map((v) => ({ v, s: sources.get(v.sourceId) }))
      .filter((x): x is { v: VariantRecord; s: SourceRecord } => x.s?.enabled === true)
      .sort((a, b) => a.s.priority - b.s.priority || (a.s.id < b.s.id ? -1 : 1));
    if (enabled.every(({ s }) => DERIVED_KINDS.has(s.kind))) change.deleted.push(id);
    else {
      rows.put.push(
        mergeVariants(enabled.map(({ v, s }): RankedVariant => ({ sourceId: s.id, sourceName: s.name, entity: v.entity }))),
      );
      change.changed.push(id);
    }
  }
  endSpan('apply:merge', start);
  return { change, rows };
}

/** Writes what mergeEntities computed. Inside the caller's transaction. */
export async function writeEntityRows(db: GlossDb, rows: EntityRows): Promise<void> {
  const start = performance.now();
  await db.entities.bulkDelete(rows.deleted);
  await db.entities.bulkPut(rows.put);
  endSpan('apply:entity-rows', start);
}

/** Stores each of `ids` as its enabled sources now give it; deletes those no enabled source gives. Inside a transaction. */
export async function resolveEntities(
  db: GlossDb,
  ids: readonly string[],
  known: readonly KnownVariants[] = [],
): Promise<KbChange> {
  const { change, rows } = await mergeEntities(db, ids, known);
  if (ids.length > 0) await writeEntityRows(db, rows);
  return change;
}

/** Every write to the stored entities raises it; the stored matcher and search index are keyed by it. */
export async function bumpRevision(db: GlossDb): Promise<void> {
  const current = await db.meta.get(REVISION);
  await db.meta.put({ key: REVISION, value: (typeof current?.value === 'number' ? current.value : 0) + 1 });
}

/** A number that grows with every change to the stored entities. */
export async function kbRevision(db: GlossDb): Promise<number> {
  const value = (await db.meta.get(REVISION))?.value;
  return typeof value === 'number' ? value : 0;
}
