// Only the versions are bundled (Vite tree-shakes a JSON file's other top-level fields): each pack of the
// catalogue is a file of its own (builtinPackFile), read when it is imported, not parsed at every worker start.
import { version as worldNewsVersion } from '~/assets/packs/world-news.json';
import { version as usGovernmentVersion } from '~/assets/packs/us-government.json';
import { version as worldPlacesVersion } from '~/assets/packs/world-places.json';
import { version as businessMediaVersion } from '~/assets/packs/business-media.json';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { MatchIndex } from '@/lib/core/match-index';
import type { KbChange } from '@/lib/kb/apply-pack';
import { builtinPackOf, builtinsNeedingImport, importBuiltinPacks } from '@/lib/kb/builtin';
import { matchIndexProblem } from '@/lib/kb/cache-check';
import type { StoredEntity } from '@/lib/kb/db';
import { openOrRecover } from '@/lib/kb/open-or-recover';
import { RECOVERY_REPORT_KEY, type RecoveryReport } from '@/lib/kb/recovery-report';
import { checkAndRepair, startKb, type StartDeps } from '@/lib/kb/start-kb';
import { MatcherKeeper } from '@/lib/kb/matcher-keeper';
import { endSpan } from '@/lib/kb/spans';
import { loadOrBuildMatchIndex, readStoredMatchIndex } from '@/lib/kb/stored-index';
import { followUserData, readUserCopy, UserCopyKeeper, type CopyArea } from '@/lib/kb/user-copy';
import { BUILTIN_PACKS, builtinPackFile, type BuiltinPackEntry } from '@/lib/pack/builtin-packs';
import type { SettingsSnapshot } from '@/lib/settings/schemas';
import { disabledSites, displaySettings, paused } from '@/lib/settings/items';
import { PATCH_LIMIT, patchMatchIndex } from '@/lib/sync/patch-match-index';

const area: CopyArea = {
  get: (key) => browser.storage.local.get(key),
  set: (items) => browser.storage.local.set(items),
};
const saveReport = (report: RecoveryReport) => browser.storage.local.set({ [RECOVERY_REPORT_KEY]: report });

/** The knowledge base, opened through the integrity check (lib/kb/open-or-recover.ts). */
export const kb = openOrRecover('gloss', {
  readCopy: () => readUserCopy(area),
  saveReport,
  // Everything cached from the database before the rebuild describes data that is gone.
  onRebuilt: () => invalidateMatchIndex(),
});
export const db = kb.db;
/** The second copy of the user's notes, entities and sources, in storage.local. */
export const userCopy = new UserCopyKeeper(db, area);

/** Imports run one at a time: an install and a first lookup must not import the pack twice at once. */
let importing: Promise<void> = Promise.resolve();

/** The version of each built-in pack in this build, by short name (scripts/pack/catalogue.ts writes them). */
const EMBEDDED_VERSIONS: Record<string, string> = {
  'world-news': worldNewsVersion,
  'us-government': usGovernmentVersion,
  'world-places': worldPlacesVersion,
  'business-media': businessMediaVersion,
};

async function readBuiltinPack(entry: BuiltinPackEntry): Promise<{ entities?: unknown[] }> {
  // Relative to the worker's (or Firefox's background page's) own extension origin.
  const response = await fetch(`/${builtinPackFile(entry)}`);
  if (!response.ok)
    throw new Error(`The built-in pack ${entry.short} could not be read from the extension (${response.status}).`);
  return (await response.json()) as { entities?: unknown[] };
}

/**
 * Imports every pack of the catalogue that is missing or stale, each as a source of its own; safe to call on
 * every worker start. A pack still empty in this build (its data not written yet) is not imported, so the
 * options page lists no empty pack. One pack failing does not stop the others; the first failure is passed on.
 * The files are read all at once (reading is the browser's work, off this thread) and imported in one
 * transaction, and the matcher hears of the change once: rebuilding it after each pack would do the work
 * four times at install.
 */
