import { repairCaches } from './cache-check';
import { finishPendingSettings, type SettingsWriter } from './import-backup';
import type { RecoveringDb } from './open-or-recover';
import type { RecoveryReport } from './recovery-report';
import { checkRows, describeRowProblems } from './row-check';
import type { UserCopyKeeper } from './user-copy';

export interface StartDeps {
  kb: RecoveringDb;
  copy: UserCopyKeeper;
  /** Imports the built-in pack if it is missing or stale (after a rebuild it always is). */
  ensureBuiltin: () => Promise<void>;
  writeSettings: SettingsWriter;
  saveReport: (report: RecoveryReport) => Promise<void>;
  now?: () => number;
}

/** How often every row is read through for damage, at most: a few hundred milliseconds at 100,000 entities. */
const ROW_CHECK_INTERVAL_MS = 24 * 3_600_000;
const ROWS_CHECKED_AT = 'rowsCheckedAt';

/**
 * What every worker start does before anything else may rely on the knowledge base, in an order where
 * each step can be cut off and done again by the next start: open it (rebuilding a damaged one),
 * drop damaged caches, write settings an interrupted import left pending, finish the built-in
 * import, bring the second copy of the user's data up to date. The copy is only written once the
 * database is known good, so a failed rebuild never overwrites a good copy with an empty one.
 */
export async function startKb(deps: StartDeps): Promise<void> {
  const { kb, copy } = deps;
  await kb.ready();
  const db = kb.db;
  const cacheProblem = await repairCaches(db, (deps.now ?? Date.now)());
  if (cacheProblem) await deps.saveReport(cachesReport(cacheProblem, (deps.now ?? Date.now)())).catch(() => undefined);
  await finishPendingSettings(db, deps.writeSettings);
  const builtinFailed = await failureOf(deps.ensureBuiltin());
  if (!kb.lastReport?.failed) copy.enable();
  await copy.save();
  if (builtinFailed) throw builtinFailed.error;
}

/**
 * A failed built-in import (its file unreadable, say) must not also stop the second copy of the
 * user's data from following their writes: the copy goes ahead, then the failure is passed on.
 */
const failureOf = (p: Promise<void>): Promise<{ error: unknown } | null> =>
  p.then(
    () => null,
    (error: unknown) => ({ error }),
  );

/**
 * Reads every row for damage, and rebuilds the knowledge base if it finds any. Runs when something
 * broke on stored data, and otherwise once a day in the background. Returns the rebuild's report.
 */
export async function checkAndRepair(deps: StartDeps, force = false): Promise<RecoveryReport | null> {
  const { kb, copy } = deps;
  const now = (deps.now ?? Date.now)();
  const last = (await kb.db.meta.get(ROWS_CHECKED_AT))?.value;
  if (!force && typeof last === 'number' && now - last < ROW_CHECK_INTERVAL_MS) return null;
  const { problems } = await checkRows(kb.db);
  if (problems.length === 0) {
    await kb.db.meta.put({ key: ROWS_CHECKED_AT, value: now });
    return null;
  }
  const report = await kb.rebuild({ reason: 'malformed', detail: describeRowProblems(problems) });
  copy.forget();
  const builtinFailed = await failureOf(deps.ensureBuiltin());
  if (!report?.failed) copy.enable();
  await copy.save();
  if (builtinFailed) throw builtinFailed.error;
  await kb.db.meta.put({ key: ROWS_CHECKED_AT, value: now });
  return report;
}

function cachesReport(detail: string, at: number): RecoveryReport {
  return {
    at,
    reason: 'caches',
    detail,
    kept: { notes: 0, personalEntities: 0, sources: 0, entities: 0 },
    dropped: { notes: 0, entities: 0, sources: 0 },
    fromCopy: { notes: 0, personalEntities: 0, sources: 0 },
    refetch: [],
  };
}
