import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { GlossDb } from '../../../lib/kb/db';
import { freshDb } from './sync-fixtures';
import { startSyncServer, type SyncTestServer } from './sync-server';

export interface SyncTestbed {
  /** One local server for the whole file (sources are served from it). */
  server: SyncTestServer;
  /** A fresh knowledge base for each test, deleted after it. */
  db: GlossDb;
}

/**
 * What every sync test file starts with: its local server for the file, a fresh database per test,
 * `seed` run on each before the test. Read `bed.db` and `bed.server` inside tests, once they exist.
 */
export function syncTestbed(seed?: (db: GlossDb, server: SyncTestServer) => Promise<unknown> | void): SyncTestbed {
  const bed = {} as SyncTestbed;
  beforeAll(async () => {
    bed.server = await startSyncServer();
  });
  afterAll(() => bed.server.close());
  beforeEach(async () => {
    bed.db = freshDb();
    await seed?.(bed.db, bed.server);
  });
  afterEach(() => bed.db.delete());
  return bed;
}
