import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDb } from '../../lib/kb/db';
import { listPersonal } from '../../lib/kb/personal';
import { RecoveryJournal } from '../../lib/kb/recovery-journal';
import { RECOVERY_REPORT_KEY, type RecoveryReport } from '../../lib/kb/recovery-report';
import { buildSalvage } from '../../lib/kb/salvage';
import { startKb } from '../../lib/kb/start-kb';
import { USER_COPY_KEY, type UserCopy } from '../../lib/kb/user-copy';
import { ensureBuiltinFor, URL_SOURCE } from './support/kb-fault-fixtures';
import { fresh, usersKb, recovering, expectUsersDataKept, upgradeRaw, failingOpensAfterDelete } from './support/kb-recovery';

/**
 * A damaged, downgraded, unreadable or vanished knowledge base: each is rebuilt, with every note,
 * entity of the user's and subscribed source kept, the built-in pack imported again and the
 * subscribed sources due for a fetch; the user is told what happened.
 */

describe('a rebuild cut off by the worker stopping', () => {
  /** The states a stopped rebuild can leave, once its salvage is journalled. */
  const cutAt = {
    'before the delete': async () => undefined,
    'after the delete': async (name: string) => Dexie.delete(name),
    'in the restore (its transaction aborted: an empty database)': async (name: string) => {
      await Dexie.delete(name);
      const empty = openDb(name);
      await empty.open();
      empty.close();
    },
    'after the restore committed, before the journal was removed': async (name: string, journalled: unknown) => {
      await Dexie.delete(name);
      const { restoreSalvage } = await import('../../lib/kb/restore-salvage');
      const db = openDb(name);
      await restoreSalvage(db, journalled as never);
      db.close();
    },
  };

  for (const [where, leave] of Object.entries(cutAt)) {
    it(`${where}: the next start finishes it from the journal`, async () => {
      const name = fresh('journal');
      const { populated, area, before } = await usersKb(name);
      await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) => db.createObjectStore('extra'));
      // What the first worker got to: the salvage, journalled.
      const journal = new RecoveryJournal(name);
      const { dumpDatabase } = await import('../../lib/kb/raw-idb');
      const salvage = buildSalvage(
        await dumpDatabase(indexedDB, name),
        before,
        { reason: 'downgraded', detail: 'test' },
        Date.now(),
      );
      await journal.write(salvage);
      journal.close();
      await leave(name, salvage);

      const { kb, deps, reports } = recovering(name, area);
      await startKb(deps);
      await expectUsersDataKept(kb, populated, before, { urlEntities: true });
      expect(reports[0]).toMatchObject({ reason: 'downgraded', detail: 'test' });
      expect(await new RecoveryJournal(name).read()).toBeNull();
    });
  }

  it('resumed over a database the user wrote to meanwhile: keeps both what was salvaged and what was written since', async () => {
    const name = fresh('journal-merge');
    const { populated, area, before } = await usersKb(name);
    const { dumpDatabase } = await import('../../lib/kb/raw-idb');
    const salvage = buildSalvage(await dumpDatabase(indexedDB, name), null, { reason: 'downgraded', detail: 'test' }, Date.now());
    const journal = new RecoveryJournal(name);
    await journal.write(salvage);
    journal.close();
    // The last worker's rebuild failed after the delete; it ran on an empty database, and the user
    // wrote a note and an entity into it (the copy was not updated: it stays off after a failure).
    await Dexie.delete(name);
    const meanwhile = openDb(name);
    await ensureBuiltinFor(meanwhile)();
    await meanwhile.notes.put({ entityId: 'b:bo', text: 'Written after the failed rebuild.', updatedAt: 9 });
    const { savePersonal } = await import('../../lib/kb/personal');
    const laterId = await savePersonal(meanwhile, {
      kind: 'place',
      name: 'Tell Abyad',
      aliases: [],
      description: 'A town.',
      sources: [],
    });
    meanwhile.close();

    const { kb, deps } = recovering(name, area);
    await startKb(deps);
    const notes = (await kb.db.notes.toArray()).map((n) => n.entityId).sort();
    expect(notes).toEqual([...before.notes.map((n) => n.entityId), 'b:bo'].sort());
    expect((await listPersonal(kb.db)).map((e) => e.id).sort()).toEqual([populated.personalId, laterId].sort());
    expect((await kb.db.sources.get(URL_SOURCE.id))?.url).toBe(URL_SOURCE.url);
    expect(await new RecoveryJournal(name).read()).toBeNull();
  });

  it('a restore that fails is recorded, keeps the journal and the copy, and the next start completes it', async () => {
    const name = fresh('restore-fails');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) => db.createObjectStore('extra'));
    // The first worker: the delete works, opening the new database fails (as a full disk would).
    const flaky = failingOpensAfterDelete(name);
    const first = recovering(name, area, { indexedDB: flaky });
    await expect(startKb(first.deps)).rejects.toThrow();
    expect(first.kb.lastReport?.failed).toBeTruthy();
    expect((area.data[RECOVERY_REPORT_KEY] as RecoveryReport).failed).toBeTruthy();
    // The copy was not overwritten by whatever the failed start could see.
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
    first.kb.db.close();

    const second = recovering(name, area);
    await startKb(second.deps);
    await expectUsersDataKept(second.kb, populated, before, { urlEntities: true });
    expect(second.reports[0]).toMatchObject({ reason: 'downgraded' });
  });
});
