import 'fake-indexeddb/auto';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { DEFAULT_LIMITS, type SyncLimits } from '../../lib/sync/limits';
import type { SyncDeps } from '../../lib/sync/sync-source';
import type { Entity, Pack } from '../../lib/pack/types';

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
