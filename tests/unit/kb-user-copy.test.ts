import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../lib/kb/db';
import { startKb } from '../../lib/kb/start-kb';
import { USER_COPY_KEY, UserCopyKeeper, type UserCopy } from '../../lib/kb/user-copy';
import { memoryArea, populate, URL_SOURCE } from './support/kb-fault-fixtures';
import { opened, fresh, usersKb, recovering } from './support/kb-recovery';

/** The second copy of the user's data (notes, own entities, choices) that a rebuild restores from. */

describe('the second copy of the user’s data', () => {
  it('follows the user’s data even when the built-in import fails at start, and the failure is passed on', async () => {
    const name = fresh('builtin-fails');
    const { area, before } = await usersKb(name);
    delete area.data[USER_COPY_KEY];
    const { deps } = recovering(name, area);
    await expect(startKb({ ...deps, ensureBuiltin: () => Promise.reject(new Error('no pack file')) })).rejects.toThrow(
      'no pack file',
    );
    expect((area.data[USER_COPY_KEY] as UserCopy).notes).toEqual(before.notes);
    expect((area.data[USER_COPY_KEY] as UserCopy).personal).toEqual(before.personal);
  });

  it('follows every note and entity write, and is not rewritten when nothing it holds changed', async () => {
    const name = fresh('copy');
    const db = openDb(name);
    opened.push(db);
    const area = memoryArea();
    let writes = 0;
    const counting = { get: area.get, set: async (items: Record<string, unknown>) => void (writes++, await area.set(items)) };
    const copy = new UserCopyKeeper(db, counting);
    await populate(db);
    await copy.save();
    expect(writes).toBe(0); // off until the database is known good
    copy.enable();
    await copy.save();
    expect(writes).toBe(1);
    await copy.save();
    expect(writes).toBe(1);
    // A sync changes status fields only: the copy holds none of them.
    await db.sources.update(URL_SOURCE.id, { lastChecked: 5, lastResult: 'Checked.' });
    await copy.save();
    expect(writes).toBe(1);
    await db.notes.put({ entityId: 'b:bo', text: 'new', updatedAt: 9 });
    await copy.save();
    expect(writes).toBe(2);
    expect((area.data[USER_COPY_KEY] as UserCopy).notes.map((n) => n.entityId)).toContain('b:bo');
    // A new keeper (a new worker) compares with what is stored instead of writing again.
    const next = new UserCopyKeeper(db, counting);
    next.enable();
    await next.save();
    expect(writes).toBe(2);
  });

  it('a storage quota error never fails the write it follows, and is kept for the status', async () => {
    const name = fresh('copy-quota');
    const db = openDb(name);
    opened.push(db);
    const full = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const copy = new UserCopyKeeper(db, full);
    copy.enable();
    await populate(db);
    await expect(copy.save()).resolves.toBeUndefined();
    expect(copy.lastError).toMatch(/quota/);
  });
});

/** An IndexedDB where the named database fails to open (as a corrupted file does) until it is deleted. */

describe('the second copy follows writes made anywhere', () => {
  it('after a source is added by other code, the copy lists it', async () => {
    const { followUserData } = await import('../../lib/kb/user-copy');
    const { addUrlSource } = await import('../../lib/sync/registry');
    const name = fresh('follow');
    const db = openDb(name);
    opened.push(db);
    const area = memoryArea();
    const copy = new UserCopyKeeper(db, area);
    copy.enable();
    await populate(db);
    await copy.save();
    const stop = followUserData(db, copy, 10);
    try {
      await addUrlSource(db, { url: 'https://example.net/x.json', kind: 'pack-url', name: 'X' });
      await expect
        .poll(() => (area.data[USER_COPY_KEY] as UserCopy).sources.map((s) => s.name), { timeout: 2_000 })
        .toContain('X');
    } finally {
      stop();
    }
  });
});
