import { withConfirmedRoles } from '../core/roles-as-of';
import type { Pack } from '../pack/types';
import type { GlossDb, SourceRecord, StoredEntity, VariantRecord } from './db';
import { mergeVariants, sameEntity, type RankedVariant } from './merge-variants';
import { endSpan } from './spans';
import { deleteSourceEntities, sourceEntities, sourceEntityIds, replaceSourceEntities, variantsOf } from './variant-buckets';
import type { KnownVariants } from './variant-buckets';

export interface ApplyReport {
  added: number;
  updated: number;
  removed: number;
}

/** Which stored entities a write changed, so the matcher can follow without rereading everything. */
export interface KbChange {
  /** Entities written (new or different). */
  changed: string[];
  /** Entities no enabled source gives any more. */
  deleted: string[];
  /** Whether the order of sources changed what is shown without changing any source's content. */
  reranked?: boolean;
}

export interface ApplyResult extends ApplyReport, KbChange {
  unchanged: number;
}

export interface ApplyOptions {
  /** Keep the stored record's settings (enabled, priority, interval, address) if the user changed them during the sync. */
  keepSettings?: boolean;
  /** Refuse with SourceGoneError when the source was removed while its sync ran. */
  mustExist?: boolean;
  /** Fields of the source's record that depend on what the apply did (its status line), written in the same transaction. */
  finish?: (result: ApplyResult) => Partial<SourceRecord>;
}

export class SourceGoneError extends Error {
  constructor(id: string) {
    super(`The source "${id}" was removed while it synced; nothing was written.`);
  }
}

/** Sources that only refresh what other sources give: on their own they keep no entity in the knowledge base. */
const DERIVED_KINDS = new Set<SourceRecord['kind']>(['wikidata']);
const SETTINGS = ['enabled', 'priority', 'intervalHours', 'url'] as const;
const REVISION = 'kbRevision';

/** Replaces what one source gives with a validated pack (the original API: settings come from `source`). */
export async function applyPack(db: GlossDb, source: Omit<SourceRecord, 'entityCount'>, pack: Pack): Promise<ApplyReport> {
  const { added, updated, removed } = await applySourcePack(db, source, pack);
  return { added, updated, removed };
}

/**
 * Replaces what one source gives with a validated pack, in a single transaction with the source's
 * record: either the whole pack lands with its status, or nothing changes. Only the difference is
 * written: entities the source gives as before are left alone, and an entity another source also
 * gives is merged again from what remains (see mergeVariants).
 */
export async function applySourcePack(
  db: GlossDb,
  source: Omit<SourceRecord, 'entityCount'>,
  pack: Pack,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  return (await applySourcePacks(db, [{ source, pack }], opts))[0]!;
}

export interface SourcePack {
  source: Omit<SourceRecord, 'entityCount'>;
  pack: Pack;
}

/**
 * applySourcePack for several sources in one transaction (the built-in catalogue at install): the
 * entities are merged once over all of them, from the packs in memory, instead of once per source
 * with each reading back what the ones before it wrote.
 */
export async function applySourcePacks(
  db: GlossDb,
  items: readonly SourcePack[],
  opts: ApplyOptions = {},
): Promise<ApplyResult[]> {
  if (items.length === 0) return [];
  // Every stored role says how far it was confirmed (the pack's asOf where the author left it out), so that
  // no card presents it as current past that day (lib/core/roles-as-of.ts).
  const prepared = items.map(({ source, pack }) => ({
    source,
    pack: { ...pack, entities: withConfirmedRoles(pack.entities, pack.asOf) },
  }));
  const began = performance.now();
  const results = await db.transaction(
    'rw',
    [db.entities, db.variantBuckets, db.sources, db.meta, db.downloads, db.downloadChunks],
    async () => {
      const written: { result: ApplyResult; resolve: string[] }[] = [];
      const start = performance.now();
      for (const { source, pack } of prepared) written.push(await writeSourceVariants(db, source, pack, opts));
      endSpan('apply:variant-rows', start);
      const known = prepared.map(({ source, pack }) => ({ sourceId: source.id, entities: pack.entities }));
      const change = await resolveEntities(db, [...new Set(written.flatMap((w) => w.resolve))], known);
      const changed = new Set(change.changed);
      const deleted = new Set(change.deleted);
      return Promise.all(
        written.map(async ({ result, resolve }, i) => {
          const id = prepared[i]!.source.id;
          result.changed = resolve.filter((e) => changed.has(e));
          result.deleted = resolve.filter((e) => deleted.has(e));
          if (opts.finish) await db.sources.update(id, opts.finish(result));
          await db.downloads.delete(id);
          await db.downloadChunks.where('sourceId').equals(id).delete();
          return result;
        }),
      );
    },
  );
  endSpan('apply:transaction', began);
  return results;
}

