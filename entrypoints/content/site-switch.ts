import { DISABLED_SITES_KEY, PAUSED_KEY } from '@/lib/settings/switch-keys';
import { isActiveOn, siteOf, withSite } from '@/lib/settings/site-rules';
import { nativeBrowser } from './native-browser';

/**
 * Whether Gloss runs on this page: the pause switch and the sites it is off for, read straight from
 * `storage.local` (the keys and fallbacks of lib/settings/items.ts) so the decision costs neither WXT
 * storage nor the polyfill; a page where Gloss is off never loads either.
 */
export async function isActiveHere(): Promise<boolean> {
  const stored = await nativeBrowser().storage.local.get([PAUSED_KEY, DISABLED_SITES_KEY]);
  const disabledSites = stored[DISABLED_SITES_KEY];
  return isActiveOn(location.href, {
    paused: stored[PAUSED_KEY] === true,
    disabledSites: Array.isArray(disabledSites) ? disabledSites.filter((s) => typeof s === 'string') : [],
  });
}

/** Calls `onChange` when either switch changes, until `signal` aborts. */
export function watchSwitches(onChange: () => void, signal: AbortSignal): void {
  const { storage } = nativeBrowser();
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (PAUSED_KEY in changes || DISABLED_SITES_KEY in changes)) onChange();
  };
  storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(listener));
}

/**
 * "Off on this site" from the card: the same rule the popup's switch writes (`disabledSites`), so the
 * popup and the options page show it and can switch Gloss back on; the switch watcher then stops the
 * session here and in every other tab of the site.
 */
export async function switchOffHere(): Promise<void> {
  const site = siteOf(location.href);
  if (!site) return;
  const { storage } = nativeBrowser();
  const stored = await storage.local.get(DISABLED_SITES_KEY);
  const list = stored[DISABLED_SITES_KEY];
  const sites = Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  await storage.local.set({ [DISABLED_SITES_KEY]: withSite(sites, site, true) });
}
