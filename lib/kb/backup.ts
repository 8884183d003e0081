import type { SettingsSnapshot } from '../settings/schemas';
import { applyPack, bumpRevision } from './apply-pack';
import { BACKUP_FORMAT, type Backup, type BackupSource } from './backup-format';
import type { GlossDb } from './db';
import { sourceEntities } from './variant-buckets';

/** Everything the user would miss in a new browser: sources with their entities, notes, settings. */
export async function exportBackup(db: GlossDb, settings: SettingsSnapshot, now = new Date()): Promise<Backup> {
  return db.transaction('r', [db.sources, db.variantBuckets, db.notes], async () => {
    const sources: BackupSource[] = [];
    for (const s of (await db.sources.toArray()).sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1))) {
      const { syncing: _syncing, ...record } = s;
      const entities = await sourceEntities(db, s.id);
      sources.push({ ...record, entities });
    }
    return {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: now.toISOString(),
      sources,
      notes: await db.notes.toArray(),
      settings,
    };
  });
}

/**
 * Replaces the knowledge base and the notes with a checked backup, in one transaction: a failure
 * half-way leaves everything as it was. Each source is applied as a pack, so the stored entities are
 * merged by the same code as after a sync. `meta` stays: it holds counters that must only grow.
 */
export async function restoreBackup(db: GlossDb, backup: Backup): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) if (table.name !== 'meta') await table.clear();
    // Cleared entities are a change too, even if the backup gives none back.
    await bumpRevision(db);
    for (const { entities, ...record } of backup.sources) {
      await applyPack(db, record, {
        format: 1,
        id: record.id,
        name: record.name,
        version: record.version ?? '',
        license: record.license ?? '',
        attribution: record.attribution ?? '',
        asOf: record.asOf ?? '',
        ...(record.homepage ? { homepage: record.homepage } : {}),
        ...(record.description ? { description: record.description } : {}),
        entities,
      });
      // The record exactly as exported (the pack above had to fill in fields a record may lack).
      await db.sources.put({ ...record, entityCount: entities.length });
    }
    await db.notes.bulkPut(backup.notes);
  });
}
