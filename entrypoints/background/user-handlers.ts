import { parseBackup, summariseBackup } from '@/lib/kb/backup-format';
import { restoreBackup } from '@/lib/kb/backup';
import { deletePersonal, savePersonal } from '@/lib/kb/personal';
import { writeSettings } from '@/lib/settings/items';
import { handle } from './handle';
import { db, invalidateMatchIndex } from './knowledge';

export function registerUserHandlers(): void {
  handle('getNote', async ({ entityId }) => (await db.notes.get(entityId)) ?? null);
  handle('listNotes', async () => db.notes.orderBy('updatedAt').reverse().toArray());
  handle('setNote', async ({ entityId, text }) => {
    const note = { entityId, text, updatedAt: Date.now() };
    await db.notes.put(note);
    return note;
  });
  handle('deleteNote', async ({ entityId }) => {
    const existed = (await db.notes.get(entityId)) !== undefined;
    await db.notes.delete(entityId);
    return existed;
  });
  // Personal entities and imports change what pages match: the matcher is rebuilt on the next page.
  handle('savePersonalEntity', async ({ entity }) => {
    const id = await savePersonal(db, entity);
    invalidateMatchIndex();
    return id;
  });
  handle('deletePersonalEntity', async ({ id }) => {
    const deleted = await deletePersonal(db, id);
    invalidateMatchIndex();
    return deleted;
  });
  handle('importBackup', async ({ text }) => {
    // Checked again here: the options page's check is for the user, this one is for the database.
    const checked = parseBackup(text);
    if (!checked.ok) throw new Error(`The backup was not imported: ${checked.problems.join('; ')}`);
    await restoreBackup(db, checked.backup);
    invalidateMatchIndex();
    if (checked.backup.settings) await writeSettings(checked.backup.settings);
    const { sources, entities, notes } = summariseBackup(checked.backup);
    return { sources, entities, notes };
  });
}
