import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { DatedFact, Entity, EntityKind } from '../pack/types';
import type { SourceStatus } from '../sync/status';
import { bucketRows, WHOLE_SOURCE } from './bucket-of';

/** What another source says of an entity than the one shown, so a card can show both. */
export interface EntityAlternative {
  sourceId: string;
  sourceName: string;
  name: string;
  kind: EntityKind;
  description: string;
  roles?: DatedFact[];
}

/**
 * An entity as stored: the merge of what every enabled source gives (see lib/kb/merge-variants.ts),
 * plus what the knowledge base needs to find and own it.
 */
export interface StoredEntity extends Entity {
  /** Folded aliases and their words, for prefix search. */
  searchKeys: string[];
  /** Ids of the enabled sources that give this entity, by the user's priority: the first one's fields are shown. */
  sourceIds: string[];
  /** What the other sources say, when more than one gives this entity. */
  alternatives?: EntityAlternative[];
}

/** One source's own version of an entity, kept so that priorities, removals and diffs never lose it. */
export interface VariantRecord {
  sourceId: string;
  entityId: string;
  entity: Entity;
}

/**
 * Where variants are stored: a source's entities in a fixed number of buckets by a hash of their id
 * (lib/kb/variant-buckets.ts). One row per entity made a 100,000-entity import write 100,000 more
 * rows, which cost as much again as the entities themselves in Chromium.
 */
interface VariantBucket {
  sourceId: string;
  bucket: number;
  entities: Entity[];
}

/**
 * A built-in source's variants, all in one row as JSON text (bucket WHOLE_SOURCE, lib/kb/bucket-of.ts).
 * A built-in pack is only ever written whole (at install and at each update), so buckets buy it nothing,
 * and each row costs Chromium a fixed price: its ~2,900 bucket rows were a third of an install's writes;
 * one string row costs a tenth of that (bench/default-set-chromium.ts).
 */
interface WholeSourceRow {
  sourceId: string;
  bucket: typeof WHOLE_SOURCE;
  json: string;
}

/** A row of the variantBuckets table. */
export type VariantRow = VariantBucket | WholeSourceRow;

type SourceKind = 'builtin' | 'pack-url' | 'csv-url' | 'wikidata' | 'personal';

/** A sync under way; left behind in the record when the worker was stopped in the middle of one. */
interface SyncProgress {
  startedAt: number;
  phase: 'download' | 'apply';
  /** Bytes received so far, including bytes kept from an interrupted download. */
  received: number;
  /** Bytes expected, when the server said. */
  total?: number;
  /** Bytes taken over from an interrupted download instead of fetched again. */
  resumedFrom?: number;
  /** Whether the server has answered (before that, Gloss is still contacting it). */
  answered?: boolean;
  /**
   * The worker's last sign of life in this sync. A marker whose beat is old outlived its worker: the
   * sync was interrupted, and the options page says so instead of showing frozen progress.
   */
  beat?: number;
}

export interface SourceRecord {
  id: string;
  kind: SourceKind;
  name: string;
  url?: string;
  enabled: boolean;
  /** Rank: 0 is shown first. Where two sources give the same entity, the lower rank's fields are shown. */
  priority: number;
  version?: string;
  asOf?: string;
  license?: string;
  attribution?: string;
  homepage?: string;
  description?: string;
  entityCount: number;
  /** How often to check, in hours, as the user chose (never less than 1). */
  intervalHours?: number;
  /** When the last sync started, whatever came of it. */
  lastAttempt?: number;
  /** When the source's content was last applied to the knowledge base. */
  lastSuccess?: number;
  /** When the server last confirmed the content unchanged (304), without a new apply. */
  lastChecked?: number;
  /** When the next automatic sync is due. */
  nextDue?: number;
  /** Failures in a row; the back-off doubles with each. */
  failures?: number;
  /** Validators of the content held, for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** A CSV glossary's licence and credit as the reader gave them when adding it; the file's `#` lines win. */
  statedLicense?: string;
  statedAttribution?: string;
  /** What the latest sync did (or waits for), as codes and numbers; rendered by lib/sync/status-text.ts. */
  status?: SourceStatus;
  /** Written by Gloss before statuses were data: a sentence, shown as it is until the next sync replaces it. */
  lastResult?: string;
  /** Written by Gloss before statuses were data: why the latest sync failed; absent after a success. */
  lastError?: string;
  /** The first problems of a refused pack, "path: message". */
  problems?: string[];
  /** Set while a sync runs. */
  syncing?: SyncProgress;
}

/** A download in progress, so a worker stopped mid-transfer can continue where it was. */
export interface DownloadRecord {
  sourceId: string;
  url: string;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** Bytes stored in downloadChunks so far. */
  received: number;
  chunks: number;
  total?: number;
  startedAt: number;
}

interface DownloadChunk {
  sourceId: string;
  seq: number;
  data: Uint8Array;
}

/** The user's own note on an entity; kept apart from packs so no sync ever touches it. */
export interface NoteRecord {
  entityId: string;
  text: string;
  updatedAt: number;
}

