/**
 * Where the two switches that decide whether Gloss runs on a page live in `storage.local`. Their own
 * module, free of WXT storage, so the content script's first task can read them without loading it.
 */
export const PAUSED_KEY = 'paused';
export const DISABLED_SITES_KEY = 'disabledSites';
