import type { KbChange } from '../kb/apply-pack';
import type { GlossDb, SourceRecord } from '../kb/db';
import { SCHEDULE, type SyncLimits } from './limits';
import { dueSources, isNetworkSource, nextWake } from './schedule';
import { syncSource, type SyncDeps } from './sync-source';

export interface SyncHost {
  db: GlossDb;
  limits: SyncLimits;
  now: () => number;
  fetch?: typeof fetch;
  isOnline: () => boolean;
  languages: () => string[];
  wikidataInstance: string;
  /** Sets the one wake-up alarm (null: none needed). */
  setAlarm: (when: number | null) => Promise<void>;
  /** Told after every write to the entities, so the matcher can follow. */
  onChange: (change: KbChange) => void;
  /** Called while a download makes progress (the extension calls a browser API to keep its worker alive). */
  heartbeat?: () => void;
}

/** How soon a worker stopped mid-sync is woken again to finish it. */
const WATCHDOG_MS = 60_000;

/**
 * Keeps sources fresh the way uBlock Origin keeps filter lists: one source at a time, the stalest
 * first, each on its own schedule. Every step is stored, so a worker stopped in the middle leaves a
 * `syncing` marker and its staged bytes; the next worker sees the marker and runs that source first.
 */
export class SyncEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private current: string | null = null;

  constructor(private readonly host: SyncHost) {}

  /** The source syncing right now in this worker, if any. */
  get running(): string | null {
    return this.current;
  }

  /** Runs jobs one after another: two syncs never write at once, and "sync now" waits its turn. */
  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private deps(): SyncDeps {
    const { db, limits, now, fetch, wikidataInstance, heartbeat } = this.host;
    return {
      db,
      limits,
      now,
      languages: this.host.languages(),
      wikidataInstance,
      ...(fetch && { fetch }),
      ...(heartbeat && { heartbeat }),
    };
  }

  private async syncOne(id: string): Promise<void> {
    this.current = id;
    try {
      // A watchdog: if the browser stops the worker mid-sync, this alarm wakes a new one to finish it.
      // The real next wake-up replaces it when the sync ends.
      await this.host.setAlarm(this.host.now() + WATCHDOG_MS);
      const outcome = await syncSource(this.deps(), id);
      if (outcome.change) this.host.onChange(outcome.change);
    } catch (e) {
      // syncSource turns failures into a status; this is a bug or a closing database. Go on with the others.
      console.error(`Gloss: syncing ${id} failed`, e);
    } finally {
      this.current = null;
    }
  }

  /** Syncs whatever is due (an interrupted sync first), then sets the alarm for the next one. */
  runDue(): Promise<void> {
    return this.serial(async () => {
      const done = new Set<string>();
      for (;;) {
        const sources = await this.host.db.sources.toArray();
        const now = this.host.now();
        const next = [...interrupted(sources), ...dueSources(sources, now)].find((s) => !done.has(s.id));
        if (!next) break;
        if (!this.host.isOnline()) {
          await this.waitForNetwork(sources, now);
          return;
        }
        done.add(next.id);
        await this.syncOne(next.id);
      }
      await this.reschedule();
    });
  }

  /** "Sync now" from the options page: one source, or every enabled network source, stalest first. */
  syncNow(id?: string): Promise<SourceRecord[]> {
    return this.serial(async () => {
      const sources = await this.host.db.sources.toArray();
      const chosen = id
        ? sources.filter((s) => s.id === id)
        : dueSources(
            sources.map((s) => ({ ...s, nextDue: 0 })),
            this.host.now(),
          );
      if (id && chosen.length === 0) throw new Error(`There is no source "${id}".`);
      if (id && !isNetworkSource(chosen[0]!)) throw new Error('This source is not fetched from the network.');
      if (!this.host.isOnline()) {
        await this.waitForNetwork(chosen, this.host.now());
      } else {
        for (const s of chosen) await this.syncOne(s.id);
        await this.reschedule();
      }
      const ids = new Set(chosen.map((s) => s.id));
      return (await this.host.db.sources.toArray()).filter((s) => ids.has(s.id));
    });
  }

  /** Sets the alarm for the earliest due source, or clears it when no source needs the network. */
  async reschedule(): Promise<void> {
    const when = nextWake(await this.host.db.sources.toArray());
    await this.host.setAlarm(when === null ? null : Math.max(when, this.host.now() + 1000));
  }

  private async waitForNetwork(sources: readonly SourceRecord[], now: number): Promise<void> {
    for (const s of sources) {
      if (s.enabled && isNetworkSource(s)) await this.host.db.sources.update(s.id, { status: { code: 'offline' } });
    }
    await this.host.setAlarm(now + SCHEDULE.offlineRecheckMs);
  }
}

/** Sources whose sync was cut off: the marker outlived the worker that set it. */
function interrupted(sources: readonly SourceRecord[]): SourceRecord[] {
  return sources.filter((s) => s.syncing && s.enabled && isNetworkSource(s));
}
