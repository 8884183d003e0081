import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import { launchChromium, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { CHROME_BUILD, requireBuild, RESULTS, ROOT } from './support/paths';
import { DB_VERSION } from '../../lib/kb/db';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import { expectedStores } from '../../lib/kb/schema-check';
import { searchKeysOf } from '../../lib/kb/search-keys';

/**
 * The built extension in headless Chromium, its service worker stopped (through CDP, as the browser
 * does to an idle worker) in the middle of writes: the first install's import of the built-in pack
 * and a backup import. What the stop leaves is read straight from IndexedDB without waking the
 * worker: the state before or the state after, never a mix; the next worker finishes or the user can
 * retry. Then the database is damaged on disk (a newer schema, malformed rows, a garbage matcher) and
 * the next worker must rebuild it without losing the user's notes and entities.
 */

const BUILTIN = JSON.parse(readFileSync(join(ROOT, 'assets/packs/world-news.json'), 'utf8')) as {
  version: string;
  entities: { id: string }[];
};
/** The default set, pack by pack: each built-in pack is imported as a source of its own, in its own write. */
const DEFAULT_SET = BUILTIN_PACKS.filter((p) => p.defaultOn).map((p) => {
  const pack = JSON.parse(readFileSync(join(ROOT, `assets/packs/${p.short}.json`), 'utf8')) as typeof BUILTIN;
  return { sourceId: p.sourceId, version: pack.version, ids: pack.entities.map((e) => e.id) };
});
const DEFAULT_IDS = DEFAULT_SET.flatMap((p) => p.ids).sort();
const sessions: ChromiumSession[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => undefined);
});

async function launch(): Promise<ChromiumSession> {
  const session = await launchChromium();
  sessions.push(session);
  return session;
}

/**
 * Chromium in a profile that outlives the browser, so a test can restart it as a user restarts theirs.
 * (The shared launcher throws its profile away on close.)
 */
async function launchInProfile(profile: string): Promise<ChromiumSession> {
  requireBuild(CHROME_BUILD);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(CHROME_BUILD),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const session: ChromiumSession = { context, extensionId: new URL(worker.url()).host, worker, close: () => context.close() };
  sessions.push(session);
  return session;
}

type Reply<T> = { res: { ok: true; value: T } | { ok: false; error: string } } | undefined;

/** Sends a message to the worker (waking it) from one of Gloss's pages. */
async function send<T>(page: Page, type: string, data: unknown = {}): Promise<T> {
  const reply = (await page.evaluate(
    ({ type, data }) => chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }),
    { type, data },
  )) as Reply<T>;
  if (!reply?.res?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.res.value;
}

/**
 * A page in the extension's origin that runs none of Gloss's code, so reading IndexedDB from it does
 * not wake the worker (an extension page would, by sending messages).
 */
async function quietPage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  return page;
}

interface Snapshot {
  exists: boolean;
  version: number;
  stores: string[];
  sources: {
    id: string;
    kind: string;
    version?: string;
    entityCount: number;
    nextDue?: number;
    etag?: string;
    status?: { code: string };
    lastAttempt?: number;
  }[];
  entityIds: string[];
  notes: { entityId: string; text: string }[];
  personal: string[];
  meta: Record<string, unknown>;
}

