import type { CardData } from './fetch-data';
import type { CardChromeState } from './CardChrome';
import type { CardActions } from './HoverCard';

/**
 * The card's drawing code (Preact, floating-ui, the card's components), built apart from the content
 * script as `card-view.js` and loaded on the first hover: every page pays for evaluating the content
 * script, only pages someone hovers pay for the card.
 */
export interface CardView {
  /** Renders the card's content and controls into `card`. */
  render(card: HTMLElement, data: CardData, actions: CardActions, chrome: CardChromeState): void;
  /** Keeps `card` beside the mention until the returned function is called; focuses it once placed if asked. */
  follow(card: HTMLElement, anchor: Range, opts: { focus: boolean }): () => void;
  clear(card: HTMLElement): void;
}

/** Where the loaded view hands itself over: a global of the content script's own world, which pages cannot see. */
export const CARD_VIEW_GLOBAL = '__glossCardView';
export const CARD_VIEW_FILE = '/card-view.js';