interface MetaRecord {
  key: string;
  value: unknown;
}

export type GlossDb = Dexie & {
  entities: EntityTable<StoredEntity, 'id'>;
  sources: EntityTable<SourceRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  notes: EntityTable<NoteRecord, 'entityId'>;
  variantBuckets: Dexie.Table<VariantRow, [string, number]>;
  downloads: EntityTable<DownloadRecord, 'sourceId'>;
  downloadChunks: Dexie.Table<DownloadChunk, [string, number]>;
};

/** One schema version as declared to Dexie: the stores it adds or changes, and its upgrade. */
export interface SchemaVersion {
  version: number;
  /** A table set to null is deleted in that version. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version the knowledge base has had, oldest first. Dexie asks that each stays declared
 * with its upgrade, so a profile that skipped releases still upgrades step by step; tests build the
 * old databases from these same declarations, and the integrity check compares a database on disk
 * with what its version should hold.
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  { version: 1, stores: { entities: 'id, *searchKeys, kind, *sourceIds', sources: 'id', meta: 'key' } },
  // v2: the user's notes, in their own table.
  { version: 2, stores: { notes: 'entityId, updatedAt' } },
  // v3: each source's own version of an entity (so two sources can give the same one and removing
  // either loses nothing of the other), and downloads staged in chunks so a stopped worker resumes.
  {
    version: 3,
    stores: {
      variants: '[sourceId+entityId], sourceId, entityId',
      downloads: 'sourceId',
      downloadChunks: '[sourceId+seq], sourceId',
    },
    upgrade: async (tx) => {
      // Before v3 an entity given by several sources was stored once, as the last one gave it: that
      // copy is the best guess at each source's version until the source next syncs.
      const entities = await tx.table<StoredEntity, string>('entities').toArray();
      await tx
        .table<VariantRecord, [string, string]>('variants')
        .bulkPut(
          entities.flatMap(({ searchKeys: _k, sourceIds, alternatives: _a, ...entity }) =>
            sourceIds.map((sourceId) => ({ sourceId, entityId: entity.id, entity })),
          ),
        );
    },
  },
  // v4: variants in buckets (a few hundred rows per source, not one per entity); the entities lose the
  // multi-entry indexes on their search keys (about six an entity; search has its own stored index,
  // lib/kb/search.ts) and their sources (nothing queried it). Each made large imports write far more:
  // together about half the time of a 100,000-entity import in Chromium (bench/browser-scale.ts).
  {
    version: 4,
    stores: { entities: 'id, kind', variantBuckets: '[sourceId+bucket], sourceId' },
    upgrade: async (tx) => {
      const rows = await tx.table<VariantRecord, [string, string]>('variants').toArray();
      // A row without an entity id cannot be placed in a bucket; it would fail the whole upgrade (and
      // force a rebuild) for one damaged row, which the v3 code would never have shown anyway.
      const placeable = rows.filter((r) => typeof r?.entity?.id === 'string');
      await tx.table<VariantBucket, [string, number]>('variantBuckets').bulkPut(bucketRows(placeable));
    },
  },
  // v5: the per-entity variants table goes, once v4 has copied it (Dexie lets an upgrade read a table
  // that a later version deletes, not the same one).
  { version: 5, stores: { variants: null } },
  // v6: a built-in source's variants in one JSON row instead of its buckets (see WholeSourceRow). The
  // version says so to an older Gloss, which would read such a row as empty: it salvages instead.
  { version: 6, stores: {}, upgrade: wholeBuiltinRows },
];

/** v6's upgrade: each built-in source's bucket rows become its one whole row, the entities unchanged. */
async function wholeBuiltinRows(tx: Transaction): Promise<void> {
  const sources = await tx.table<SourceRecord, string>('sources').toArray();
  const rows = tx.table<VariantRow, [string, number]>('variantBuckets');
  for (const { id, kind } of sources) {
    if (kind !== 'builtin') continue;
    const buckets = await rows.where('sourceId').equals(id).toArray();
    if (buckets.length === 0) continue;
    const entities = buckets
      .flatMap((b) => ('entities' in b && Array.isArray(b.entities) ? b.entities : []))
      .filter((e) => typeof e?.id === 'string');
    await rows.where('sourceId').equals(id).delete();
    await rows.put({ sourceId: id, bucket: WHOLE_SOURCE, json: JSON.stringify(entities) });
  }
}

/** The schema version this code writes. */
export const DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

/** Declares the schema versions up to `upto` on a Dexie instance (all of them by default). */
export function declareSchema(db: Dexie, upto = DB_VERSION): void {
  for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
    if (version > upto) break;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/**
 * Opens the knowledge base (lazily: Dexie opens it on first use). `options` passes Dexie its
 * IndexedDB, for tests that break it on purpose.
 */
export function openDb(name = 'gloss', options?: DexieOptions): GlossDb {
  const db = new Dexie(name, options) as GlossDb;
  declareSchema(db);
  return db;
}
