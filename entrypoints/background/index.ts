import { browser } from 'wxt/browser';
import { createContextMenus, listenToContextMenus } from './context-menus';
import { registerHandlers } from './handle';
import { kbHandlers } from './kb-handlers';
import { lookupHandlers } from './lookup-handlers';
import { userHandlers } from './user-handlers';
import { db, importForInstall, prefetchMatcher, startKnowledgeBase } from './knowledge';
import { keepStoredSearchIndexFresh } from '@/lib/kb/search';
import { endSpan } from '@/lib/kb/spans';
import { listenForSyncTriggers, syncHandlers } from './sync-handlers';

export default defineBackground({
  main() {
    // From the worker's birth to here: the browser starting it and this script's evaluation (bench/default-set-chromium.ts).
    endSpan('start:script-run', 0);
    // Listeners are registered synchronously so a worker woken by a message can answer it.
    // Every message and its handler, in one table typed over the protocol: one missing does not compile.
    registerHandlers({ ...kbHandlers, ...userHandlers, ...syncHandlers, ...lookupHandlers });
    // Alarms wake the worker for scheduled syncs; a worker stopped mid-sync resumes here.
    listenForSyncTriggers();
    listenToContextMenus();
    // Every start, whatever woke the worker: open (or rebuild) the knowledge base and finish any write
    // a stopped worker left (the built-in import, an import's settings, the copy of the user's data).
    // After a sync or an import, the popup's search index is rebuilt here, so the popup only loads it; not
    // before start-up is done, where its first build would compete with the install's import.
    void startKnowledgeBase().then(() => keepStoredSearchIndexFresh(db));
    prefetchMatcher();
    const importBuiltin = () =>
      importForInstall().catch((e: unknown) => console.error('Gloss: importing the built-in pack failed', e));
    // A worker whose registration has no active worker yet is a new or updated extension's: it imports at
    // once, 0.3 s before even its install event (load 11, bench/default-set-chromium.ts). The install event
    // is the fallback; both come only to a service worker, and a background page (Firefox) waits for onInstalled.
    const registration = (globalThis as { registration?: ServiceWorkerRegistration }).registration;
    if (registration && !registration.active) void importBuiltin();
    globalThis.addEventListener?.('install', () => void importBuiltin());
    browser.runtime.onInstalled.addListener(({ reason }) => {
      createContextMenus();
      if (reason === 'install' || reason === 'update') void importBuiltin();
    });
  },
});