/** Everything that matters of the knowledge base, read with plain IndexedDB (never creating it). */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(
    () =>
      new Promise<Snapshot>((resolve, reject) => {
        const req = indexedDB.open('gloss');
        let created = false;
        req.onupgradeneeded = () => {
          created = true;
          req.transaction!.abort();
        };
        req.onerror = (e) => {
          e.preventDefault();
          if (created)
            resolve({ exists: false, version: 0, stores: [], sources: [], entityIds: [], notes: [], personal: [], meta: {} });
          else reject(req.error);
        };
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...db.objectStoreNames];
          const want = ['sources', 'notes', 'variantBuckets', 'entities', 'meta'].filter((s) => stores.includes(s));
          const tx = db.transaction(want, 'readonly');
          const out: Snapshot = {
            exists: true,
            version: db.version,
            stores,
            sources: [],
            entityIds: [],
            notes: [],
            personal: [],
            meta: {},
          };
          const all = (store: string, keys = false) =>
            new Promise<unknown[]>((res) => {
              if (!want.includes(store)) return res([]);
              const r = keys ? tx.objectStore(store).getAllKeys() : tx.objectStore(store).getAll();
              r.onsuccess = () => res(r.result as unknown[]);
            });
          void Promise.all([all('sources'), all('notes'), all('variantBuckets'), all('entities', true), all('meta')]).then(
            ([sources, notes, variants, ids, meta]) => {
              out.sources = sources as Snapshot['sources'];
              out.notes = (notes as Snapshot['notes']).map(({ entityId, text }) => ({ entityId, text }));
              out.personal = (variants as { sourceId: string; entities: { id: string }[] }[])
                .filter((v) => v.sourceId === 'personal')
                .flatMap((v) => v.entities.map((e) => e.id))
                .sort();
              out.entityIds = (ids as string[]).sort();
              for (const m of meta as { key: string; value: unknown }[]) {
                out.meta[m.key] = m.key === 'matchIndex' || m.key === 'searchIndex' ? '(blob)' : m.value;
              }
              db.close();
              resolve(out);
            },
          );
        };
      }),
  );
}

/** storage.local, read from a Gloss page. */
const storageOf = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(null),
  ) as Promise<Record<string, unknown> & { glossKbRecovery?: Record<string, unknown> }>;

/**
 * Resolves once the knowledge base has been created at its version (Dexie stores DB_VERSION × 10): the
 * built-in import's transaction comes right after. (The integrity check's look before opening briefly
 * shows a database of version 1 that it does not keep.) Polled from here: a page-side predicate that
 * returns a promise would count as true at once.
 */
async function databaseAppears(page: Page, timeoutMs = 20_000): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async (version) => (await indexedDB.databases()).some((d) => d.name === 'gloss' && d.version === version),
          DB_VERSION * 10,
        ),
      { timeout: timeoutMs, interval: 10 },
    )
    .toBe(true);
}

