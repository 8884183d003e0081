import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launcherForFile } from './support/chromium';
import { storageOf } from './support/kb-store';
import { sendAs } from './support/messages';

/** IndexedDB files overwritten with garbage on disk: Chromium drops them, Gloss rebuilds from its second copy. */

const launch = launcherForFile();

describe('Chromium: an IndexedDB file corrupted on disk', () => {
  it('is dropped by Chromium; Gloss rebuilds from the second copy, even when a Gloss page opens first', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'gloss-corrupt-'));
    try {
      let session = await launch({ profile });
      let popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const id = await sendAs(popup, 'savePersonalEntity', {
        entity: {
          kind: 'organization',
          name: 'Tide Watch Collective',
          aliases: [],
          description: 'A local monitoring group.',
          sources: [],
        },
      });
      await sendAs(popup, 'setNote', { entityId: id, text: 'Sources in the port authority.' });
      await sendAs(popup, 'setNote', { entityId: 'wd:Q43723', text: 'Check the coalition numbers.' });
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

      session = await launch({ profile });
      // The options page opens at once, and may open the database before the worker does.
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const notes = async () => (await sendAs(options, 'listNotes', {})).map((n) => `${n.entityId}: ${n.text}`).sort();
      await expect
        .poll(notes, { timeout: 30_000 })
        .toEqual([`${id}: Sources in the port authority.`, 'wd:Q43723: Check the coalition numbers.']);
      popup = await session.context.newPage();
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      expect((await sendAs(popup, 'search', { query: 'tide watch' })).map((e) => e.id)).toEqual([id]);
      expect(await sendAs(popup, 'getEntity', { id: 'wd:Q43723' })).toMatchObject({ name: 'Benjamin Netanyahu' });
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
