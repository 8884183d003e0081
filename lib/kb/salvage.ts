import * as v from 'valibot';
import { parseWholeRow } from './bucket-of';
import { noteSchema, salvageEntities, sourceSchema, type BackupSource } from './backup-format';
import type { NoteRecord, SourceRecord } from './db';
import { PERSONAL_SOURCE_ID } from './personal';
import type { RawDump } from './raw-idb';
import type { RecoveryReport } from './recovery-report';
import type { Problem } from './schema-check';
import type { SourceChoice, UserCopy } from './user-copy';

/**
 * What a rebuilt knowledge base starts from: everything of a damaged one that passes the same checks
 * as a backup import, topped up from the second copy of the user's data, in the shape a backup
 * restore takes. Pure: the raw rows come in, the checked records go out.
 */
export interface Salvage {
  format: 'gloss-salvage';
  sources: BackupSource[];
  notes: NoteRecord[];
  /** The revision counter to continue from: caches keyed by it must never see a number twice. */
  revision: number;
  report: RecoveryReport;
}

const NETWORK_KINDS = new Set<SourceRecord['kind']>(['pack-url', 'csv-url', 'wikidata']);
/** Fields of a source's record that describe its last sync; after a rebuild they describe nothing. */
const SYNC_STATE = ['etag', 'lastModified', 'failures', 'lastError', 'problems', 'lastChecked', 'syncing', 'status'] as const;

export function buildSalvage(dump: RawDump | null, copy: UserCopy | null, problem: Problem, now: number): Salvage {
  const dropped = { notes: 0, entities: 0, sources: 0 };
  const fromCopy = { notes: 0, personalEntities: 0, sources: 0 };
  const rows = (store: string) => dump?.stores[store] ?? [];

  // Sources: the registry with the user's choices (addresses, on/off, order, intervals).
  const records = new Map<string, Omit<SourceRecord, 'syncing'>>();
  for (const raw of rows('sources')) {
    const record = checkSource(raw);
    if (record && !records.has(record.id)) records.set(record.id, record);
    else dropped.sources++;
  }

  // What each source gave: from the variant buckets (v4), the variants (v3), or before v3 the merged entities.
  const given = new Map<string, unknown[]>();
  const give = (sourceId: unknown, entity: unknown) => {
    if (typeof sourceId !== 'string') {
      dropped.entities++;
      return;
    }
    const list = given.get(sourceId) ?? [];
    list.push(entity);
    given.set(sourceId, list);
  };
  for (const raw of rows('variants')) {
    const r = raw as { sourceId?: unknown; entity?: unknown } | null;
    give(r?.sourceId, r?.entity);
  }
  for (const raw of rows('variantBuckets')) {
    const r = raw as { sourceId?: unknown; entities?: unknown; json?: unknown } | null;
    const entities = typeof r?.json === 'string' ? parseWholeRow(r.json) : r?.entities;
    if (Array.isArray(entities)) for (const entity of entities) give(r?.sourceId, entity);
    else dropped.entities++;
  }
  for (const raw of rows('entities')) {
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { sourceIds?: unknown }).sourceIds)) {
      dropped.entities++;
      continue;
    }
    const { searchKeys: _k, sourceIds, alternatives: _a, ...entity } = raw as Record<string, unknown> & { sourceIds: unknown[] };
    for (const sourceId of sourceIds) give(sourceId, entity);
  }

  if (copy) mergeCopy(copy, records, given, dropped, fromCopy);
  if (given.has(PERSONAL_SOURCE_ID) && !records.has(PERSONAL_SOURCE_ID)) {
    // The user's own entities never go for want of their source's record.
    records.set(PERSONAL_SOURCE_ID, personalRecord(records));
  }

  const sources: BackupSource[] = [];
  const refetch: string[] = [];
  for (const record of records.values()) {
    const raw = given.get(record.id) ?? [];
    given.delete(record.id);
    // The built-in pack is imported again from the copy inside Gloss: its stored rows are not needed.
    const entities = record.kind === 'builtin' ? [] : salvageEntities(record.kind, raw);
    if (record.kind !== 'builtin') dropped.entities += raw.length - entities.length;
    sources.push({ ...resetForRebuild(record, problem), entities, entityCount: entities.length });
    if (NETWORK_KINDS.has(record.kind) && record.enabled) refetch.push(record.name);
  }
  // Entities of a source whose record is gone cannot be placed: they would be fetched again anyway.
  for (const list of given.values()) dropped.entities += list.length;

  const notes = new Map<string, NoteRecord>();
  for (const raw of rows('notes')) {
    const note = v.safeParse(noteSchema, raw);
    if (note.success && !notes.has(note.output.entityId)) notes.set(note.output.entityId, note.output);
    else dropped.notes++;
  }
  for (const raw of copy?.notes ?? []) {
    const note = v.safeParse(noteSchema, raw);
    if (!note.success) continue;
    const mine = notes.get(note.output.entityId);
    // The copy may be one write behind the database, never ahead: only a missing note is taken from it.
    if (!mine) {
      notes.set(note.output.entityId, note.output);
      fromCopy.notes++;
    }
  }

  const revision = typeof dump?.meta.kbRevision === 'number' && Number.isFinite(dump.meta.kbRevision) ? dump.meta.kbRevision : 0;
  const personal = sources.find((s) => s.id === PERSONAL_SOURCE_ID);
  return {
    format: 'gloss-salvage',
    sources,
    notes: [...notes.values()],
    // Restoring restarts no counter: continue well past the old one, even when it was unreadable.
    revision: Math.max(revision, now),
    report: {
      at: now,
      reason: problem.reason,
      detail: problem.detail,
      ...(problem.foundVersion !== undefined && { foundVersion: problem.foundVersion }),
      kept: {
        notes: notes.size,
        personalEntities: personal?.entities.length ?? 0,
        sources: sources.length,
        entities: sources.reduce((sum, s) => sum + (s.kind === 'personal' ? 0 : s.entities.length), 0),
      },
      dropped,
      fromCopy,
      refetch,
    },
  };
}

