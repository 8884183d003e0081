import Dexie, { type EntityTable } from 'dexie';
import type { Entity } from '../pack/types';

/** An entity as stored: the pack's entity plus what the knowledge base needs to find and own it. */
export interface StoredEntity extends Entity {
  /** Folded aliases and their words, for prefix search. */
  searchKeys: string[];
  /** Ids of the sources that give this entity. */
  sourceIds: string[];
}

export type SourceKind = 'builtin' | 'pack-url' | 'csv-url' | 'wikidata' | 'personal';

export interface SourceRecord {
  id: string;
  kind: SourceKind;
  name: string;
  url?: string;
  enabled: boolean;
  priority: number;
  version?: string;
  asOf?: string;
  license?: string;
  attribution?: string;
  homepage?: string;
  entityCount: number;
  lastAttempt?: number;
  lastSuccess?: number;
  lastError?: string;
}

/** The user's own note on an entity; kept apart from packs so no sync ever touches it. */
export interface NoteRecord {
  entityId: string;
  text: string;
  updatedAt: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type GlossDb = Dexie & {
  entities: EntityTable<StoredEntity, 'id'>;
  sources: EntityTable<SourceRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  notes: EntityTable<NoteRecord, 'entityId'>;
};

/**
 * Opens the knowledge base. Every schema version stays declared with its upgrade, as Dexie asks, so a
 * profile that skipped releases still upgrades step by step.
 */
export function openDb(name = 'gloss'): GlossDb {
  const db = new Dexie(name) as GlossDb;
  db.version(1).stores({
    entities: 'id, *searchKeys, kind, *sourceIds',
    sources: 'id',
    meta: 'key',
  });
  // v2: the user's notes, in their own table.
  db.version(2).stores({ notes: 'entityId, updatedAt' });
  return db;
}
