import { browser } from 'wxt/browser';
import { CARD_VIEW_FILE, CARD_VIEW_GLOBAL, type CardView } from './card-view-api';

let loading: Promise<CardView> | null = null;

/** Loads the card's drawing code once per page; a failed load is tried again on the next hover. */
export function loadCardView(): Promise<CardView> {
  loading ??= (async () => {
    const world = globalThis as Record<string, unknown>;
    if (!world[CARD_VIEW_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL(CARD_VIEW_FILE));
    const view = world[CARD_VIEW_GLOBAL] as CardView | undefined;
    if (!view) throw new Error(`Gloss: ${CARD_VIEW_FILE} loaded but did not hand over the card`);
    return view;
  })();
  loading.catch(() => (loading = null));
  return loading;
}
