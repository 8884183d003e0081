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
import { builtinNeedsImport, importBuiltinPackWithResult } from '@/lib/kb/builtin';
import { matchIndexProblem } from '@/lib/kb/cache-check';
import type { StoredEntity } from '@/lib/kb/db';
import { openOrRecover } from '@/lib/kb/open-or-recover';
import { RECOVERY_REPORT_KEY, type RecoveryReport } from '@/lib/kb/recovery-report';
import { checkAndRepair, startKb, type StartDeps } from '@/lib/kb/start-kb';
import { loadOrBuildMatchIndex } from '@/lib/kb/stored-index';
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

/** The latest complete matcher; lookups use it even while a newer one is being built. */
let ready: MatchIndex | null = null;
/** A build in progress, for callers that have no matcher yet. */
let pending: Promise<MatchIndex> | null = null;
/** Changes are applied to the matcher one after another, in the order they were written. */
let following: Promise<void> = Promise.resolve();
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
 */
export function ensureBuiltin(force = false): Promise<void> {
  const run = importing.then(async () => {
    let failure: unknown = null;
    for (const entry of BUILTIN_PACKS) {
      try {
        const version = EMBEDDED_VERSIONS[entry.short];
        if (version === undefined) throw new Error(`No embedded version for the built-in pack ${entry.short}.`);
        if (!force && !(await builtinNeedsImport(db, version, entry.sourceId))) continue;
        const json = await readBuiltinPack(entry);
        if (Array.isArray(json.entities) && json.entities.length === 0) continue;
        const { changed, deleted } = await importBuiltinPackWithResult(db, json, entry);
        if (changed.length + deleted.length > 0) kbChanged({ changed, deleted });
      } catch (e) {
        failure ??= e;
      }
    }
    if (failure) throw failure;
  });
  importing = run.catch(() => undefined);
  return run;
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

async function loadMatcher(): Promise<MatchIndex> {
  await ensureBuiltin();
  const { index, loaded } = await loadOrBuildMatchIndex(db);
  if (!loaded) return index;
  const problem = matchIndexProblem(index);
  if (!problem) return index;
  console.warn(`Gloss: the stored matcher was damaged (${problem}); building it again`);
  await db.meta.delete('matchIndex');
  return (await loadOrBuildMatchIndex(db)).index;
}

function build(): Promise<MatchIndex> {
  const run = (async () => {
    try {
      return await loadMatcher();
    } catch (e) {
      // Building reads every entity: one damaged row fails it. Rebuild the knowledge base, then try once more.
      if (!(await repairIfDamaged())) throw e;
      return loadMatcher();
    }
  })();
  pending = run;
  run.then(
    (index) => {
      if (pending === run) {
        ready = index;
        pending = null;
      }
    },
    // A failed build must not poison every later lookup.
    () => {
      if (pending === run) pending = null;
    },
  );
  return run;
}

/** The matcher over everything in the knowledge base: loaded or built once per worker life, then kept up to date. */
export function getMatchIndex(): Promise<MatchIndex> {
  if (ready) return Promise.resolve(ready);
  return pending ?? build();
}

/** Forgets the matcher: the next lookup waits for a fresh one (after a restore, which replaces everything). */
export function invalidateMatchIndex(): void {
  ready = null;
  pending = null;
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
 * Makes the matcher follow a write to the knowledge base. Where only what the matcher knows of an
 * entity changed (description, roles, kind, prior…) and not the names it is matched by, the entries
 * are replaced in place: no rebuild. New, removed or renamed entities need a rebuild; lookups keep
 * using the previous matcher until it is ready, so pages never wait on a sync.
 */
export function kbChanged(change: KbChange): void {
  following = following
    .then(async () => {
      const base = ready;
      if (pending || !base) {
        // A build under way may have read the entities from before this write: build again. With no
        // matcher at all, the first lookup builds one from the current data.
        if (pending) await build().catch(() => undefined);
        return;
      }
      if (!change.reranked && (await patchInPlace(base, change))) return;
      if (change.reranked) {
        // The stored matcher is keyed by a stamp of source versions and counts, which a new order does
        // not change (lib/kb/stored-index.ts): drop it so the next worker does not load a stale one.
        await db.meta.delete('matchIndex');
      }
      const next = build();
      await next.catch(() => undefined);
    })
    .catch((e: unknown) => console.error('Gloss: updating the matcher failed', e));
}

async function patchInPlace(index: MatchIndex, change: KbChange): Promise<boolean> {
  if (change.deleted.length > 0 || change.changed.length === 0 || change.changed.length > PATCH_LIMIT) return false;
  const entities = await db.entities.bulkGet(change.changed);
  if (entities.some((e) => e === undefined)) return false;
  return patchMatchIndex(index, entities as StoredEntity[]);
}
