import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launcherForFile, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { BUILTIN, DEFAULT_IDS, DEFAULT_SET } from './support/default-packs';
import { databaseAppears, quietPage, snapshot, storageOf } from './support/kb-store';
import { sendAs } from './support/messages';
import { DB_VERSION } from '../../lib/kb/db';

/**
 * The built extension in headless Chromium, its service worker stopped (through CDP, as the browser
 * does to an idle worker) during the first install's import of the built-in packs. What the stop leaves
 * is read straight from IndexedDB without waking the worker: the state before or the state after, never
 * a mix; the next worker finishes.
 */

const launch = launcherForFile();

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
      let session = await launch({ profile });
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
      const lookup = () => sendAs(popup, 'getEntity', { id: 'wd:Q43723' });
      let found = await lookup().catch((e: unknown) => {
        if (!/Receiving end does not exist/.test(String(e))) throw e;
        return undefined;
      });
      if (found === undefined) {
        restarted = true;
        await session.context.close();
        session = await launch({ profile });
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
