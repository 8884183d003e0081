import type { PersonalEntityInput } from '../messaging/user-protocol';
import type { GlossDb, NoteRecord } from './db';
import { deletePersonal, savePersonal } from './personal';

/** Where a write of the user's data is copied after it commits (lib/kb/user-copy.ts). */
export interface AfterUserWrite {
  save(): Promise<void>;
}

/**
 * The user's writes, each one IndexedDB transaction (there whole or not at all), then the second copy
 * in storage.local. The copy never fails the write (that has committed); a worker stopped between the
 * two leaves the copy one write behind, and the next start catches it up.
 */
export async function writeNote(
  db: GlossDb,
  copy: AfterUserWrite,
  entityId: string,
  text: string,
  now = Date.now(),
): Promise<NoteRecord> {
  const note = { entityId, text, updatedAt: now };
  await db.notes.put(note);
  await copy.save();
  return note;
}

/** Deletes a note; true if there was one. */
export async function removeNote(db: GlossDb, copy: AfterUserWrite, entityId: string): Promise<boolean> {
  const existed = await db.transaction('rw', db.notes, async () => {
    const found = (await db.notes.get(entityId)) !== undefined;
    if (found) await db.notes.delete(entityId);
    return found;
  });
  if (existed) await copy.save();
  return existed;
}

/** Adds or replaces one of the user's entities (lib/kb/personal.ts); returns its id. */
export async function writePersonal(db: GlossDb, copy: AfterUserWrite, input: PersonalEntityInput): Promise<string> {
  const id = await savePersonal(db, input);
  await copy.save();
  return id;
}

/** Removes one of the user's entities and the note on it; false if there was none. */
export async function removePersonal(db: GlossDb, copy: AfterUserWrite, id: string): Promise<boolean> {
  const deleted = await deletePersonal(db, id);
  if (deleted) await copy.save();
  return deleted;
}
