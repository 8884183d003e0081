import type { EntityKind } from '../pack/types';

/** English fallbacks; the UI asks i18n first (message names `kind_<kind>` with - as _). */
export const KIND_LABELS: Record<EntityKind, string> = {
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
