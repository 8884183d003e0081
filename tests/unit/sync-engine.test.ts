import { describe, expect, it } from 'vitest';
import type { KbChange } from '../../lib/kb/apply-pack';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { SyncEngine, type SyncHost } from '../../lib/sync/engine';
import { addUrlSource } from '../../lib/sync/registry';
import { entity, kbIds, pack, said, TEST_LIMITS } from './support/sync-fixtures';
import { file } from './support/sync-server';
import { syncTestbed } from './support/sync-testbed';

const bed = syncTestbed(async (db) => {
  await importBuiltinPack(db, pack([entity('b:1', 'Bea Ortiz')], '1', 'builtin'));
});

/** A host that records what the engine asks of the browser: requests, alarms, changes. */
function host(over: Partial<SyncHost> = {}) {
  const alarms: (number | null)[] = [];
  const changes: KbChange[] = [];
  const fetched: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const h: SyncHost = {
    db: bed.db,
    limits: TEST_LIMITS,
    now: Date.now,
    isOnline: () => true,
    languages: () => ['en'],
    wikidataInstance: bed.server.origin,
    fetch: async (input, init) => {
      fetched.push(String(input));
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    },
    setAlarm: async (when) => {
      alarms.push(when);
    },
    onChange: (c) => changes.push(c),
    ...over,
  };
  return { h, alarms, changes, fetched, maxInFlight: () => maxInFlight };
}

describe('the sync engine', { timeout: 15_000 }, () => {
  it('with only the built-in pack, makes no request and sets no alarm', async () => {
    const { h, alarms, fetched } = host();
    const engine = new SyncEngine(h);
    await engine.runDue();
    await engine.syncNow();
    expect(fetched).toEqual([]);
    expect(alarms.every((a) => a === null)).toBe(true);
  });

  it('syncs due sources one at a time, stalest first, then sets the alarm for the next', async () => {
    bed.server.on('/slow-a.json', (req, res) =>
      setTimeout(() => file(JSON.stringify(pack([entity('a:1', 'Ann A')])))(req, res), 150),
    );
    bed.server.on('/slow-b.json', (req, res) =>
      setTimeout(() => file(JSON.stringify(pack([entity('b:2', 'Ben B')])))(req, res), 150),
    );
    const a = await addUrlSource(bed.db, { url: bed.server.url('/slow-a.json'), kind: 'pack-url' });
    await addUrlSource(bed.db, { url: bed.server.url('/slow-b.json'), kind: 'pack-url' });
    // A synced two days ago, B never: B is staler.
    await bed.db.sources.update(a.id, { lastSuccess: Date.now() - 48 * 3_600_000, nextDue: Date.now() - 1 });
    const { h, alarms, changes, fetched, maxInFlight } = host();
    const engine = new SyncEngine(h);
    await Promise.all([engine.runDue(), engine.runDue()]);
    expect(fetched).toEqual([bed.server.url('/slow-b.json'), bed.server.url('/slow-a.json')]);
    expect(maxInFlight()).toBe(1);
    expect(await kbIds(bed.db)).toEqual(['a:1', 'b:1', 'b:2']);
    expect(changes.map((c) => c.changed)).toEqual([['b:2'], ['a:1']]);
    const next = Math.min(...(await bed.db.sources.toArray()).flatMap((s) => (s.nextDue ? [s.nextDue] : [])));
    // A watchdog alarm a minute ahead while each sync runs, then the real next wake-up (once per runDue).
    expect(alarms).toHaveLength(4);
    for (const watchdog of alarms.slice(0, 2)) expect(watchdog! - Date.now()).toBeGreaterThan(50_000);
    expect(alarms.at(-1)).toBe(next);
  });

  it('waits while offline, without counting a failure', async () => {
    const s = await addUrlSource(bed.db, { url: bed.server.url('/never.json'), kind: 'pack-url' });
    const t = Date.now();
    const { h, alarms, fetched } = host({ isOnline: () => false, now: () => t });
    await new SyncEngine(h).runDue();
    expect(fetched).toEqual([]);
    expect(alarms).toEqual([t + 15 * 60_000]);
    expect(await bed.db.sources.get(s.id)).toMatchObject({ status: { code: 'offline' } });
    expect((await bed.db.sources.get(s.id))!.failures).toBeUndefined();
  });

  it('finishes first a sync a stopped worker left behind, even if it was not due', async () => {
    bed.server.on('/interrupted.json', file(JSON.stringify(pack([entity('i:1', 'Ida I')], '2')), { etag: '"i2"' }));
    const s = await addUrlSource(bed.db, { url: bed.server.url('/interrupted.json'), kind: 'pack-url' });
    // As a worker stopped mid-"sync now" leaves it: the marker, and a due time in the future.
    await bed.db.sources.update(s.id, {
      nextDue: Date.now() + 3_600_000,
      syncing: { startedAt: Date.now() - 5_000, phase: 'download', received: 1000 },
    });
    const { h, fetched } = host();
    await new SyncEngine(h).runDue();
    expect(fetched).toEqual([bed.server.url('/interrupted.json')]);
    expect(await kbIds(bed.db)).toEqual(['b:1', 'i:1']);
    expect((await bed.db.sources.get(s.id))!.syncing).toBeUndefined();
  });

  it('"sync now" syncs one source when asked, whatever its schedule, and returns its status', async () => {
    bed.server.on('/now.json', file(JSON.stringify(pack([entity('n:1', 'Noa N')]))));
    const s = await addUrlSource(bed.db, { url: bed.server.url('/now.json'), kind: 'pack-url' });
    await bed.db.sources.update(s.id, { nextDue: Date.now() + 10 * 3_600_000 });
    const { h } = host();
    const [after] = await new SyncEngine(h).syncNow(s.id);
    expect(after).toMatchObject({
      id: s.id,
      entityCount: 1,
      status: { code: 'updated', version: '1', added: 1, changed: 0, removed: 0, entities: 1 },
    });
    expect(said(after)).toBe('Updated to version 1: 1 added, 0 changed, 0 removed (1 entity).');
    await expect(new SyncEngine(h).syncNow('builtin')).rejects.toThrow('This source is not fetched from the network.');
  });
});
