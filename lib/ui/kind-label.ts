import type { EntityKind } from '../pack/types';
import { t } from './i18n';

/** English names of the kinds, used when `_locales` has no `kind_<kind>` message (tests, new kinds). */
const KIND_FALLBACKS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  'armed-group': 'Armed group',
  'government-body': 'Government body',
  country: 'Country',
  territory: 'Territory',
  place: 'Place',
  event: 'Event',
  term: 'Term',
};

/** "Armed group" for 'armed-group', from `_locales` (message `kind_armed_group`) when there. */
export function kindLabel(kind: EntityKind): string {
  return t(`kind_${kind.replace(/-/g, '_')}`, KIND_FALLBACKS[kind]);
}
