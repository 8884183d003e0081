import * as v from 'valibot';
import type { NoteRecord } from '../kb/db';
import { ENTITY_KINDS } from '../pack/types';
import type { ProtocolOf } from './define';
import { EMPTY_REQUEST } from './kb-protocol';

interface ImportReport {
  sources: number;
  entities: number;
  notes: number;
}

const entityId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200));

const plain = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text`),
    v.trim(),
    v.maxLength(max, `${field} is longer than ${max} characters`),
    // Cards render text, never HTML, but a pack exported from here should pass any pack validator.
    v.check((s) => !/<\/?[a-z!][^<>]*>/i.test(s), `${field} contains HTML tags; write plain text`),
  );

/** An entity the user writes in the options page; stored in the 'personal' source like any pack's. */
const personalEntitySchema = v.object({
  id: v.optional(v.pipe(v.string(), v.regex(/^personal:[A-Za-z0-9._:-]{1,100}$/, 'not an id of your own entities'))),
  kind: v.picklist(ENTITY_KINDS, 'choose what kind of thing it is'),
  name: v.pipe(plain('The name', 200), v.nonEmpty('The name is empty')),
  aliases: v.pipe(
    v.array(v.pipe(plain('An other name', 200), v.nonEmpty('An other name is empty'))),
    v.maxLength(50, 'more than 50 other names'),
  ),
  description: v.pipe(plain('The description', 2_000), v.nonEmpty('Say in a few words what it is: the card shows it')),
  sources: v.pipe(
    v.array(
      v.pipe(
        v.string(),
        v.trim(),
        v.check((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'A source must be a link starting with http:// or https://'),
      ),
    ),
    v.maxLength(10, 'more than 10 sources'),
  ),
});

export type PersonalEntityInput = v.InferOutput<typeof personalEntitySchema>;

/**
 * An entity the reader adds from a card on a page: always a new one (an id, if sent, is dropped: a card
 * can never overwrite one of the reader's entities), with no other names, and at most the page it came
 * from as its source.
 */
const cardEntitySchema = v.object({
  ...v.omit(personalEntitySchema, ['id', 'aliases', 'sources']).entries,
  sources: v.pipe(personalEntitySchema.entries.sources, v.maxLength(1, 'a card adds one source, the page')),
});

export type CardEntityInput = v.InferOutput<typeof cardEntitySchema>;

export const USER_SCHEMAS = {
  getNote: v.object({ entityId }),
  listNotes: EMPTY_REQUEST,
  setNote: v.object({ entityId, text: v.pipe(v.string(), v.maxLength(10_000, 'a note is longer than 10,000 characters')) }),
  deleteNote: v.object({ entityId }),
  savePersonalEntity: v.object({ entity: personalEntitySchema }),
  addEntityFromCard: v.object({ entity: cardEntitySchema }),
  deletePersonalEntity: v.object({ id: entityId }),
  // Chrome caps a message at 64 MiB; the cap here says so in words before the browser refuses it.
  importBackup: v.object({ text: v.pipe(v.string(), v.maxLength(60_000_000, 'the backup is larger than 60 MB')) }),
  resetGloss: EMPTY_REQUEST,
};

/** The user's own data. Reading a note is open to the card; writing is for Gloss's own pages. */
interface UserReplies {
  getNote: NoteRecord | null;
  listNotes: NoteRecord[];
  setNote: NoteRecord;
  deleteNote: boolean;
  /** Adds or replaces one of the user's own entities; answers its id. */
  savePersonalEntity: string;
  /** Adds a new entity of the user's own from a card on a page; answers its id. */
  addEntityFromCard: string;
  /** Removes one of the user's own entities and the note on it. */
  deletePersonalEntity: boolean;
  /** Replaces the knowledge base, notes and settings with a backup (the JSON text of an export). */
  importBackup: ImportReport;
  /**
   * Puts Gloss back as installed: the built-in packs only (each on or off as it ships), no other source,
   * note or entity of the reader's own, default settings. Answers what Gloss then holds.
   */
  resetGloss: ImportReport;
}

export type UserProtocol = ProtocolOf<typeof USER_SCHEMAS, UserReplies>;
