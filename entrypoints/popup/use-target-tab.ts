import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { tabMessaging } from '@/lib/messaging/tab-protocol';

export interface TargetTab {
  id: number;
  url: string | undefined;
  /** Bumped when the tab finishes loading a page, so "On this page" asks again. */
  loads: number;
}

/**
 * The tab the popup is about: the active tab of its window, or the one named by `?tab=` when the
 * popup page is opened in a tab of its own (by the tests, or by "Explain with Gloss" where the popup
 * cannot open). Null when there is none.
 */
export function useTargetTab(tabId: number | null): TargetTab | null | undefined {
  const [tab, setTab] = useState<TargetTab | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const found: Promise<Browser.tabs.Tab | undefined> =
      tabId !== null
        ? browser.tabs.get(tabId).catch(() => undefined)
        : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void found.then(async (t) => {
      if (t?.id === undefined) return live && setTab(null);
      // Without an activeTab grant (a popup opened in a tab) the browser hides the address; Gloss's
      // content script in that tab, if it runs there, can tell it.
      const url = t.url ?? (await askPageUrl(t.id));
      if (live) setTab({ id: t.id, url, loads: 0 });
    });
    const onUpdated = (id: number, change: { status?: string; url?: string }) => {
      setTab((current) =>
        current && current.id === id && (change.status === 'complete' || change.url)
          ? { id, url: change.url ?? current.url, loads: current.loads + (change.status === 'complete' ? 1 : 0) }
          : current,
      );
      // Without the tab's address from the browser, a new page there is asked for its own.
      if (change.status === 'complete' && !change.url)
        void askPageUrl(id).then((url) => {
          if (live && url) setTab((current) => (current && current.id === id ? { ...current, url } : current));
        });
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return tab;
}

async function askPageUrl(tabId: number): Promise<string | undefined> {
  try {
    const reply = await tabMessaging.sendMessage('pageUrl', {}, tabId);
    return reply.ok ? reply.value : undefined;
  } catch {
    // No content script there (a browser page, or one loaded before Gloss was installed).
    return undefined;
  }
}