describe('Chromium: the worker stopped during the first install’s import of the built-in pack', () => {
  // The import starts when the worker does. Stopped at once, as soon as the database exists (the import's
  // transaction is then about to run or running) and a little after, the stop lands before, in or after
  // its one transaction depending on the machine; each run reports where it landed.
  type Moment = [string, (session: ChromiumSession, quiet: Page) => Promise<void>];
  const moments: Moment[] = [
    ['as soon as the worker runs', async () => undefined],
    ['as soon as the database exists', (_s, quiet) => databaseAppears(quiet)],
    ...[100, 400].map((ms): Moment => [
      `${ms} ms after the database exists`,
      async (_s, quiet) => {
        await databaseAppears(quiet);
        await new Promise((r) => setTimeout(r, ms));
      },
    ]),
  ];
  it.each(moments)('stopped %s: nothing or the whole pack, then the whole pack', async (moment, waitFor) => {
    const profile = await mkdtemp(join(tmpdir(), 'gloss-stops-'));
    try {
      let session = await launchInProfile(profile);
      let quiet = await quietPage(session);
      await waitFor(session, quiet);
      await stopServiceWorker(session, quiet);
      const left = await snapshot(quiet);
      const builtin = left.sources.find((s) => s.id === 'builtin');
      const all = DEFAULT_IDS;
      // Each pack's import committed whole or not at all: its source and every entity, or neither.
      const landed = DEFAULT_SET.filter((p) => left.sources.some((s) => s.id === p.sourceId));
      for (const p of landed)
        expect(left.sources.find((s) => s.id === p.sourceId)).toMatchObject({ version: p.version, entityCount: p.ids.length });
      expect(left.entityIds).toEqual(landed.flatMap((p) => p.ids).sort());
      const outcome = !left.exists
        ? 'no database yet'
        : builtin
          ? 'the import had committed'
          : 'an empty database: the import was cut off or had not begun';

      // The next worker, woken by a lookup. A worker stopped while Chromium was still installing it is
      // dropped ("redundant") and none answers until the browser starts again: restart it then, as a
      // user would, with the same profile.
      let popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      let restarted = false;
      const lookup = () => send<{ name: string } | null>(popup, 'getEntity', { id: 'wd:Q43723' });
      let found = await lookup().catch((e: unknown) => {
        if (!/Receiving end does not exist/.test(String(e))) throw e;
        return undefined;
      });
      if (found === undefined) {
        restarted = true;
        await session.context.close();
        session = await launchInProfile(profile);
        quiet = await quietPage(session);
        popup = await session.context.newPage();
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
        found = await lookup();
      }
      expect(found).toMatchObject({ name: 'Benjamin Netanyahu' });
      // The other packs of the default set follow the first.
      await expect.poll(async () => (await snapshot(quiet)).entityIds.length, { timeout: 30_000 }).toBe(all.length);
      const done = await snapshot(quiet);
      expect(done.sources.find((s) => s.id === 'builtin')).toMatchObject({ version: BUILTIN.version });
      expect(done.entityIds).toEqual(all);
      expect(done.version).toBe(DB_VERSION * 10);
      // A first install is not a recovery.
      expect((await storageOf(popup)).glossKbRecovery).toBeUndefined();
      console.log(
        `first install, worker stopped ${moment}: ${outcome}; ${restarted ? 'Chromium dropped the half-installed worker, and after a browser restart' : 'the next worker was woken by a lookup, and'} the knowledge base has all ${all.length} entities`,
      );
      await session.context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('Chromium: a knowledge base written by Gloss before schema v4', () => {
  it('is upgraded in place by the next worker: every source’s entities, the notes and the user’s entity kept', async () => {
    const session = await launch();
    const quiet = await quietPage(session);
    await expect
      .poll(async () => (await snapshot(quiet)).sources.some((s) => s.id === 'builtin'), { timeout: 30_000 })
      .toBe(true);
    await stopServiceWorker(session, quiet);
    // What a v3 Gloss left: a subscribed pack's entity, one of the user's own with a note, each source's
    // copy as a row of `variants`, the merged entities with the indexes v3 had.
    const entity = (id: string, name: string) => ({
      id,
      kind: 'person',
      name,
      description: `${name}, in a v3 profile.`,
      sources: [],
    });
    const ana = entity('u:ana', 'Ana Osei-Lima');
    const mine = entity('personal:v3', 'Kofi Mensah-Lee');
    const v3 = {
      stores: expectedStores(3),
      rows: {
        sources: [
          {
            id: 'url:old',
            kind: 'pack-url',
            name: 'Old desk',
            // A closed local port, and not due for days: the upgraded worker must not fetch anything here.
            url: 'http://127.0.0.1:9/p.json',
            enabled: true,
            priority: 0,
            entityCount: 1,
            lastSuccess: Date.now(),
            nextDue: Date.now() + 7 * 86_400_000,
          },
          { id: 'personal', kind: 'personal', name: 'My entities', enabled: true, priority: 1, entityCount: 1 },
        ],
        variants: [
          { sourceId: 'url:old', entityId: ana.id, entity: ana },
          { sourceId: 'personal', entityId: mine.id, entity: mine },
        ],
        entities: [
          { ...ana, searchKeys: searchKeysOf(ana), sourceIds: ['url:old'] },
          { ...mine, searchKeys: searchKeysOf(mine), sourceIds: ['personal'] },
        ],
        notes: [{ entityId: mine.id, text: 'Kept from v3.', updatedAt: 1 }],
        meta: [{ key: 'kbRevision', value: 7 }],
      },
    };
    await quiet.evaluate(
      ({ stores, rows }) =>
        new Promise<void>((resolve, reject) => {
          const del = indexedDB.deleteDatabase('gloss');
          del.onerror = () => reject(del.error);
          del.onblocked = () => reject(new Error('blocked'));
          del.onsuccess = () => {
            const req = indexedDB.open('gloss', 30);
            req.onupgradeneeded = () => {
              for (const shape of stores) {
                const store = req.result.createObjectStore(shape.name, { keyPath: shape.keyPath });
                for (const i of shape.indexes) store.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry });
              }
              for (const [store, list] of Object.entries(rows))
                for (const row of list) req.transaction!.objectStore(store).put(row);
            };
            req.onsuccess = () => (req.result.close(), resolve());
            req.onerror = () => reject(req.error);
          };
        }),
      v3,
    );
    expect((await snapshot(quiet)).version).toBe(30);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    expect((await send<{ id: string }[]>(popup, 'search', { query: 'mensah' })).map((e) => e.id)).toEqual([mine.id]);
    expect(await send<{ name: string } | null>(popup, 'getEntity', { id: ana.id })).toMatchObject({ name: ana.name });
    const after = await snapshot(quiet);
    expect(after.version).toBe(DB_VERSION * 10);
    expect(after.stores).toContain('variantBuckets');
    expect(after.stores).not.toContain('variants');
    expect(after.personal).toEqual([mine.id]);
    expect(after.notes).toEqual([{ entityId: mine.id, text: 'Kept from v3.' }]);
    expect(after.entityIds).toEqual(expect.arrayContaining([ana.id, mine.id, 'wd:Q43723']));
    // An upgrade is not a recovery: nothing was rebuilt, the subscribed source keeps its state.
    expect((await storageOf(popup)).glossKbRecovery).toBeUndefined();
    expect(after.sources.find((s) => s.id === 'url:old')).toMatchObject({ entityCount: 1 });
    expect(after.sources.find((s) => s.id === 'url:old')?.lastAttempt).toBeUndefined();
    await popup.close();
  });
});

const person = (id: string, name: string) => ({
  id,
  kind: 'person',
  name,
  description: `${name}, a person in a test backup. ${'Background text. '.repeat(12)}`,
  sources: ['https://example.org/'],
});

/** A backup as the options page exports it: the built-in source's record, a big subscribed pack, notes, settings. */
function backupText(tag: string, count: number, sites: string[]) {
  return JSON.stringify({
    format: 'gloss-backup',
    version: 1,
    exportedAt: '2025-06-01T00:00:00.000Z',
    sources: [
      {
        id: 'builtin',
        kind: 'builtin',
        name: 'World news',
        enabled: true,
        priority: 0,
        entityCount: 0,
        version: BUILTIN.version,
        entities: [],
      },
      {
        id: `url:example.org:${tag}`,
        kind: 'pack-url',
        name: `Desk ${tag}`,
        // A closed port on this machine: the re-sync after the rebuild below must not leave it.
        url: `http://127.0.0.1:9/${tag}.json`,
        enabled: true,
        priority: 1,
        version: tag,
        license: 'CC0',
        attribution: 'tests',
        asOf: '2025-06-01',
        entityCount: count,
        nextDue: 4_000_000_000_000,
        entities: Array.from({ length: count }, (_, i) => person(`${tag}:${i}`, `Person ${tag.toUpperCase()} Number${i}`)),
      },
    ],
    notes: [{ entityId: `${tag}:1`, text: `A note of backup ${tag}.`, updatedAt: 1 }],
    settings: {
      display: { kinds: ['person', 'term'], mode: 'every', cardDelayMs: 300, underline: 'solid' },
      disabledSites: sites,
      paused: false,
    },
  });
}

/** Entities in the test backups: enough that a restore takes seconds, not a minute, on a busy machine. */
const COUNT = 4_000;

/** What a backup's import leaves, in a comparable form. */
const kbOf = (s: Snapshot) => ({
  // The other built-in packs of the default set stay as they are: World news stands for them.
  sources: s.sources
    .filter((x) => x.id === 'builtin' || !x.id.startsWith('builtin-'))
    .map((x) => `${x.id}@${x.version ?? ''}`)
    .sort(),
  entities: s.entityIds.length,
  someOf: s.entityIds.filter((id) => /^(b1|b2):/.test(id)).slice(0, 3),
  notes: s.notes,
});

describe('Chromium: a backup import stopped half-way, then a damaged database', () => {
  it('leaves the knowledge base as before or as after, settings with it; the retry completes', async () => {
    const session = await launch();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const quiet = await quietPage(session);

    // Backup 1, whole, timed: how long a restore of this size takes on this machine.
    const b1 = backupText('b1', COUNT, ['one.example']);
    const t0 = Date.now();
    await send(options, 'importBackup', { text: b1 });
    const restoreMs = Date.now() - t0;
    const afterB1 = kbOf(await snapshot(quiet));
    expect(afterB1.sources).toEqual(['builtin@' + BUILTIN.version, 'url:example.org:b1@b1']);

    // What importing backup 2 whole gives, in another profile, to compare with.
    const b2 = backupText('b2', COUNT, ['two.example']);
    const expectB2 = { ...afterB1, sources: ['builtin@' + BUILTIN.version, 'url:example.org:b2@b2'] };

    // Backup 2, with the worker stopped half-way through the time a restore takes.
    let replied = false;
    const sending = options
      .evaluate((text) => chrome.runtime.sendMessage({ id: 9, type: 'importBackup', data: { text }, timestamp: Date.now() }), b2)
      .then((r) => (replied = !!(r as Reply<unknown>)?.res?.ok))
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, restoreMs / 2));
    await stopServiceWorker(session, quiet);
    await sending;
    const leftSnap = await snapshot(quiet);
    const left = kbOf(leftSnap);
    const cutOff = JSON.stringify(left) === JSON.stringify(afterB1);
    if (!cutOff) {
      // The restore committed, whole: backup 2's source, entities and note, nothing of backup 1. (The
      // built-in source may still wait for the pack inside Gloss, which goes back in after a restore.)
      expect(left.sources.filter((x) => !x.startsWith('builtin@'))).toEqual(['url:example.org:b2@b2']);
      expect(leftSnap.entityIds.filter((id) => id.startsWith('b2:'))).toHaveLength(COUNT);
      expect(leftSnap.entityIds.filter((id) => id.startsWith('b1:'))).toEqual([]);
      expect(left.notes).toEqual([{ entityId: 'b2:1', text: 'A note of backup b2.' }]);
    }
    // A restore cut off never replied "imported".
    if (cutOff) expect(replied).toBe(false);

    // The next worker: the settings match the knowledge base (an import that committed has its settings written).
    await send(options, 'listSources');
    const sitesNow = async () => ((await storageOf(options)).disabledSites as string[] | undefined) ?? [];
    await expect.poll(sitesNow, { timeout: 10_000 }).toEqual(cutOff ? ['one.example'] : ['two.example']);
    // The user tries again: it completes.
    if (cutOff) await send(options, 'importBackup', { text: b2 });
    const final = await snapshot(quiet);
    expect(kbOf(final).sources).toEqual(expectB2.sources);
    expect(final.entityIds.length).toBe(DEFAULT_IDS.length + COUNT);
    expect(await sitesNow()).toEqual(['two.example']);
    await options.close();
    console.log(
      `backup import of ${COUNT.toLocaleString('en')} entities: a whole restore took ${restoreMs} ms; the worker was stopped ${Math.round(restoreMs / 2)} ms into the next one, ` +
        `which ${cutOff ? 'was cut off (the knowledge base was the one before, whole)' : replied ? 'had already finished' : `had committed without replying (built-in source ${left.sources[0]})`}`,
    );
  });

  it('rebuilds a database a newer Gloss wrote, keeping the user’s notes, entities and sources', async () => {
    const session = sessions.at(-1)!;
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const id = await send<string>(options, 'savePersonalEntity', {
      entity: {
        kind: 'person',
        name: 'Kofi Mensah-Lee',
        aliases: [],
        description: 'Mayor of the town in the story.',
        sources: [],
      },
    });
    await send(options, 'setNote', { entityId: id, text: 'Runs again in 2026.' });
    await send(options, 'setNote', { entityId: 'wd:Q43723', text: 'Check the coalition numbers.' });
    const quiet = await quietPage(session);
    const before = await snapshot(quiet);
    // The second copy of the user's data follows each write.
    await expect
      .poll(async () => ((await storageOf(options)).glossUserCopy as { notes: unknown[] } | undefined)?.notes.length, {
        timeout: 5_000,
      })
      .toBe(before.notes.length);
    await options.close();

    await stopServiceWorker(session, quiet);
    // A newer Gloss's schema: the next version (Dexie stores it × 10) with a store this one does not know.
    const newer = (DB_VERSION + 1) * 10;
    await quiet.evaluate(
      (version) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('gloss', version);
          req.onupgradeneeded = () => req.result.createObjectStore('highlights', { keyPath: 'id' }).put({ id: 'h1' });
          req.onsuccess = () => (req.result.close(), resolve());
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('blocked'));
        }),
      newer,
    );
    expect((await snapshot(quiet)).version).toBe(newer);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const found = await send<{ id: string }[]>(popup, 'search', { query: 'mensah' });
    expect(found.map((e) => e.id)).toEqual([id]);
    const after = await snapshot(quiet);
    expect(after.version).toBe(DB_VERSION * 10);
    expect(after.stores).not.toContain('highlights');
    expect(after.notes.sort((a, b) => (a.entityId < b.entityId ? -1 : 1))).toEqual(
      before.notes.sort((a, b) => (a.entityId < b.entityId ? -1 : 1)),
    );
    expect(after.personal).toEqual([id]);
    const desk = after.sources.find((s) => s.id === 'url:example.org:b2')!;
    const report = (await storageOf(popup)).glossKbRecovery!;
    // Its entities kept, its validators dropped, and due at once: the next worker's scheduler may already
    // have tried it (the closed port refuses).
    expect(desk).toMatchObject({ entityCount: COUNT });
    expect(desk.etag).toBeUndefined();
    if (desk.nextDue !== 0) expect((desk as { lastAttempt?: number }).lastAttempt).toBeGreaterThanOrEqual(report.at as number);
    else expect(desk.status).toMatchObject({ code: 'rebuilt' });
    expect(after.sources.find((s) => s.id === 'builtin')).toMatchObject({ version: BUILTIN.version });
    expect(after.entityIds.length).toBe(before.entityIds.length);
    expect(report).toMatchObject({
      reason: 'downgraded',
      foundVersion: DB_VERSION + 1,
      kept: { notes: before.notes.length, personalEntities: 1 },
    });
    console.log(`downgraded database rebuilt: ${JSON.stringify(report)}`);
    await popup.close();
    // The reader learns what happened from the settings, until they dismiss it.
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    const notice = settings.locator('.recovery-notice');
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toMatch(/written by a newer version of Gloss/);
    expect(await notice.innerText()).toMatch(/kept \d+ notes?, 1 entity of your own/);
    await notice.screenshot({ path: join(RESULTS, 'options-recovery-notice.png') });
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await settings.reload();
    await settings.locator('h1').waitFor();
    expect(await notice.count()).toBe(0);
    await settings.close();
  });

  it('rebuilds around a malformed entity row and a garbage stored matcher; pages are annotated again', async () => {
    const session = sessions.at(-1)!;
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const text = { blocks: ['Benjamin Netanyahu spoke to Kofi Mensah-Lee.'] };
    const ids = async () =>
      (await send<{ mentions: { entityId: string | null }[][] }>(popup, 'annotate', text)).mentions[0]!.map((m) => m.entityId);
    expect(await ids()).toContain('wd:Q43723');
    // The matcher is stored when built: wait for it, then damage it and an entity row on disk.
    const quiet = await quietPage(session);
    await expect.poll(async () => (await snapshot(quiet)).meta.matchIndex, { timeout: 10_000 }).toBe('(blob)');
    const before = await snapshot(quiet);
    await stopServiceWorker(session, quiet);
    await quiet.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('gloss');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['entities', 'meta'], 'readwrite');
            tx.objectStore('entities').put({ id: 'wd:Q43723', kind: 'person', searchKeys: [], sourceIds: ['builtin'] });
            const get = tx.objectStore('meta').get('matchIndex');
            get.onsuccess = () => {
              const m = get.result as { value: { automaton: { edgeTarget: Uint32Array } } };
              m.value.automaton.edgeTarget.fill(0xffffff);
              tx.objectStore('meta').put(m);
            };
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    // The next worker: the first lookup finds the damage, the knowledge base is rebuilt, the answer is right.
    await expect.poll(ids, { timeout: 30_000 }).toContain('wd:Q43723');
    const report = (await storageOf(popup)).glossKbRecovery!;
    expect(report).toMatchObject({ reason: 'malformed', dropped: { entities: 0 } });
    expect(String(report.detail)).toMatch(/entities "wd:Q43723": no name/);
    expect(await send(popup, 'getEntity', { id: 'wd:Q43723' })).toMatchObject({ name: 'Benjamin Netanyahu' });
    const after = await snapshot(quiet);
    expect(after.personal).toEqual(before.personal);
    expect(after.notes.length).toBe(before.notes.length);
    console.log(`malformed row and damaged matcher: ${JSON.stringify(report)}`);
  });
});