export function ensureBuiltin(force = false): Promise<void> {
  const run = importing.then(async () => {
    let failure: unknown = null;
    const known = BUILTIN_PACKS.flatMap((entry) => {
      const version = EMBEDDED_VERSIONS[entry.short];
      if (version === undefined) failure ??= new Error(`No embedded version for the built-in pack ${entry.short}.`);
      return version === undefined ? [] : [{ entry, sourceId: entry.sourceId, version }];
    });
    const stale = force ? known.map(() => true) : await builtinsNeedingImport(db, known);
    const due = known.filter((_, i) => stale[i]).map((k) => k.entry);
    const reading = performance.now();
    const files = due.map((entry) => readBuiltinPack(entry));
    // A file that fails to read is reported through `failure` below, not as an unhandled rejection.
    for (const file of files) file.catch(() => undefined);
    const good: { json: unknown; entry: BuiltinPackEntry }[] = [];
    for (const [i, entry] of due.entries()) {
      try {
        const json = await files[i]!;
        if (Array.isArray(json.entities) && json.entities.length === 0) continue;
        builtinPackOf(json, entry, { builtByCatalogue: true });
        good.push({ json, entry });
      } catch (e) {
        failure ??= e;
      }
    }
    if (due.length > 0) endSpan('import:read-files', reading);
    const change: KbChange = { changed: [], deleted: [] };
    try {
      for (const { changed, deleted } of await importBuiltinPacks(db, good, { builtByCatalogue: true })) {
        change.changed.push(...changed);
        change.deleted.push(...deleted);
      }
    } catch (e) {
      failure ??= e;
    }
    if (change.changed.length + change.deleted.length > 0) kbChanged(change);
    if (failure) throw failure;
  });
  importing = run.catch(() => undefined);
  return run;
}

let installImport: Promise<void> | null = null;
/**
 * The re-import an install or an update forces (the packs' content may change under the same version),
 * once per worker life: Chromium's worker hears its own install event as soon as its script has run,
 * before runtime.onInstalled says why (0.15–0.3 s before it at load 7–9, bench/default-set-chromium.ts),
 * and whichever comes first starts it; Firefox's background page hears only onInstalled.
 */
export function importForInstall(): Promise<void> {
  installImport ??= ensureBuiltin(true);
  return installImport;
}

/** One storage.local.set for all of a backup's settings: they land together or not at all. */
export function writeSettingsAtOnce(s: SettingsSnapshot): Promise<void> {
  return storage.setItems([
    { item: displaySettings, value: s.display },
    { item: disabledSites, value: s.disabledSites },
    { item: paused, value: s.paused },
  ]);
}

const startDeps: StartDeps = { kb, copy: userCopy, ensureBuiltin, writeSettings: writeSettingsAtOnce, saveReport };

let started: Promise<void> | null = null;
/**
 * Runs once per worker life, before anything else needs the knowledge base (lib/kb/start-kb.ts): it
 * finishes what a stopped worker left of a rebuild, an import's settings or the built-in import. An
 * interrupted sync is resumed by the scheduler (sync-handlers.ts).
 */
export function startKnowledgeBase(): Promise<void> {
  started ??= startKb(startDeps)
    .then(() => {
      // Sources change through the sync handlers too: the copy follows every committed write.
      followUserData(db, userCopy);
      // The daily read-through for damaged rows, after start-up work, never in a lookup's way.
      setTimeout(() => void repair(false), 10_000);
    })
    .catch((e: unknown) => {
      started = null;
      console.error('Gloss: starting the knowledge base failed', e);
    });
  return started;
}

let repairing: Promise<RecoveryReport | null> | null = null;
let forcedRepairs = 0;
/**
 * Looks for damaged rows and rebuilds if it finds some. `force`: something just broke on stored data;
 * at most twice per worker life, so a bug that is not damage cannot rebuild in a loop.
 */
