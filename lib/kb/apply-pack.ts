import { withConfirmedRoles } from '../core/roles-as-of';
import type { Pack } from '../pack/types';
import type { GlossDb, SourceRecord } from './db';
import { markRowsDeferred } from './deferred-rows';
import { sameEntity } from './merge-variants';
import { mergeEntities, writeEntityRows, type EntityRows, type KbChange } from './resolve-entities';
import { endSpan } from './spans';
import { replaceSourceEntities, sourceEntities } from './variant-buckets';

export type { KbChange } from './resolve-entities';
export { bumpRevision, kbRevision } from './resolve-entities';

export interface ApplyReport {
  added: number;
  updated: number;
  removed: number;
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

const SETTINGS = ['enabled', 'priority', 'intervalHours', 'url'] as const;

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
  return (await applyInOneTransaction(db, items, opts, false)).results;
}

/**
 * applySourcePacks without the entity rows: the sources, their variants and the revision land, and the
 * rows to write come back with a note in `meta` that they are owed (lib/kb/deferred-rows.ts). Writing
 * ~7,000 rows was half of an install in Chromium (a fixed cost per row); the worker serves the entities
 * from memory until writeDeferredRows lands them, and a worker stopped before that leaves the note for
 * the next one to finish from the variants.
 */
export async function applySourcePacksDeferred(
  db: GlossDb,
  items: readonly SourcePack[],
  opts: ApplyOptions = {},
): Promise<{ results: ApplyResult[]; rows: EntityRows; revision: number }> {
  return applyInOneTransaction(db, items, opts, true);
}

async function applyInOneTransaction(
  db: GlossDb,
  items: readonly SourcePack[],
  opts: ApplyOptions,
  deferRows: boolean,
): Promise<{ results: ApplyResult[]; rows: EntityRows; revision: number }> {
  if (items.length === 0) return { results: [], rows: { put: [], deleted: [] }, revision: 0 };
  // Every stored role says how far it was confirmed (the pack's asOf where the author left it out), so that
  // no card presents it as current past that day (lib/core/roles-as-of.ts).
  const prepared = items.map(({ source, pack }) => ({
    source,
    pack: { ...pack, entities: withConfirmedRoles(pack.entities, pack.asOf) },
  }));
  const began = performance.now();
  const applied = await db.transaction(
    'rw',
    [db.entities, db.variantBuckets, db.sources, db.meta, db.downloads, db.downloadChunks],
    async () => {
      const written: { result: ApplyResult; resolve: string[] }[] = [];
      const start = performance.now();
      for (const { source, pack } of prepared) written.push(await writeSourceVariants(db, source, pack, opts));
      endSpan('apply:variant-rows', start);
      const known = prepared.map(({ source, pack }) => ({ sourceId: source.id, entities: pack.entities }));
      const ids = [...new Set(written.flatMap((w) => w.resolve))];
      const { change, rows } = await mergeEntities(db, ids, known);
      const revision = ids.length > 0 && deferRows ? await markRowsDeferred(db, ids) : 0;
      if (ids.length > 0 && !deferRows) await writeEntityRows(db, rows);
      const changed = new Set(change.changed);
      const deleted = new Set(change.deleted);
      const results = await Promise.all(
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
      return { results, rows, revision };
    },
  );
  endSpan('apply:transaction', began);
  return applied;
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
