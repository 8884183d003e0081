import type { DisplaySettings } from '../../../lib/settings/items';
import { ENTITY_KINDS } from '../../../lib/pack/types';

/** lib/settings/items.ts opens WXT storage on import; tests that only need the shape use this copy. */
export const DEFAULT_DISPLAY_FOR_TESTS: DisplaySettings = {
  kinds: [...ENTITY_KINDS],
  mode: 'every',
  cardDelayMs: 500,
  underline: 'dotted',
};
