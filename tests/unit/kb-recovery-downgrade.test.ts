import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDb } from '../../lib/kb/db';
import { listPersonal } from '../../lib/kb/personal';
import { describeRecovery, RECOVERY_REPORT_KEY } from '../../lib/kb/recovery-report';
import { startKb } from '../../lib/kb/start-kb';
import { readUserData, USER_COPY_KEY, type UserCopy } from '../../lib/kb/user-copy';
import { URL_SOURCE } from './support/kb-fault-fixtures';
import { sourceEntityIds } from '../../lib/kb/variant-buckets';
import { opened, fresh, usersKb, recovering, expectUsersDataKept, upgradeRaw } from './support/kb-recovery';

/**
 * A damaged, downgraded, unreadable or vanished knowledge base: each is rebuilt, with every note,
 * entity of the user's and subscribed source kept, the built-in pack imported again and the
 * subscribed sources due for a fetch; the user is told what happened.
 */

describe('a database written by a newer Gloss (downgrade)', () => {
  it('opens as it is in plain Dexie 4, and quietly gains an empty notes table when the newer schema moved them', async () => {
    // Why the rebuild exists: without it, Dexie opens a newer database without complaint and "patches"
    // a store it misses, so the notes the newer version moved look lost, and the version is bumped.
    const name = fresh('dexie-downgrade');
    await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db, tx) => {
      db.createObjectStore('notes2', { keyPath: 'entityId' }).put({ entityId: 'b:ana', text: 'moved' });
      tx.objectStore('notes').clear();
      db.deleteObjectStore('notes');
    });
    const plain = openDb(name);
    opened.push(plain);
    expect(await plain.notes.count()).toBe(0);
    expect(plain.backendDB().version).toBe((DB_VERSION + 1) * 10 + 1);
  });

  it('is rebuilt at this version with everything the user made, when the newer schema only added a store', async () => {
    const name = fresh('downgrade');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db) =>
      db.createObjectStore('highlights', { keyPath: 'id' }).put({ id: 'h1' }),
    );
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect([...kb.db.backendDB().objectStoreNames]).not.toContain('highlights');
    expect(reports[0]).toMatchObject({
      reason: 'downgraded',
      foundVersion: DB_VERSION + 1,
      kept: { notes: 2, personalEntities: 1, sources: 3, entities: 2 },
      dropped: { notes: 0, entities: 0, sources: 0 },
      fromCopy: { notes: 0, personalEntities: 0, sources: 0 },
      refetch: ['Desk pack'],
    });
    expect(area.data[RECOVERY_REPORT_KEY]).toEqual(reports[0]);
    expect(describeRecovery(reports[0]!).join(' ')).toMatch(
      /newer version of Gloss.*kept 2 notes, 1 entity of your own and 3 sources; the built-in pack was imported again\. Fetching again: Desk pack\./,
    );
    // The copy is written again from the rebuilt database, and equals what was there before.
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
  });

  it('keeps notes and the user’s entities even when the newer schema dropped variants and moved notes', async () => {
    const name = fresh('downgrade-moved');
    const { populated, area, before } = await usersKb(name);
    await upgradeRaw(name, (DB_VERSION + 1) * 10, (db, tx) => {
      tx.objectStore('notes').clear();
      db.deleteObjectStore('notes');
      db.deleteObjectStore('variantBuckets');
      db.createObjectStore('notes2', { keyPath: 'entityId' });
    });
    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    // Without variants, each source's entities are read back from the merged entities (as the v3 upgrade
    // does): the desk's own description of Ana is lost (the merged row shows the built-in's), the
    // rest is there; the notes come from the second copy.
    const db = kb.db;
    expect((await readUserData(db)).notes).toEqual(before.notes);
    expect((await listPersonal(db)).map((e) => e.id)).toEqual([populated.personalId]);
    expect((await sourceEntityIds(db, URL_SOURCE.id)).sort()).toEqual(['b:ana', 'u:cy']);
    expect(reports[0]).toMatchObject({ reason: 'downgraded', fromCopy: { notes: 2 } });
  });
});
