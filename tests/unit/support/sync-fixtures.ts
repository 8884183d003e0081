import 'fake-indexeddb/auto';
import { openDb, type GlossDb, type SourceRecord } from '../../../lib/kb/db';
import { DEFAULT_LIMITS, type SyncLimits } from '../../../lib/sync/limits';
import { failureText, statusText } from '../../../lib/sync/status-text';
import type { SyncDeps } from '../../../lib/sync/sync-source';
import type { Entity, Pack } from '../../../lib/pack/types';

export const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  kind: 'person',
  name,
  description: `${name}, a test person.`,
  sources: ['https://example.org/'],
  ...extra,
});

export const pack = (entities: Entity[], version = '1', id = 'test-pack'): Pack => ({
  format: 1,
  id,
  name: 'Test pack',
  version,
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities,
});

/** Small time limits: every network test is over in a few seconds whatever the server does. */
export const TEST_LIMITS: SyncLimits = { ...DEFAULT_LIMITS, timeLimitMs: 4_000, stallMs: 600, flushBytes: 64 * 1024 };

export function freshDb(): GlossDb {
  return openDb(`sync-test-${Math.random()}`);
}

export function deps(db: GlossDb, over: Partial<SyncDeps> = {}): SyncDeps {
  return { db, limits: TEST_LIMITS, now: Date.now, languages: ['en'], wikidataInstance: 'http://127.0.0.1:9', ...over };
}

export async function kbIds(db: GlossDb): Promise<string[]> {
  return (await db.entities.toCollection().primaryKeys()).sort();
}

/** What the options page says of a source's latest sync (its stored status, in English). */
export function said(source: SourceRecord | undefined): string {
  return source?.status ? statusText(source.status) : '';
}

/** Why a source's latest sync failed, in English; undefined when it did not fail. */
export function whyFailed(source: SourceRecord | undefined): string | undefined {
  return source?.status?.code === 'failed' ? failureText(source.status.failure) : undefined;
}
