import { describe, expect, it } from 'vitest';
import { launcherForFile, stopServiceWorker } from './support/chromium';
import { quietPage, snapshot, storageOf } from './support/kb-store';
import { sendAs } from './support/messages';
import { DB_VERSION } from '../../lib/kb/db';
import { expectedStores } from '../../lib/kb/schema-check';
import { searchKeysOf } from '../../lib/kb/search-keys';

/** A knowledge base a Gloss before schema v4 wrote, upgraded in place by the next worker (Chromium). */

const launch = launcherForFile();

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
    expect((await sendAs(popup, 'search', { query: 'mensah' })).map((e) => e.id)).toEqual([mine.id]);
    expect(await sendAs(popup, 'getEntity', { id: ana.id })).toMatchObject({ name: ana.name });
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
