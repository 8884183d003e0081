import { CARD_VIEW_GLOBAL } from './content/card/view-api';
import { cardView } from './content/card/view';

/**
 * The card's drawing code, loaded by the content script on the first hover (see
 * entrypoints/content/card/view-api.ts). It runs in the content script's world and hands itself over
 * there; it touches nothing until the content script calls it.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_VIEW_GLOBAL] = cardView;
});
