import * as v from 'valibot';
import type { NoteRecord } from '../kb/db';
import type { Result } from './result';
import { EMPTY_REQUEST } from './kb-protocol';

/** The user's own data. Reading a note is open to the card; writing is for Gloss's own pages. */
export interface UserProtocol {
  getNote(data: { entityId: string }): Result<NoteRecord | null>;
  listNotes(data: Record<string, never>): Result<NoteRecord[]>;
  setNote(data: { entityId: string; text: string }): Result<NoteRecord>;
  deleteNote(data: { entityId: string }): Result<boolean>;
}

const entityId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));

export const USER_SCHEMAS: { [K in keyof UserProtocol]: v.GenericSchema } = {
  getNote: v.object({ entityId }),
  listNotes: EMPTY_REQUEST,
  setNote: v.object({ entityId, text: v.pipe(v.string(), v.maxLength(10_000, 'a note is longer than 10,000 characters')) }),
  deleteNote: v.object({ entityId }),
};

export const USER_PRIVILEGED: readonly (keyof UserProtocol)[] = ['setNote', 'deleteNote'];