function checkSource(raw: unknown): Omit<SourceRecord, 'syncing'> | null {
  if (!raw || typeof raw !== 'object') return null;
  const parsed = v.safeParse(sourceSchema, { ...raw, entities: [] });
  if (!parsed.success) return null;
  const { entities: _e, syncing: _s, ...record } = parsed.output as typeof parsed.output & { syncing?: unknown };
  const entityCount = (raw as { entityCount?: unknown }).entityCount;
  return {
    ...(record as unknown as Omit<SourceRecord, 'syncing'>),
    entityCount: typeof entityCount === 'number' ? entityCount : 0,
  };
}

function personalRecord(records: Map<string, Omit<SourceRecord, 'syncing'>>): Omit<SourceRecord, 'syncing'> {
  return {
    id: PERSONAL_SOURCE_ID,
    kind: 'personal',
    name: 'My entities',
    enabled: true,
    priority: [...records.values()].reduce((max, s) => Math.max(max, s.priority + 1), 0),
    entityCount: 0,
  };
}

/**
 * A source as it goes into the rebuilt knowledge base. The built-in one loses its version, so the
 * copy inside Gloss is imported again (keeping the user's on/off and order). Network sources lose
 * their validators, so the server sends the whole file rather than "not modified", and are due now.
 */
function resetForRebuild(record: Omit<SourceRecord, 'syncing'>, problem: Problem): Omit<SourceRecord, 'syncing'> {
  const out: Record<string, unknown> = { ...record };
  if (record.kind === 'builtin') {
    delete out.version;
    return out as unknown as Omit<SourceRecord, 'syncing'>;
  }
  if (!NETWORK_KINDS.has(record.kind)) return out as unknown as Omit<SourceRecord, 'syncing'>;
  for (const key of SYNC_STATE) delete out[key];
  out.nextDue = 0;
  delete out.lastResult;
  out.status = { code: 'rebuilt', reason: problem.reason };
  return out as unknown as Omit<SourceRecord, 'syncing'>;
}

/** Fills in, from the copy, sources and personal entities the database no longer had (or had unreadable). */
function mergeCopy(
  copy: UserCopy,
  records: Map<string, Omit<SourceRecord, 'syncing'>>,
  given: Map<string, unknown[]>,
  dropped: { entities: number },
  fromCopy: { sources: number; personalEntities: number },
): void {
  for (const choice of copy.sources) {
    if (records.has(String((choice as { id?: unknown }).id))) continue;
    const record = checkSource({ ...choice, entityCount: 0 });
    if (!record) continue;
    records.set(record.id, record);
    fromCopy.sources++;
  }
  const raw = given.get(PERSONAL_SOURCE_ID) ?? [];
  const mine = salvageEntities('personal', raw);
  dropped.entities += raw.length - mine.length;
  const have = new Set(mine.map((e) => e.id));
  const added = salvageEntities('personal', copy.personal).filter((e) => !have.has(e.id));
  fromCopy.personalEntities = added.length;
  if (mine.length + added.length > 0) given.set(PERSONAL_SOURCE_ID, [...mine, ...added]);
}

/**
 * A journalled salvage seen as a copy of the user's data: when a rebuild is resumed over a database
 * the worker went on using after a failed attempt, what the user wrote since is in that database and
 * the salvage fills in the rest, by the same merge as the copy in storage.local.
 */
export function salvageAsCopy(salvage: Salvage): UserCopy {
  return {
    format: 'gloss-user-copy',
    version: 1,
    savedAt: salvage.report.at,
    notes: salvage.notes,
    personal: salvage.sources.find((s) => s.id === PERSONAL_SOURCE_ID)?.entities ?? [],
    sources: salvage.sources.map(({ id, kind, name, enabled, priority, url, intervalHours }): SourceChoice => ({
      id,
      kind,
      name,
      enabled,
      priority,
      ...(url !== undefined && { url }),
      ...(intervalHours !== undefined && { intervalHours }),
    })),
  };
}
