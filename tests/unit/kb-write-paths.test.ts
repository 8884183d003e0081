// Longer than 300 lines: one table of every write path and the two describes that run each of them; split apart, the table would live far from its only reader.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeSourceData } from '../../lib/kb/apply-pack';
import { exportBackup } from '../../lib/kb/backup';
import { checkBackup } from '../../lib/kb/backup-format';
import { builtinNeedsImport, importBuiltinPack } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { finishPendingSettings, importBackup } from '../../lib/kb/import-backup';
import { removeNote, removePersonal, writeNote, writePersonal } from '../../lib/kb/user-writes';
import { savePersonal } from '../../lib/kb/personal';
import { loadSearchIndex } from '../../lib/kb/search';
import { loadOrBuildMatchIndex } from '../../lib/kb/stored-index';
import { readUserData, USER_COPY_KEY, UserCopyKeeper, type UserCopy } from '../../lib/kb/user-copy';
import type { Pack } from '../../lib/pack/types';
import type { SettingsSnapshot } from '../../lib/settings/schemas';
import { SyncEngine } from '../../lib/sync/engine';
import { addUrlSource, removeSource, updateSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import {
  BUILTIN,
  entity,
  Faults,
  memoryArea,
  pack,
  populate,
  SETTINGS_A,
  SETTINGS_B,
  tables,
  URL_ENTITIES,
  URL_SOURCE,
} from './support/kb-fault-fixtures';
import { deps as syncDeps } from './support/sync-fixtures';
import { sourceEntities } from '../../lib/kb/variant-buckets';

/**
 * Every path that writes the knowledge base, stopped at every step: before each read and write of the
 * database (its transaction aborted, as when the browser kills the worker) and each write to
 * storage.local. Whatever the step, what is left is the state before or the state after, never a mix;
 * and the next start (or, for what the user asked, the user trying again) arrives at the state after.
 */

const NOW = 1_750_000_000_000;
let uuid = 0;
beforeAll(() => {
  // Fixed time and ids, so two runs of a write produce equal rows.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`);
});
afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

interface Ctx {
  db: GlossDb;
  faults: Faults;
  area: ReturnType<typeof memoryArea>;
  copy: UserCopyKeeper;
  settings: { value: SettingsSnapshot };
  writeSettings: (s: SettingsSnapshot) => Promise<void>;
  /** The pack "inside Gloss" for this path. */
  builtin: Pack;
  personalId: string;
}

const dbs: GlossDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function context(): Ctx {
  uuid = 0;
  const db = openDb(`paths-${Math.random()}`);
  dbs.push(db);
  const faults = new Faults();
  faults.attach(db);
  const area = memoryArea();
  const settings = { value: SETTINGS_A };
  return {
    db,
    faults,
    area,
    copy: new UserCopyKeeper(db, faults.area(area)),
    settings,
    writeSettings: async (s) => {
      faults.step();
      settings.value = s;
    },
    builtin: BUILTIN,
    personalId: '',
  };
}

/** Fields of a source's record that report on a sync rather than hold what it gave. */
const STATUS = ['syncing', 'status', 'lastAttempt', 'lastResult', 'lastError', 'nextDue', 'failures', 'lastChecked', 'problems'];
const CACHES = ['matchIndex', 'searchIndex', 'searchIndexStamp', 'pendingSettings'];

/** What a user could observe of the state: the tables, counters, caches' presence, effective settings. */
async function observe(ctx: Ctx, opts: { status: boolean }) {
  const meta = await ctx.db.meta.toArray();
  const pending = meta.find((m) => m.key === 'pendingSettings')?.value as SettingsSnapshot | undefined;
  return {
    ...(await tables(ctx.db, (s) =>
      opts.status ? s : Object.fromEntries(Object.entries(s).filter(([k]) => !STATUS.includes(k))),
    )),
    meta: meta.filter((m) => !CACHES.includes(m.key)),
    caches: {
      matchIndex: (meta.find((m) => m.key === 'matchIndex')?.value as { stamp?: string } | undefined)?.stamp ?? null,
      searchIndex: meta.some((m) => m.key === 'searchIndex') ? meta.find((m) => m.key === 'searchIndexStamp')?.value : null,
    },
    // Settings an import committed are the settings, even before storage.local has them.
    settings: pending ?? ctx.settings.value,
  };
}

interface WritePath {
  name: string;
  setup?: (ctx: Ctx) => Promise<void>;
  run: (ctx: Ctx) => Promise<unknown>;
  /** What happens after a stop: the next start's own work, or the user trying again when nothing changed. */
  resume: (ctx: Ctx, nothingChanged: boolean) => Promise<unknown>;
  /** Compare sources' status fields too (false where a stop legitimately leaves "Syncing…" behind). */
  status?: boolean;
}

/** The worker's start (lib/kb/start-kb.ts) without the open: pending settings, built-in pack, copy. */
async function start(ctx: Ctx): Promise<void> {
  await finishPendingSettings(ctx.db, ctx.writeSettings);
  if (await builtinNeedsImport(ctx.db, ctx.builtin.version)) await importBuiltinPack(ctx.db, ctx.builtin);
  ctx.copy.enable();
  await ctx.copy.save();
}

const userRetries = (run: WritePath['run']) => async (ctx: Ctx, nothingChanged: boolean) => {
  if (nothingChanged) await run(ctx);
};

const populated = async (ctx: Ctx) => {
  ctx.personalId = (await populate(ctx.db)).personalId;
  await start(ctx);
};

const BUILTIN_V8 = pack([entity('b:ana', 'Ana Lima Souza'), entity('b:dee', 'Dee Park')], '8', 'builtin');
const DESK_V4 = pack([entity('u:cy', 'Cy Dunn'), entity('u:eli', 'Eli Moss')], '4', 'desk');
const fetchDesk = async () =>
  new Response(JSON.stringify(DESK_V4), { status: 200, headers: { 'content-type': 'application/json', etag: '"v4"' } });

let anotherKb: ReturnType<typeof checkBackup>;
/** A backup of another browser's knowledge base: a newer built-in pack, an entity and a note of that user's. */
async function backupOfAnotherKb(): Promise<ReturnType<typeof checkBackup>> {
  if (anotherKb) return anotherKb;
  const other = openDb(`other-${Math.random()}`);
  await importBuiltinPack(other, BUILTIN_V8);
  await savePersonal(other, {
    kind: 'term',
    name: 'Green line',
    aliases: [],
    description: 'The 1949 armistice line.',
    sources: [],
  });
  await other.notes.put({ entityId: 'b:dee', text: 'From the backup.', updatedAt: 3 });
  const backup = await exportBackup(other, SETTINGS_B);
  await other.delete();
  anotherKb = checkBackup(JSON.parse(JSON.stringify(backup)));
  return anotherKb;
}

const PATHS: WritePath[] = [
  {
    name: 'built-in import on first install',
    run: (ctx) => importBuiltinPack(ctx.db, ctx.builtin),
    resume: start,
  },
  {
    name: 'built-in import after an update',
    setup: async (ctx) => {
      await populated(ctx);
      ctx.builtin = BUILTIN_V8;
    },
    run: (ctx) => importBuiltinPack(ctx.db, BUILTIN_V8),
    resume: start,
  },
  {
    name: 'sync of a subscribed pack (download, stage, apply, status)',
    setup: async (ctx) => {
      await populated(ctx);
      await ctx.db.sources.update(URL_SOURCE.id, { nextDue: 0 });
    },
    run: (ctx) => syncSource(syncDeps(ctx.db, { fetch: fetchDesk, now: Date.now }), URL_SOURCE.id),
    // The next worker's scheduler finds the source due (or its "syncing" marker) and syncs it.
    resume: (ctx) =>
      new SyncEngine({
        db: ctx.db,
        limits: syncDeps(ctx.db).limits,
        now: Date.now,
        fetch: fetchDesk,
        isOnline: () => true,
        languages: () => ['en'],
        wikidataInstance: 'http://127.0.0.1:9',
        setAlarm: async () => undefined,
        onChange: () => undefined,
      }).runDue(),
    status: false,
  },
  {
    name: 'add a source',
    setup: populated,
    run: (ctx) => addUrlSource(ctx.db, { url: 'https://example.net/more.json', kind: 'pack-url', name: 'More' }),
    resume: userRetries((ctx) => addUrlSource(ctx.db, { url: 'https://example.net/more.json', kind: 'pack-url', name: 'More' })),
  },
  {
    name: 'remove a source',
    setup: populated,
    run: (ctx) => removeSource(ctx.db, URL_SOURCE.id),
    resume: userRetries((ctx) => removeSource(ctx.db, URL_SOURCE.id)),
  },
  {
    name: 'turn a source off',
    setup: populated,
    run: (ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, enabled: false }),
    resume: userRetries((ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, enabled: false })),
  },
  {
    name: 'turn a source back on',
    setup: async (ctx) => {
      await populated(ctx);
      await updateSource(ctx.db, { id: URL_SOURCE.id, enabled: false });
    },
    run: (ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, enabled: true }),
    resume: userRetries((ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, enabled: true })),
    // The knowledge is one transaction; "due soon" (nextDue) is written in a second one
    // (lib/sync/registry.ts updateSource), so a stop between keeps the old due time.
    status: false,
  },
  {
    name: 'move a source first',
    setup: populated,
    run: (ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, priority: 0 }),
    resume: userRetries((ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, priority: 0 })),
  },
  {
    name: 'change how often a source is checked',
    setup: populated,
    run: (ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, intervalHours: 48 }),
    resume: userRetries((ctx) => updateSource(ctx.db, { id: URL_SOURCE.id, intervalHours: 48 })),
  },
  {
    name: 'write a note',
    setup: populated,
    run: (ctx) => writeNote(ctx.db, ctx.copy, 'b:bo', 'Spoke at the summit.'),
    resume: async (ctx, nothingChanged) => {
      if (nothingChanged) await writeNote(ctx.db, ctx.copy, 'b:bo', 'Spoke at the summit.');
      await start(ctx);
    },
  },
  {
    name: 'delete a note',
    setup: populated,
    run: (ctx) => removeNote(ctx.db, ctx.copy, 'b:ana'),
    resume: async (ctx, nothingChanged) => {
      if (nothingChanged) await removeNote(ctx.db, ctx.copy, 'b:ana');
      await start(ctx);
    },
  },
  {
    name: 'add an entity of the user’s',
    setup: populated,
    run: (ctx) =>
      writePersonal(ctx.db, ctx.copy, { kind: 'place', name: 'Tell Abyad', aliases: [], description: 'A town.', sources: [] }),
    resume: async (ctx, nothingChanged) => {
      // The id comes from crypto.randomUUID, fixed here: the retry makes the same entity.
      uuid = 1;
      if (nothingChanged)
        await writePersonal(ctx.db, ctx.copy, {
          kind: 'place',
          name: 'Tell Abyad',
          aliases: [],
          description: 'A town.',
          sources: [],
        });
      await start(ctx);
    },
  },
  {
    name: 'edit an entity of the user’s',
    setup: populated,
    run: (ctx) =>
      writePersonal(ctx.db, ctx.copy, {
        id: ctx.personalId,
        kind: 'person',
        name: 'Kofi Mensah',
        aliases: [],
        description: 'Former mayor.',
        sources: [],
      }),
    resume: async (ctx, nothingChanged) => {
      if (nothingChanged)
        await writePersonal(ctx.db, ctx.copy, {
          id: ctx.personalId,
          kind: 'person',
          name: 'Kofi Mensah',
          aliases: [],
          description: 'Former mayor.',
          sources: [],
        });
      await start(ctx);
    },
  },
  {
    name: 'delete an entity of the user’s, with its note',
    setup: populated,
    run: (ctx) => removePersonal(ctx.db, ctx.copy, ctx.personalId),
    resume: async (ctx, nothingChanged) => {
      if (nothingChanged) await removePersonal(ctx.db, ctx.copy, ctx.personalId);
      await start(ctx);
    },
  },
  {
    name: 'import a backup (knowledge base, notes and settings)',
    setup: populated,
    run: async (ctx) => {
      const checked = await backupOfAnotherKb();
      if (!checked.ok) throw new Error(checked.problems.join('; '));
      await importBackup(ctx.db, checked.backup, ctx.writeSettings, ctx.copy);
    },
    // The start after it imports the built-in pack inside this Gloss again (the backup's is another version).
    resume: async (ctx, nothingChanged) => {
      if (nothingChanged) {
        const checked = await backupOfAnotherKb();
        if (checked.ok) await importBackup(ctx.db, checked.backup, ctx.writeSettings, ctx.copy);
      }
    },
  },
  {
    name: 'store the compiled matcher',
    setup: populated,
    run: (ctx) => loadOrBuildMatchIndex(ctx.db),
    resume: (ctx) => loadOrBuildMatchIndex(ctx.db),
  },
  {
    name: 'store the search index',
    setup: populated,
    run: (ctx) => loadSearchIndex(ctx.db),
    resume: (ctx) => loadSearchIndex(ctx.db),
  },
];

