import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherForFile, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { BUILTIN, DEFAULT_IDS } from './support/default-packs';
import { quietPage, snapshot, storageOf, type Snapshot } from './support/kb-store';
import { sendAs, sendRaw } from './support/messages';
import { RESULTS } from './support/paths';
import { DB_VERSION } from '../../lib/kb/db';

/**
 * A backup import in headless Chromium with the worker stopped half-way: the knowledge base is the one
 * before or the one after, never a mix. Then the database is damaged (a newer schema, a malformed row,
 * a garbage matcher) and the next worker must rebuild it without losing the user's notes and entities.
 */

const launch = launcherForFile();

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
  let session: ChromiumSession;
  it('leaves the knowledge base as before or as after, settings with it; the retry completes', async () => {
    session = await launch();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const quiet = await quietPage(session);

    // Backup 1, whole, timed: how long a restore of this size takes on this machine.
    const b1 = backupText('b1', COUNT, ['one.example']);
    const t0 = Date.now();
    await sendAs(options, 'importBackup', { text: b1 });
    const restoreMs = Date.now() - t0;
    const afterB1 = kbOf(await snapshot(quiet));
    expect(afterB1.sources).toEqual(['builtin@' + BUILTIN.version, 'url:example.org:b1@b1']);

    // What importing backup 2 whole gives, in another profile, to compare with.
    const b2 = backupText('b2', COUNT, ['two.example']);
    const expectB2 = { ...afterB1, sources: ['builtin@' + BUILTIN.version, 'url:example.org:b2@b2'] };

    // Backup 2, with the worker stopped half-way through the time a restore takes.
    let replied = false;
    const sending = sendRaw(options, 'importBackup', { text: b2 })
      .then((r) => (replied = !!r?.res?.ok))
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
    await sendAs(options, 'listSources', {});
    const sitesNow = async () => ((await storageOf(options)).disabledSites as string[] | undefined) ?? [];
    await expect.poll(sitesNow, { timeout: 10_000 }).toEqual(cutOff ? ['one.example'] : ['two.example']);
    // The user tries again: it completes.
    if (cutOff) await sendAs(options, 'importBackup', { text: b2 });
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
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const id = await sendAs(options, 'savePersonalEntity', {
      entity: {
        kind: 'person',
        name: 'Kofi Mensah-Lee',
        aliases: [],
        description: 'Mayor of the town in the story.',
        sources: [],
      },
    });
    await sendAs(options, 'setNote', { entityId: id, text: 'Runs again in 2026.' });
    await sendAs(options, 'setNote', { entityId: 'wd:Q43723', text: 'Check the coalition numbers.' });
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
    const found = await sendAs(popup, 'search', { query: 'mensah' });
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
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const text = { blocks: ['Benjamin Netanyahu spoke to Kofi Mensah-Lee.'] };
    const ids = async () => (await sendAs(popup, 'annotate', text)).mentions[0]!.map((m) => m.entityId);
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
    expect(await sendAs(popup, 'getEntity', { id: 'wd:Q43723' })).toMatchObject({ name: 'Benjamin Netanyahu' });
    const after = await snapshot(quiet);
    expect(after.personal).toEqual(before.personal);
    expect(after.notes.length).toBe(before.notes.length);
    console.log(`malformed row and damaged matcher: ${JSON.stringify(report)}`);
  });
});
