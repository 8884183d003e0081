import Dexie from 'dexie';
import * as v from 'valibot';
import type { Entity } from '../pack/types';
import type { GlossDb, NoteRecord, SourceRecord } from './db';
import { PERSONAL_SOURCE_ID } from './personal';
import { sourceEntities } from './variant-buckets';

/**
 * A second copy of what only the user made — notes, their own entities, the sources they chose and
 * how — kept in `storage.local`, apart from IndexedDB. If the knowledge base cannot be read at all
 * (a corrupted file, a browser that dropped it), Gloss rebuilds it from this copy and the built-in
 * pack, and fetches the sources again. Everything else in the knowledge base can be fetched again;
 * this cannot.
 *
 * IndexedDB stays the truth: the copy is rewritten after each write of the user's data, and on every
 * start, from what the knowledge base holds. A worker stopped between the two writes leaves the copy
 * one write behind until the next start, never ahead.
 */
export const USER_COPY_KEY = 'glossUserCopy';

/** A source's identity and the user's choices for it: what is needed to subscribe again. */
export type SourceChoice = Pick<SourceRecord, 'id' | 'kind' | 'name' | 'enabled' | 'priority'> &
  Partial<Pick<SourceRecord, 'url' | 'intervalHours'>>;

export interface UserCopy {
  format: 'gloss-user-copy';
  version: 1;
  savedAt: number;
  notes: NoteRecord[];
  /** The user's own entities, as they wrote them. */
  personal: Entity[];
  sources: SourceChoice[];
}

/** The storage area the copy lives in: `browser.storage.local` in the extension. */
export interface CopyArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const choiceKeys = ['id', 'kind', 'name', 'url', 'enabled', 'priority', 'intervalHours'] as const;

/** The user's data as the knowledge base holds it now, in one read transaction. */
export async function readUserData(db: GlossDb): Promise<Omit<UserCopy, 'savedAt'>> {
  return db.transaction('r', [db.notes, db.variantBuckets, db.sources], async () => {
    const notes = (await db.notes.toArray()).sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
    const personal = await sourceEntities(db, PERSONAL_SOURCE_ID);
    const sources = (await db.sources.toArray())
      .map((s) => Object.fromEntries(choiceKeys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as SourceChoice)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { format: 'gloss-user-copy', version: 1, notes, personal, sources };
  });
}

const looseRecord = v.looseObject({});
const copySchema = v.object({
  format: v.literal('gloss-user-copy'),
  version: v.literal(1),
  savedAt: v.number(),
  notes: v.array(v.unknown()),
  personal: v.array(v.unknown()),
  sources: v.array(looseRecord),
});

/**
 * The copy as stored, or null when there is none or it is not one. Rows inside are checked again by
 * the salvage, with the same rules as a backup; here only the envelope.
 */
function parseUserCopy(raw: unknown): UserCopy | null {
  const parsed = v.safeParse(copySchema, raw);
  return parsed.success ? (parsed.output as unknown as UserCopy) : null;
}

/** The copy in an area, or null when there is none, it is not one, or the area cannot be read. */
export async function readUserCopy(area: CopyArea): Promise<UserCopy | null> {
  try {
    return parseUserCopy((await area.get(USER_COPY_KEY))[USER_COPY_KEY]);
  } catch {
    return null;
  }
}

/** JSON with keys sorted, so two copies of the same data compare equal whatever order their keys came in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

export const copyHoldsData = (copy: UserCopy | null): copy is UserCopy =>
  !!copy && (copy.notes.length > 0 || copy.personal.length > 0 || copy.sources.some((s) => s.kind !== 'builtin'));

/**
 * Keeps the copy in step with the knowledge base. Saves run one after another so a slow earlier save
 * never overwrites a later one, and only write when something the copy holds changed. It starts
 * switched off: until the knowledge base is known good, an empty or damaged one must not overwrite a
 * good copy.
 */
export class UserCopyKeeper {
  private last: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private enabled = false;
  /** Why the last save failed (storage full), for the status. */
  lastError: string | null = null;

  constructor(
    private readonly db: GlossDb,
    private readonly area: CopyArea,
    private readonly now: () => number = Date.now,
  ) {}

  enable(): void {
    this.enabled = true;
  }

  read(): Promise<UserCopy | null> {
    return readUserCopy(this.area);
  }

  /** After a rebuild the stored copy may differ from what was last written: compare afresh. */
  forget(): void {
    this.last = null;
  }

  /** Brings the copy up to date; never throws (the knowledge base write it follows has succeeded). */
  save(): Promise<void> {
    const run = this.queue.then(async () => {
      if (!this.enabled) return;
      try {
        const data = await readUserData(this.db);
        const text = stable(data);
        if (this.last === null) {
          const stored = await this.read();
          if (stored) this.last = stable({ ...stored, savedAt: undefined });
        }
        if (text === this.last) return;
        await this.area.set({ [USER_COPY_KEY]: { ...data, savedAt: this.now() } });
        this.last = text;
        this.lastError = null;
      } catch (e) {
        this.lastError = e instanceof Error ? e.message : String(e);
        console.warn('Gloss: could not update the second copy of your notes and entities', e);
      }
    });
    this.queue = run;
    return run;
  }
}

/**
 * Brings the copy up to date after any committed write to the tables it is made from, wherever it was
 * made (the sync handlers change sources without going through the user's handlers). Debounced: a
 * sync writes thousands of variants in one go. Returns a function that stops following.
 */
export function followUserData(db: GlossDb, keeper: UserCopyKeeper, delayMs = 1_000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watched = ['sources', 'notes', 'variantBuckets'].map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((p) => watched.some((w) => p.startsWith(w)))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void keeper.save(), delayMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
