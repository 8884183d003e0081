import { storage } from 'wxt/utils/storage';

/**
 * Text chosen with "Explain with Gloss" on a page, waiting for the popup to open and search it. In
 * `session` storage: it means nothing after the browser restarts. Its own module, because content
 * scripts may not touch session storage and must not bundle this item.
 */
export const pendingSearch = storage.defineItem<string | null>('session:pendingSearch', { fallback: null });
