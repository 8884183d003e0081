import type { GlossDb } from './db';
import { kbRevision, resolveEntities, type EntityRows, type KbChange } from './resolve-entities';
import { endSpan } from './spans';

/**
 * Entity rows an import computed but left to a second transaction (applySourcePacksDeferred). The note
 * in `meta` lands with the import, so the rows are owed until the note goes: whoever finds it (the same
 * worker a moment later, or the next one after a stop) writes them, and a reader that must see every
 * row can tell (the search index's stamp does, lib/kb/search.ts).
 */

const KEY = 'entityRowsOwed';

interface Owed {
  /** The revision the rows were computed at; any other write since makes them suspect. */
  revision: number;
  ids: string[];
}

function owedOf(value: unknown): Owed | null {
  const v = value as Partial<Owed> | null | undefined;
  return v && typeof v.revision === 'number' && Array.isArray(v.ids) ? { revision: v.revision, ids: v.ids } : null;
}

/**
 * Notes that the rows of `ids` are owed, after the import's merge raised the revision; returns that
 * revision. Inside the import's transaction. Rows still owed from before are owed again, and then no
 * rows in hand cover them all, so the revision noted (-1) sends the writer back to the variants.
 */
export async function markRowsDeferred(db: GlossDb, ids: readonly string[]): Promise<number> {
  const revision = await kbRevision(db);
  const before = owedOf((await db.meta.get(KEY))?.value);
  const owed: Owed = before ? { revision: -1, ids: [...new Set([...before.ids, ...ids])] } : { revision, ids: [...ids] };
  await db.meta.put({ key: KEY, value: owed });
  return revision;
}

/** Rows per transaction while landing: between them the worker answers, and other readers of the table get in. */
const CHUNK = 1_000;

/**
 * Writes the owed rows, then removes the note. The rows go in chunks of their own, touching only the
 * entities table, so that storing the matcher or reading `meta` never waits behind all of them; the
 * note goes in a last transaction that checks nothing wrote since `revision`. If something did (or
 * there are no rows in hand), each owed entity is merged again from the variants, as every other write
 * does, which also mends a chunk that overwrote a newer row. `stillHeld` skips rows a later write has
 * already stored. Returns that merge's change, or null when the rows in hand stood or nothing was owed.
 */
export async function writeDeferredRows(
  db: GlossDb,
  rows: EntityRows | null,
  revision = -1,
  stillHeld: (id: string) => boolean = () => true,
): Promise<KbChange | null> {
  if (rows) {
    const start = performance.now();
    await db.transaction('rw', db.entities, () => db.entities.bulkDelete(rows.deleted.filter(stillHeld)));
    for (let i = 0; i < rows.put.length; i += CHUNK) {
      const chunk = rows.put.slice(i, i + CHUNK).filter((e) => stillHeld(e.id));
      await db.transaction('rw', db.entities, () => db.entities.bulkPut(chunk));
    }
    endSpan('apply:entity-rows', start);
  }
  return db.transaction('rw', [db.entities, db.variantBuckets, db.sources, db.meta], async () => {
    const owed = owedOf((await db.meta.get(KEY))?.value);
    if (!owed) return null;
    const current = await kbRevision(db);
    if (rows && owed.revision === revision && current === revision) {
      await db.meta.delete(KEY);
      return null;
    }
    const change = await resolveEntities(db, owed.ids);
    await db.meta.delete(KEY);
    return change;
  });
}

/** Finishes what a stopped worker left owed (from the variants); null when nothing was. */
export async function finishDeferredRows(db: GlossDb): Promise<KbChange | null> {
  return (await rowsOwed(db)) ? writeDeferredRows(db, null) : null;
}

/** Whether some entity rows are owed: the stored entities are not yet all there is. */
export async function rowsOwed(db: GlossDb): Promise<boolean> {
  return owedOf((await db.meta.get(KEY))?.value) !== null;
}