function repair(force: boolean): Promise<RecoveryReport | null> {
  if (force && forcedRepairs++ >= 2) return Promise.resolve(null);
  repairing ??= checkAndRepair(startDeps, force)
    .catch((e: unknown) => {
      console.error('Gloss: checking the knowledge base failed', e);
      return null;
    })
    .finally(() => {
      repairing = null;
    });
  return repairing;
}

/** Something failed on stored data: rebuild if rows are damaged. True if a rebuild happened. */
export async function repairIfDamaged(): Promise<boolean> {
  return (await repair(true)) !== null;
}

let storedMatcher: Promise<unknown> | null = null;

/**
 * Starts reading the stored matcher as the worker starts, alongside the rest of start-up: a worker is
 * mostly woken by a page asking to annotate, and that read is most of what the page would wait for.
 * The first load takes it (or drops it when the knowledge base changed since); a worker that no page
 * asks lets it go with itself.
 */
export function prefetchMatcher(): void {
  const start = performance.now();
  storedMatcher ??= readStoredMatchIndex(db).then((stored) => {
    endSpan('start:read-stored-matcher', start);
    return stored;
  });
  storedMatcher.catch(() => undefined);
}

async function loadMatcher(): Promise<MatchIndex> {
  const early = storedMatcher ?? readStoredMatchIndex(db);
  storedMatcher = null;
  early.catch(() => undefined);
  await ensureBuiltin();
  const { index, loaded } = await loadOrBuildMatchIndex(db, early);
  // From the worker's birth: what a page that woke it waits for, before its own text is read.
  endSpan('start:matcher-ready', 0);
  if (!loaded) return index;
  const problem = matchIndexProblem(index);
  if (!problem) return index;
  console.warn(`Gloss: the stored matcher was damaged (${problem}); building it again`);
  await db.meta.delete('matchIndex');
  return (await loadOrBuildMatchIndex(db)).index;
}

/** The matcher's lifecycle, its races and their tests: lib/kb/matcher-keeper.ts. */
const matcher = new MatcherKeeper({
  load: async () => {
    try {
      return await loadMatcher();
    } catch (e) {
      // Building reads every entity: one damaged row fails it. Rebuild the knowledge base, then try once more.
      if (!(await repairIfDamaged())) throw e;
      return loadMatcher();
    }
  },
  patch: patchInPlace,
  dropStored: () => db.meta.delete('matchIndex'),
  onError: (e) => console.error('Gloss: updating the matcher failed', e),
});

/** The matcher over everything in the knowledge base: loaded or built once per worker life, then kept up to date. */
export function getMatchIndex(): Promise<MatchIndex> {
  return matcher.get();
}

/** Forgets the matcher: the next lookup waits for a fresh one (after a restore, which replaces everything). */
export function invalidateMatchIndex(): void {
  matcher.invalidate();
}

/**
 * A lookup failed inside the matcher: a stored one can hold damage its shape check cannot see (an
 * entity's bytes). Drop it, so the next lookup builds one from the entities.
 */
export async function dropMatcher(): Promise<void> {
  invalidateMatchIndex();
  await db.meta.delete('matchIndex');
}

/**
 * Makes the matcher follow a write to the knowledge base: patched in place where only what it knows of
 * an entity changed, rebuilt otherwise while lookups keep the previous one (lib/kb/matcher-keeper.ts).
 */
export function kbChanged(change: KbChange): void {
  void matcher.changed(change);
}

async function patchInPlace(index: MatchIndex, change: KbChange): Promise<boolean> {
  if (change.deleted.length > 0 || change.changed.length === 0 || change.changed.length > PATCH_LIMIT) return false;
  const entities = await db.entities.bulkGet(change.changed);
  if (entities.some((e) => e === undefined)) return false;
  return patchMatchIndex(index, entities as StoredEntity[]);
}
