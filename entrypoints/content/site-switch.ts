import { DISABLED_SITES_KEY, PAUSED_KEY } from '@/lib/settings/switch-keys';
import { isActiveOn } from '@/lib/settings/site-rules';
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
