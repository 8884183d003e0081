import { CARD_VIEW_FILE, CARD_VIEW_GLOBAL, type CardView } from './view-api';
import { bundleLoader } from '../load-bundle';

/** The card's drawing code, loaded on the first hover. */
export const loadCardView = bundleLoader<CardView>(CARD_VIEW_FILE, CARD_VIEW_GLOBAL);
