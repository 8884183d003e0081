import { browser } from 'wxt/browser';
import { createContextMenus, listenToContextMenus } from './context-menus';
import { registerKbHandlers } from './kb-handlers';
import { registerUserHandlers } from './user-handlers';
import { db, ensureBuiltin, startKnowledgeBase } from './knowledge';
import { keepStoredSearchIndexFresh } from '@/lib/kb/search';
import { listenForSyncTriggers, registerSyncHandlers } from './sync-handlers';

export default defineBackground({
  main() {
    // Listeners are registered synchronously so a worker woken by a message can answer it.
    registerKbHandlers();
    registerUserHandlers();
    registerSyncHandlers();
    // Alarms wake the worker for scheduled syncs; a worker stopped mid-sync resumes here.
    listenForSyncTriggers();
    listenToContextMenus();
    // After a sync or an import, the popup's search index is rebuilt here, so the popup only loads it.
    keepStoredSearchIndexFresh(db);
    // Every start, whatever woke the worker: open (or rebuild) the knowledge base and finish any write
    // a stopped worker left (the built-in import, an import's settings, the copy of the user's data).
    void startKnowledgeBase();
    browser.runtime.onInstalled.addListener(({ reason }) => {
      createContextMenus();
      if (reason === 'install' || reason === 'update') {
        ensureBuiltin(true).catch((e: unknown) => console.error('Gloss: importing the built-in pack failed', e));
      }
    });
  },
});
