import { handle } from './handle';
import { db } from './knowledge';

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
}