/** Fails a run that would hang (a write path must settle, stopped or not). */
const settled = (p: Promise<unknown>, what: string) =>
  Promise.race([
    p.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise<string>((_, reject) => setTimeout(() => reject(new Error(`${what} never settled`)), 5_000)),
  ]);

const stable = (x: unknown) => JSON.stringify(x);

interface StopReport {
  steps: number;
  outcomes: { before: number; after: number };
  /** Stops that left something that is neither the state before nor the state after, with the diff's step. */
  mixes: number[];
  /** Stops from which the next start did not arrive at the state after. */
  unfinished: number[];
}

/** Runs a write path once to count its steps, then once per step stopped there; the caller judges. */
async function stopAtEveryStep(path: WritePath): Promise<StopReport & { before: unknown; after: unknown }> {
  const status = path.status ?? true;
  // The reference run: the state before, the state after, and how many steps lie between.
  const ref = context();
  await path.setup?.(ref);
  const before = await observe(ref, { status });
  ref.faults.count();
  await path.run(ref);
  const steps = ref.faults.steps;
  // The write's own result; the next start may then do more (import the pack inside this Gloss).
  const written = await observe(ref, { status });
  await start(ref);
  const after = await observe(ref, { status });

  const report: StopReport = { steps, outcomes: { before: 0, after: 0 }, mixes: [], unfinished: [] };
  for (let n = 1; n <= steps; n++) {
    const ctx = context();
    await path.setup?.(ctx);
    ctx.faults.arm(n);
    await settled(path.run(ctx), `${path.name} stopped at step ${n}`);
    expect(ctx.faults.tripped, `step ${n} of ${steps} was reached`).toBe(true);
    ctx.faults.count(); // the next worker: nothing stops it
    const left = stable(await observe(ctx, { status }));
    const nothingChanged = left === stable(before);
    if (!nothingChanged && left !== stable(written)) report.mixes.push(n);
    report.outcomes[nothingChanged ? 'before' : 'after']++;

    await path.resume(ctx, nothingChanged);
    await start(ctx);
    if (stable(await observe(ctx, { status })) !== stable(after)) report.unfinished.push(n);
    // The second copy of the user's data has caught up too.
    const copy = ctx.area.data[USER_COPY_KEY] as UserCopy | undefined;
    if (copy)
      expect({ ...copy, savedAt: 0 }, `the copy after step ${n}`).toEqual({ ...(await readUserData(ctx.db)), savedAt: 0 });
  }
  return { ...report, before, after };
}

