import Dexie, { type DexieOptions } from 'dexie';
import { openDb, type GlossDb } from './db';
import { deleteDatabase, dumpDatabase } from './raw-idb';
import { RecoveryJournal } from './recovery-journal';
import type { RecoveryReport } from './recovery-report';
import { restoreSalvage } from './restore-salvage';
import { buildSalvage, salvageAsCopy, type Salvage } from './salvage';
import { describe, diagnose, inspectDatabase, type Inspection, type Problem } from './schema-check';
import { copyHoldsData, type UserCopy } from './user-copy';

export interface RecoveryDeps {
  /** IndexedDB to use (tests pass a broken one); the global one by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** The second copy of the user's data (lib/kb/user-copy.ts), or null. */
  readCopy: () => Promise<UserCopy | null>;
  /** Keeps the report where the options page reads it; must not depend on the knowledge base. */
  saveReport: (report: RecoveryReport) => Promise<void>;
  /** Told after a rebuild: whatever was cached from the old database is stale. */
  onRebuilt?: (report: RecoveryReport) => void;
  now?: () => number;
  /** How long another page may hold the database open before a delete gives up. */
  blockedTimeoutMs?: number;
  /** Pause before trying a failed open once more: a busy disk is not a damaged database. */
  retryDelayMs?: number;
}

export interface RecoveringDb {
  readonly db: GlossDb;
  /** Opens the database, rebuilding it first if it has to be. */
  ready(): Promise<void>;
  /** Salvages and rebuilds now: for damage found at run time (rows that break the code reading them). */
  rebuild(problem: Problem): Promise<RecoveryReport | null>;
  /** What the last rebuild in this worker did, if there was one. */
  readonly lastReport: RecoveryReport | null;
}

/** Errors that say nothing about the database's state: a close during open, no IndexedDB at all. */
const NOT_DAMAGE = new Set(['DatabaseClosedError', 'MissingAPIError']);

/**
 * The knowledge base, opened only after a look at what is on disk. Dexie alone would open a database
 * a newer Gloss wrote as it is (and quietly add the stores it misses), and fail for good on one it
 * cannot read. Here, before Dexie opens it:
 *
 * 1. a rebuild a stopped worker left half-done is finished from its journal;
 * 2. a database that is newer than this code, damaged (stores or indexes missing), unreadable, or
 *    gone while the second copy of the user's data says there was one, is salvaged: everything that
 *    passes the backup checks is read with plain IndexedDB, topped up from the copy, journalled,
 *    and the database is deleted and restored from it (lib/kb/salvage.ts);
 * 3. an open that still fails (an upgrade that throws on a malformed old row) is salvaged the same way.
 *
 * Every step can be cut off by the browser stopping the worker: the journal is written before the
 * delete and removed after the restore commits, so the next start resumes where it stopped.
 */