/** Writes one source's record and variants; returns its counts and the entities to merge again. Inside a transaction. */
async function writeSourceVariants(
  db: GlossDb,
  source: Omit<SourceRecord, 'entityCount'>,
  pack: Pack,
  opts: ApplyOptions,
): Promise<{ result: ApplyResult; resolve: string[] }> {
  const current = await db.sources.get(source.id);
  if (!current && opts.mustExist) throw new SourceGoneError(source.id);
  const record: SourceRecord = {
    ...source,
    ...(opts.keepSettings && current ? pick(current) : {}),
    version: pack.version,
    asOf: pack.asOf,
    license: pack.license,
    attribution: pack.attribution,
    entityCount: pack.entities.length,
  };
  setOptional(record, 'homepage', pack.homepage);
  setOptional(record, 'description', pack.description);
  await db.sources.put(record);

  const result: ApplyResult = { added: 0, updated: 0, removed: 0, unchanged: 0, changed: [], deleted: [] };
  const previous = new Map((await sourceEntities(db, source.id)).map((e) => [e.id, e]));
  const touched: string[] = [];
  for (const entity of pack.entities) {
    const before = previous.get(entity.id);
    previous.delete(entity.id);
    if (before && sameEntity(before, entity)) {
      result.unchanged++;
      continue;
    }
    if (before) result.updated++;
    else result.added++;
    touched.push(entity.id);
  }
  const gone = [...previous.keys()];
  result.removed = gone.length;
  touched.push(...gone);
  // A built-in pack is only ever written whole: one row, not a thousand buckets (lib/kb/db.ts WholeSourceRow).
  await replaceSourceEntities(db, source.id, pack.entities, touched, record.kind === 'builtin');
  // A change of enabled (keepSettings aside, the caller may flip it) makes every entity of the source count.
  const resolve = current && current.enabled !== record.enabled ? pack.entities.map((e) => e.id).concat(gone) : touched;
  return { result, resolve };
}

const pick = (s: SourceRecord) => Object.fromEntries(SETTINGS.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));

function setOptional<K extends 'homepage' | 'description'>(record: SourceRecord, key: K, value: string | undefined): void {
  if (value === undefined) delete record[key];
  else record[key] = value;
}

/**
 * Stores each entity as its enabled sources now give it, best-ranked first; deletes those no enabled
 * source gives. Runs inside the caller's transaction.
 */
async function resolveEntities(db: GlossDb, ids: readonly string[], known: readonly KnownVariants[] = []): Promise<KbChange> {
  const change: KbChange = { changed: [], deleted: [] };
  if (ids.length === 0) return change;
  await bumpRevision(db);
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const start = performance.now();
  const byEntity = await variantsOf(db, ids, known);
  const put: StoredEntity[] = [];
  for (const [id, variants] of byEntity) {
    const enabled = variants
      .map((v) => ({ v, s: sources.get(v.sourceId) }))
      .filter((x): x is { v: VariantRecord; s: SourceRecord } => x.s?.enabled === true)
      .sort((a, b) => a.s.priority - b.s.priority || (a.s.id < b.s.id ? -1 : 1));
    if (enabled.every(({ s }) => DERIVED_KINDS.has(s.kind))) change.deleted.push(id);
    else {
      put.push(
        mergeVariants(enabled.map(({ v, s }): RankedVariant => ({ sourceId: s.id, sourceName: s.name, entity: v.entity }))),
      );
      change.changed.push(id);
    }
  }
  const merged = performance.now();
  endSpan('apply:merge', start);
  await db.entities.bulkDelete(change.deleted);
  await db.entities.bulkPut(put);
  endSpan('apply:entity-rows', merged);
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
