import { BACKUP_FORMAT, parseBackup, summariseBackup, type Backup } from '@/lib/kb/backup-format';
import { DEFAULT_DISPLAY, wikidataLookup } from '@/lib/settings/items';
import { importBackup } from '@/lib/kb/import-backup';
import { removeNote, removePersonal, writeNote, writePersonal } from '@/lib/kb/user-writes';
import type { UserProtocol } from '@/lib/messaging/user-protocol';
import type { Handlers } from './handle';
import { syncEngine } from './sync-handlers';
import { db, ensureBuiltin, invalidateMatchIndex, userCopy, writeSettingsAtOnce } from './knowledge';

/**
 * The user's own data. Each write is one IndexedDB transaction, followed by the second copy of the
 * user's data in storage.local (lib/kb/user-copy.ts); the reply comes after both.
 */
export const userHandlers: Handlers<keyof UserProtocol> = {
  getNote: async ({ entityId }) => (await db.notes.get(entityId)) ?? null,
  listNotes: async () => db.notes.orderBy('updatedAt').reverse().toArray(),
  setNote: ({ entityId, text }) => writeNote(db, userCopy, entityId, text),
  deleteNote: ({ entityId }) => removeNote(db, userCopy, entityId),
  // Personal entities and imports change what pages match: the matcher is rebuilt on the next page.
  savePersonalEntity: async ({ entity }) => {
    const id = await writePersonal(db, userCopy, entity);
    invalidateMatchIndex();
    return id;
  },
  addEntityFromCard: async ({ entity }) => {
    const id = await writePersonal(db, userCopy, { ...entity, aliases: [] });
    invalidateMatchIndex();
    return id;
  },
  deletePersonalEntity: async ({ id }) => {
    const deleted = await removePersonal(db, userCopy, id);
    invalidateMatchIndex();
    return deleted;
  },
  importBackup: async ({ text }) => {
    // Checked again here: the options page's check is for the user, this one is for the database.
    const checked = parseBackup(text);
    if (!checked.ok) throw new Error(`The backup was not imported: ${checked.problems.join('; ')}`);
    await importBackup(db, checked.backup, writeSettingsAtOnce, userCopy);
    invalidateMatchIndex();
    // The restore left the built-in source without a version: the pack inside Gloss goes back in.
    await ensureBuiltin();
    const { sources, entities, notes } = summariseBackup(checked.backup);
    return { sources, entities, notes };
  },
  resetGloss: async () => {
    // A reset is the import of an empty backup: the same one transaction, pending settings and second copy.
    const empty: Backup = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      sources: [],
      notes: [],
      settings: { display: DEFAULT_DISPLAY, disabledSites: [], paused: false },
    };
    await importBackup(db, empty, writeSettingsAtOnce, userCopy);
    await wikidataLookup.setValue(false);
    invalidateMatchIndex();
    await ensureBuiltin();
    // No source needs the network now: clear the sync alarm.
    await syncEngine.reschedule();
    const [sources, entities, notes] = await Promise.all([db.sources.count(), db.entities.count(), db.notes.count()]);
    return { sources, entities, notes };
  },
};
