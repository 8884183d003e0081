import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/ui/i18n';
import { cleanSelection, optionsHash, popupPath } from '@/lib/ui/routes';
import { pendingSearch } from '@/lib/settings/pending-search';

const EXPLAIN = 'gloss-explain';
const ADD = 'gloss-add';

/** Menus persist in the browser: they are (re)made once per install or update, not per worker start. */
export function createContextMenus(): void {
  void browser.contextMenus.removeAll().then(() => {
    // %s is the selected text, filled in by the browser.
    browser.contextMenus.create({ id: EXPLAIN, title: t('menuExplain', 'Explain “%s” with Gloss'), contexts: ['selection'] });
    browser.contextMenus.create({ id: ADD, title: t('menuAdd', 'Add “%s” to Gloss'), contexts: ['selection'] });
  });
}

/** Registered on every worker start, synchronously, so a click that wakes the worker is heard. */
export function listenToContextMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const text = cleanSelection(info.selectionText ?? '');
    if (!text) return;
    if (info.menuItemId === EXPLAIN) explain(text, tab);
    else if (info.menuItemId === ADD) {
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${optionsHash({ section: 'notes', add: text })}`) });
    }
  });
}

/**
 * Opens the popup searching the selection. Firefox only opens a popup straight from the click's
 * handler, so openPopup is called before anything is awaited; the popup picks the text up from
 * session storage (and watches it, in case it opens first). Where the popup cannot open (older
 * Chrome, no focused window), the same page opens in a tab, pointed at the page the text came from.
 */
function explain(text: string, tab: Browser.tabs.Tab | undefined): void {
  void pendingSearch.setValue(text);
  let opening: Promise<unknown>;
  try {
    opening = Promise.resolve(browser.action.openPopup());
  } catch (e) {
    opening = Promise.reject(e);
  }
  opening.catch(() => {
    void pendingSearch.setValue(null);
    void browser.tabs.create({ url: browser.runtime.getURL(popupPath({ query: text, tabId: tab?.id })) });
  });
}
