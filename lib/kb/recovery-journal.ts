import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Salvage } from './salvage';

/**
 * The salvage of a rebuild, written to a database of its own before the damaged one is deleted. A
 * worker stopped after the delete finds it on its next start and finishes the rebuild from it; it is
 * removed only once the rebuilt knowledge base has committed.
 */
interface JournalRow {
  id: 'salvage';
  salvage: Salvage;
}

type JournalDb = Dexie & { jobs: EntityTable<JournalRow, 'id'> };

export class RecoveryJournal {
  private readonly db: JournalDb;

  constructor(kbName: string, options?: DexieOptions) {
    this.db = new Dexie(`${kbName}-recovery`, options) as JournalDb;
    this.db.version(1).stores({ jobs: 'id' });
  }

  async read(): Promise<Salvage | null> {
    try {
      const row = await this.db.jobs.get('salvage');
      return row?.salvage.format === 'gloss-salvage' ? row.salvage : null;
    } catch (e) {
      // No journal to read is the usual case; an unreadable one cannot be finished either.
      console.warn('Gloss: the recovery journal could not be read', e);
      return null;
    }
  }

  /**
   * Stores the salvage. If there is no room for the sources' entities (they can be fetched again), it
   * keeps at least what only the user has: notes, their own entities, the sources registry.
   */
  async write(salvage: Salvage): Promise<Salvage> {
    try {
      await this.db.jobs.put({ id: 'salvage', salvage });
      return salvage;
    } catch (e) {
      const lean: Salvage = {
        ...salvage,
        sources: salvage.sources.map((s) => (s.kind === 'personal' ? s : { ...s, entities: [], entityCount: 0 })),
      };
      lean.report = { ...lean.report, kept: { ...lean.report.kept, entities: 0 } };
      console.warn('Gloss: the full salvage did not fit; keeping only your own data', e);
      await this.db.jobs.put({ id: 'salvage', salvage: lean });
      return lean;
    }
  }

  async clear(): Promise<void> {
    await this.db.jobs.delete('salvage');
  }

  close(): void {
    this.db.close();
  }
}