describe('every write path, stopped at every step', () => {
  for (const path of PATHS) {
    it(path.name, async () => {
      const { steps, outcomes, mixes, unfinished, before, after } = await stopAtEveryStep(path);
      expect(stable(after), 'the write changes something').not.toBe(stable(before));
      expect(steps).toBeGreaterThan(0);
      expect(mixes, 'steps where a stop left a mix of before and after').toEqual([]);
      expect(unfinished, 'steps after which the next start did not finish').toEqual([]);
      // Stops fell before the commit: the test did cut the write.
      expect(outcomes.before, JSON.stringify(outcomes)).toBeGreaterThan(0);
      console.log(`${path.name}: ${steps} steps; a stop left the state before ${outcomes.before}×, after ${outcomes.after}×`);
    });
  }

  it('tells a write done in two transactions from an atomic one (the check itself can fail)', async () => {
    const twoPuts: WritePath = {
      name: 'two notes, one put each',
      setup: populated,
      run: async (ctx) => {
        await ctx.db.notes.put({ entityId: 'b:bo', text: 'one', updatedAt: 1 });
        await ctx.db.notes.put({ entityId: 'u:cy', text: 'two', updatedAt: 1 });
      },
      resume: async () => undefined,
    };
    const { mixes, unfinished } = await stopAtEveryStep(twoPuts);
    expect(mixes).toEqual([2]);
    expect(unfinished).toEqual([1, 2]);
  });
});

