/** A kind column's words ("politician", "militia", "ministries") as the entity kinds of a pack. */
import { ENTITY_KINDS, type EntityKind } from '../types';
import { normal, own } from './shared';

const KIND_SYNONYMS: Record<string, EntityKind> = {
  people: 'person',
  human: 'person',
  individual: 'person',
  politician: 'person',
  leader: 'person',
  organisation: 'organization',
  org: 'organization',
  company: 'organization',
  business: 'organization',
  party: 'organization',
  'political party': 'organization',
  ngo: 'organization',
  group: 'organization',
  'armed group': 'armed-group',
  militia: 'armed-group',
  'militant group': 'armed-group',
  'rebel group': 'armed-group',
  rebels: 'armed-group',
  'government body': 'government-body',
  government: 'government-body',
  ministry: 'government-body',
  agency: 'government-body',
  'government agency': 'government-body',
  parliament: 'government-body',
  legislature: 'government-body',
  court: 'government-body',
  nation: 'country',
  state: 'country',
  'sovereign state': 'country',
  countries: 'country',
  'dependent territory': 'territory',
  'disputed territory': 'territory',
  territories: 'territory',
  location: 'place',
  city: 'place',
  cities: 'place',
  town: 'place',
  village: 'place',
  site: 'place',
  region: 'place',
  war: 'event',
  battle: 'event',
  conflict: 'event',
  election: 'event',
  incident: 'event',
  attack: 'event',
  concept: 'term',
  word: 'term',
  phrase: 'term',
  jargon: 'term',
  glossary: 'term',
};

export function kindOf(raw: string): EntityKind | undefined {
  if (raw === '') return 'term';
  const k = normal(raw);
  const known = (s: string) =>
    (ENTITY_KINDS as readonly string[]).includes(s.replace(/ /g, '-'))
      ? (s.replace(/ /g, '-') as EntityKind)
      : own(KIND_SYNONYMS, s);
  return known(k) ?? (k.endsWith('s') ? known(k.slice(0, -1)) : undefined);
}
