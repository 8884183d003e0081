import { BACKUP_FORMAT } from './backup-format';
import { restoreBackup } from './backup';
import type { GlossDb } from './db';
import type { Salvage } from './salvage';

/**
 * Writes a salvage into an empty knowledge base, in one transaction, by the same code as a backup
 * import: a worker stopped half-way leaves it empty, and the journal still holds the salvage.
 */
export async function restoreSalvage(db: GlossDb, salvage: Salvage): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.meta.put({ key: 'kbRevision', value: salvage.revision });
    await restoreBackup(db, {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date(salvage.report.at).toISOString(),
      sources: salvage.sources,
      notes: salvage.notes,
    });
  });
}
