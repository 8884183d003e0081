import type { GlossDb, StoredEntity } from './db';
import type { EntityRows } from './resolve-entities';

/**
 * The worker's answer for entities whose rows are owed (lib/kb/deferred-rows.ts): what the import
 * computed, served from memory until the rows land, so that cards and the matcher do not wait for them.
 * An id the overlay does not hold is read from its row, which is then the truth.
 */
export class EntityOverlay {
  private rows: Map<string, StoredEntity | null> | null = null;

  /** Holds computed rows (a deleted entity as null), over any still held. */
  hold(rows: EntityRows): void {
    const next = new Map(this.rows ?? []);
    for (const e of rows.put) next.set(e.id, e);
    for (const id of rows.deleted) next.set(id, null);
    this.rows = next;
  }

  /** The rows landed (or the database was replaced): read from the rows again. */
  clear(): void {
    this.rows = null;
  }

  /** Another write stored these entities' rows: those rows are now newer than what is held. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.rows?.delete(id);
  }

  /** Whether the overlay still answers for this entity (its row is still to be written from here). */
  holds(id: string): boolean {
    return this.rows?.has(id) === true;
  }

  async get(db: GlossDb, id: string): Promise<StoredEntity | undefined> {
    const held = this.rows;
    if (held?.has(id)) return held.get(id) ?? undefined;
    return db.entities.get(id);
  }

  async bulkGet(db: GlossDb, ids: readonly string[]): Promise<(StoredEntity | undefined)[]> {
    const held = this.rows;
    if (!held) return db.entities.bulkGet([...ids]);
    // Which ids are held is fixed before the read: a forget() during it must not shift the answers.
    const fromMemory = ids.map((id) => (held.has(id) ? { e: held.get(id) ?? undefined } : null));
    const read = await db.entities.bulkGet(ids.filter((_, i) => !fromMemory[i]));
    return fromMemory.map((m) => (m ? m.e : read.shift()));
  }

  /** Every entity, in id order as the table gives them. */
  async all(db: GlossDb): Promise<StoredEntity[]> {
    const held = this.rows;
    if (!held) return db.entities.toArray();
    // Only the rows the overlay does not answer for are read: while an install's rows land, reading them
    // all (to drop them again) cost the first matcher seconds under load.
    const keys = (await db.entities.toCollection().primaryKeys()) as string[];
    const rows = await db.entities.bulkGet(keys.filter((id) => !held.has(id)));
    const out = rows.filter((e): e is StoredEntity => e !== undefined);
    for (const e of held.values()) if (e) out.push(e);
    // IndexedDB orders string keys by UTF-16 code units, as < does: the same order as toArray's.
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
