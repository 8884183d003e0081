import type { PublicPath } from 'wxt/browser';
import { nativeBrowser } from '../native-browser';

/** card.css as WXT builds it for the content script; web accessible (wxt.config.ts). */
export const CARD_CSS_FILE = '/content-scripts/content.css';

/**
 * The card's style sheet, for its shadow root. Fetched by hand: the card is built in content-session.js,
 * and WXT's own loading (cssInjectionMode 'ui') looks for the CSS of the script it runs in. A failed
 * fetch fails the card's load, which the next hover tries again, rather than showing an unstyled card.
 */
export async function loadCardCss(): Promise<string> {
  const reply = await fetch(nativeBrowser().runtime.getURL(CARD_CSS_FILE as PublicPath));
  if (!reply.ok) throw new Error(`Gloss: ${CARD_CSS_FILE} answered ${reply.status}`);
  return reply.text();
}
