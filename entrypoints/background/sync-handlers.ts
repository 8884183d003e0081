import { browser } from 'wxt/browser';
import { WIKIDATA_INSTANCE } from '@/lib/pack/import-wikidata';
import type { KbChange } from '@/lib/kb/apply-pack';
import { SyncEngine } from '@/lib/sync/engine';
import { DEFAULT_LIMITS } from '@/lib/sync/limits';
import {
  addUrlSource,
  enableWikidataSource,
  previewRemoval,
  previewSource,
  removeSource,
  updateSource,
} from '@/lib/sync/registry';
import { WIKIDATA_SOURCE_ID } from '@/lib/sync/wikidata-source';
import type { SyncProtocol } from '@/lib/messaging/sync-protocol';
import { readerLanguages } from '@/lib/ui/reader-languages';
import type { Handlers } from './handle';
import { db, kbChanged } from './knowledge';

export const SYNC_ALARM = 'gloss-sync';

const followChange = (change: KbChange) => {
  if (change.changed.length + change.deleted.length > 0 || change.reranked) kbChanged(change);
};

export const syncEngine = new SyncEngine({
  db,
  limits: DEFAULT_LIMITS,
  now: Date.now,
  // WorkerNavigator.onLine: false only when the browser knows it is offline.
  isOnline: () => globalThis.navigator?.onLine !== false,
  languages: () => readerLanguages(),
  wikidataInstance: WIKIDATA_INSTANCE,
  setAlarm: async (when) => {
    if (when === null) await browser.alarms.clear(SYNC_ALARM);
    else await browser.alarms.create(SYNC_ALARM, { when });
  },
  onChange: followChange,
  // Any extension API call resets the worker's idle timer (Chrome 110+); a long download then is not
  // cut off every 30 s. If it is anyway, the staged bytes and the watchdog alarm take over.
  heartbeat: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
});

/** Starts a sync without making the options page wait for it; the page follows progress through listSources. */
function inBackground(work: Promise<unknown>): void {
  work.catch((e: unknown) => console.error('Gloss: sync failed', e));
}

/** Managing sources (lib/messaging/sync-protocol.ts); the card's lookups are in lookup-handlers.ts. */
export const syncHandlers: Handlers<Exclude<keyof SyncProtocol, 'lookupWikidata' | 'openOptions'>> = {
  previewSource: (data) => previewSource(db, data, { limits: DEFAULT_LIMITS, now: Date.now }),
  addSource: async (data) => {
    if (data.kind === 'wikidata') {
      const { source, change } = await enableWikidataSource(db, WIKIDATA_INSTANCE);
      followChange(change);
      inBackground(syncEngine.syncNow(WIKIDATA_SOURCE_ID));
      return source;
    }
    const source = await addUrlSource(db, data);
    inBackground(syncEngine.syncNow(source.id));
    return source;
  },
  updateSource: async (data) => {
    const { source, change } = await updateSource(db, data);
    followChange(change);
    await syncEngine.reschedule();
    return source;
  },
  previewRemoval: ({ id }) => previewRemoval(db, id),
  removeSource: async ({ id }) => {
    const { preview, change } = await removeSource(db, id);
    followChange(change);
    await syncEngine.reschedule();
    return preview;
  },
  syncNow: ({ id }) => syncEngine.syncNow(id),
};

/**
 * Wiring for the schedule. The alarm listener must be registered synchronously when the worker starts
 * (an alarm is what wakes it); `runDue` then also finishes any sync a stopped worker left behind.
 */
export function listenForSyncTriggers(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) inBackground(syncEngine.runDue());
  });
  globalThis.addEventListener?.('online', () => inBackground(syncEngine.runDue()));
  inBackground(syncEngine.runDue());
}