describe('Chromium: an IndexedDB file corrupted on disk', () => {
  it('is dropped by Chromium; Gloss rebuilds from the second copy, even when a Gloss page opens first', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'gloss-corrupt-'));
    try {
      let session = await launchInProfile(profile);
      let popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const id = await send<string>(popup, 'savePersonalEntity', {
        entity: {
          kind: 'organization',
          name: 'Tide Watch Collective',
          aliases: [],
          description: 'A local monitoring group.',
          sources: [],
        },
      });
      await send(popup, 'setNote', { entityId: id, text: 'Sources in the port authority.' });
      await send(popup, 'setNote', { entityId: 'wd:Q43723', text: 'Check the coalition numbers.' });
      await expect
        .poll(async () => ((await storageOf(popup)).glossUserCopy as { notes: unknown[] } | undefined)?.notes.length, {
          timeout: 5_000,
        })
        .toBe(2);
      await session.context.close();

      // Every file of the extension's IndexedDB store overwritten with garbage, as a failing disk might.
      const dir = join(profile, 'Default', 'IndexedDB');
      const store = readdirSync(dir).find(
        (d) => d.startsWith(`chrome-extension_${session.extensionId}`) && d.endsWith('.leveldb'),
      );
      expect(store, 'the extension has an IndexedDB store on disk').toBeDefined();
      const files = readdirSync(join(dir, store!)).filter((f) => /\.(ldb|log)$|^MANIFEST/.test(f));
      for (const f of files)
        writeFileSync(join(dir, store!, f), Buffer.alloc(Math.max(64, statSync(join(dir, store!, f)).size), 0x5a));

      session = await launchInProfile(profile);
      // The options page opens at once, and may open the database before the worker does.
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const notes = async () =>
        (await send<{ entityId: string; text: string }[]>(options, 'listNotes')).map((n) => `${n.entityId}: ${n.text}`).sort();
      await expect
        .poll(notes, { timeout: 30_000 })
        .toEqual([`${id}: Sources in the port authority.`, 'wd:Q43723: Check the coalition numbers.']);
      popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      expect((await send<{ id: string }[]>(popup, 'search', { query: 'tide watch' })).map((e) => e.id)).toEqual([id]);
      expect(await send(popup, 'getEntity', { id: 'wd:Q43723' })).toMatchObject({ name: 'Benjamin Netanyahu' });
      const report = (await storageOf(popup)).glossKbRecovery!;
      expect(['missing', 'unreadable']).toContain(report.reason);
      expect(report).toMatchObject({ fromCopy: { notes: 2, personalEntities: 1 } });
      console.log(`corrupted IndexedDB files (${files.join(', ')}): ${JSON.stringify(report)}`);
      await session.context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