export function openOrRecover(name: string, deps: RecoveryDeps): RecoveringDb {
  const idb = deps.indexedDB ?? globalThis.indexedDB;
  const options: DexieOptions | undefined = deps.indexedDB
    ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange ?? globalThis.IDBKeyRange }
    : undefined;
  const now = deps.now ?? Date.now;
  const retryDelayMs = deps.retryDelayMs ?? 500;
  const db = openDb(name, options);
  const journal = new RecoveryJournal(name, options);
  const realOpen = db.open.bind(db);
  let opening: Promise<Dexie> | null = null;
  let forced: Problem | null = null;
  let lastReport: RecoveryReport | null = null;

  const pause = () => new Promise((r) => setTimeout(r, retryDelayMs));

  async function finish(salvage: Salvage): Promise<void> {
    await deleteDatabase(idb, name, deps.blockedTimeoutMs);
    const fresh = openDb(name, options);
    try {
      await restoreSalvage(fresh, salvage);
    } finally {
      fresh.close();
    }
    lastReport = salvage.report;
    await deps.saveReport(salvage.report).catch((e: unknown) => console.warn('Gloss: could not save the recovery report', e));
    await journal.clear();
    console.warn(`Gloss: rebuilt the knowledge base (${salvage.report.reason}: ${salvage.report.detail})`, salvage.report);
    deps.onRebuilt?.(salvage.report);
  }

  /** Rebuilds if the database needs it; true if it did (or finished one). */
  async function prepare(problemIn: Problem | null): Promise<boolean> {
    const pending = await journal.read();
    let inspection: Inspection = await inspectDatabase(idb, name);
    if (pending) {
      // A rebuild a stopped (or failed) worker left: finish it. If a database with data is there (the
      // restore committed, or the last worker ran on what it could open and the user wrote to it), its
      // rows are salvaged too, the journal filling in what they lack.
      if (inspection.state !== 'present' || inspection.sources === 0) await finish(pending);
      else {
        const dump = await dumpDatabase(idb, name).catch(() => null);
        const { reason, detail, foundVersion } = pending.report;
        const problem: Problem = {
          reason: reason === 'caches' ? 'malformed' : reason,
          detail,
          ...(foundVersion !== undefined && { foundVersion }),
        };
        await finish(await journal.write(buildSalvage(dump, salvageAsCopy(pending), problem, now())));
      }
      return true;
    }
    if (inspection.state === 'unreadable' && !problemIn) {
      await pause();
      inspection = await inspectDatabase(idb, name);
    }
    let problem = problemIn ?? diagnose(inspection);
    let copy: UserCopy | null | undefined;
    // No database, or one that holds no source at all (not even the built-in pack, imported on the first
    // start), while the copy of the user's data holds something: the browser dropped the database (as
    // Chromium does with a corrupted one), and perhaps a Gloss page opened it empty again before this
    // worker did. A first install has no copy.
    if (!problem && (inspection.state === 'absent' || (inspection.state === 'present' && inspection.sources === 0))) {
      copy = await deps.readCopy().catch(() => null);
      if (copyHoldsData(copy)) {
        problem = {
          reason: 'missing',
          detail: `the database was ${inspection.state === 'absent' ? 'gone' : 'empty'}, but the second copy of your data was there`,
        };
      }
    }
    if (!problem) return false;
    copy ??= await deps.readCopy().catch(() => null);
    const dump =
      inspection.state === 'present'
        ? await dumpDatabase(idb, name).catch((e: unknown) => {
            console.warn('Gloss: nothing could be read from the damaged knowledge base', e);
            return null;
          })
        : null;
    await finish(await journal.write(buildSalvage(dump, copy ?? null, problem, now())));
    return true;
  }

  async function recordFailure(problem: Problem | null, e: unknown): Promise<void> {
    console.error('Gloss: rebuilding the knowledge base failed', e);
    const report: RecoveryReport = {
      at: now(),
      reason: problem?.reason ?? 'unreadable',
      detail: problem?.detail ?? 'the rebuild could not start',
      kept: { notes: 0, personalEntities: 0, sources: 0, entities: 0 },
      dropped: { notes: 0, entities: 0, sources: 0 },
      fromCopy: { notes: 0, personalEntities: 0, sources: 0 },
      refetch: [],
      failed: describe(e),
    };
    lastReport = report;
    await deps.saveReport(report).catch(() => undefined);
  }

  async function gatedOpen(): Promise<Dexie> {
    const problem = forced;
    forced = null;
    let rebuilt = false;
    try {
      rebuilt = await prepare(problem);
    } catch (e) {
      // The journal (if written) stays for the next start; this one runs on whatever opens.
      await recordFailure(problem, e);
    }
    try {
      return await realOpen();
    } catch (first) {
      if (NOT_DAMAGE.has((first as Error)?.name) || rebuilt) throw first;
      await pause();
      try {
        return await realOpen();
      } catch (e) {
        const failed: Problem = { reason: 'open-failed', detail: describe(e) };
        try {
          await prepare(failed);
        } catch (again) {
          await recordFailure(failed, again);
          throw e;
        }
        return realOpen();
      }
    }
  }

  // Dexie opens on first use by calling db.open(); every path to the database goes through here.
  db.open = (() => {
    if (db.isOpen()) return realOpen();
    opening ??= Dexie.ignoreTransaction(() => gatedOpen()).finally(() => {
      opening = null;
    });
    return Dexie.Promise.resolve(opening);
  }) as typeof db.open;

  return {
    db,
    async ready() {
      await db.open();
    },
    async rebuild(problem) {
      if (opening) await opening.catch(() => undefined);
      forced = problem;
      // Queries from here on wait for the reopen, which rebuilds first.
      db.close({ disableAutoOpen: false });
      await db.open();
      return lastReport;
    },
    get lastReport() {
      return lastReport;
    },
  };
}
