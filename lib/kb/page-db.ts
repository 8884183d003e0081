import { openDb, type GlossDb } from '@/lib/kb/db';

let db: GlossDb | null = null;

/**
 * The knowledge base, opened from an extension page (popup, options): it lives in the extension's
 * origin, so these pages read it directly instead of asking the worker for every row. Writes still go
 * through the worker, which owns the matcher that must follow them.
 */
export function pageDb(): GlossDb {
  db ??= openDb();
  return db;
}