describe('what the write paths leave for the next start', () => {
  it('an import stopped after its commit has its settings written by the next start, once', async () => {
    const ctx = context();
    await populated(ctx);
    const checked = await backupOfAnotherKb();
    if (!checked.ok) throw new Error('fixture');
    // Stop at the settings write: the restore has committed.
    let writes = 0;
    const failing = async () => {
      writes++;
      throw new DOMException('The worker was stopped.', 'AbortError');
    };
    await expect(importBackup(ctx.db, checked.backup, failing, ctx.copy)).rejects.toThrow('stopped');
    expect(writes).toBe(1);
    expect(ctx.settings.value).toEqual(SETTINGS_A);
    expect((await ctx.db.meta.get('pendingSettings'))?.value).toEqual(SETTINGS_B);
    await start(ctx);
    expect(ctx.settings.value).toEqual(SETTINGS_B);
    expect(await ctx.db.meta.get('pendingSettings')).toBeUndefined();
    expect(await finishPendingSettings(ctx.db, ctx.writeSettings)).toBe(false);
  });

  it('an imported backup’s built-in pack is replaced by the one inside Gloss, even at the same version', async () => {
    const ctx = context();
    await populated(ctx);
    const backup = await exportBackup(ctx.db, SETTINGS_A);
    // Edited by hand: the built-in source keeps its version but lost its entities.
    const edited = { ...backup, sources: backup.sources.map((s) => (s.kind === 'builtin' ? { ...s, entities: [] } : s)) };
    const checked = checkBackup(JSON.parse(JSON.stringify(edited)));
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    await importBackup(ctx.db, checked.backup, ctx.writeSettings, ctx.copy);
    expect(await ctx.db.entities.get('b:bo')).toBeUndefined();
    await start(ctx);
    expect((await ctx.db.entities.get('b:bo'))?.name).toBe('Bo Chen');
    expect((await ctx.db.sources.get('builtin'))?.version).toBe(BUILTIN.version);
  });

  it('a sync stopped mid-apply leaves its marker; the next worker finishes it from the staged bytes', async () => {
    const ctx = context();
    await populated(ctx);
    await ctx.db.sources.update(URL_SOURCE.id, { nextDue: 0 });
    // Stop inside the apply transaction (after the download), found by counting.
    ctx.faults.count();
    let applyStep = 0;
    const realBulkPut = ctx.db.variantBuckets.bulkPut.bind(ctx.db.variantBuckets);
    ctx.db.variantBuckets.bulkPut = ((...args: Parameters<typeof realBulkPut>) => {
      applyStep = ctx.faults.steps + 1;
      return realBulkPut(...args);
    }) as typeof realBulkPut;
    await syncSource(syncDeps(ctx.db, { fetch: fetchDesk, now: Date.now }), URL_SOURCE.id);
    ctx.db.variantBuckets.bulkPut = realBulkPut;
    expect(applyStep).toBeGreaterThan(0);

    const again = context();
    await populated(again);
    await again.db.sources.update(URL_SOURCE.id, { nextDue: 0 });
    again.faults.arm(applyStep);
    await expect(syncSource(syncDeps(again.db, { fetch: fetchDesk, now: Date.now }), URL_SOURCE.id)).rejects.toThrow();
    again.faults.count();
    const source = (await again.db.sources.get(URL_SOURCE.id))!;
    expect(source.version).toBe('3');
    expect(source.syncing).toMatchObject({ phase: 'apply' });
    expect(await sourceEntities(again.db, URL_SOURCE.id)).toEqual(expect.arrayContaining(URL_ENTITIES));
    // Nothing of the user's was touched; and the next worker's scheduler runs the interrupted one first.
    expect((await readUserData(again.db)).notes).toHaveLength(2);
    let fetched = 0;
    await new SyncEngine({
      db: again.db,
      limits: syncDeps(again.db).limits,
      now: Date.now,
      fetch: async () => (fetched++, fetchDesk()),
      isOnline: () => true,
      languages: () => ['en'],
      wikidataInstance: 'http://127.0.0.1:9',
      setAlarm: async () => undefined,
      onChange: () => undefined,
    }).runDue();
    expect(fetched).toBe(1);
    expect(await again.db.sources.get(URL_SOURCE.id)).toMatchObject({ version: '4', entityCount: 2 });
    expect((await again.db.sources.get(URL_SOURCE.id))?.syncing).toBeUndefined();
  });

  it('removing a source cannot leave its entities behind: one transaction from the registry to the entities', async () => {
    const ctx = context();
    await populated(ctx);
    ctx.faults.count();
    await removeSourceData(ctx.db, URL_SOURCE.id);
    const steps = ctx.faults.steps;
    for (let n = 1; n <= steps; n++) {
      const trial = context();
      await populated(trial);
      trial.faults.arm(n);
      await expect(removeSourceData(trial.db, URL_SOURCE.id)).rejects.toThrow();
      trial.faults.count();
      expect(await trial.db.sources.get(URL_SOURCE.id)).toBeDefined();
      expect(await trial.db.entities.get('u:cy')).toBeDefined();
    }
  });
});
