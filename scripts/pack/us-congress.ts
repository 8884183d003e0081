/**
 * Members of Congress and the presidents and vice presidents, from the @unitedstates congress-legislators
 * files copied into data/us-government/ (CC0). Every term there carries exact dates; consecutive terms in the
 * same seat become one role. A role still running on the pack's "as of" day gets no end: the file's end is
 * when the term is scheduled to end, not a fact yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Alias, DatedFact, Entity } from '../../lib/pack/types';

export interface Term {
  type: 'sen' | 'rep' | 'prez' | 'viceprez';
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
}

export interface Person {
  id: { bioguide?: string; wikidata?: string; wikipedia?: string; govtrack?: number };
  name: { first: string; last: string; middle?: string; nickname?: string; official_full?: string; suffix?: string };
  terms: Term[];
}

/** A role built from one or more consecutive terms, with what the description needs. */
export interface SeatRole extends DatedFact {
  type: Term['type'];
  state?: string;
  party?: string;
}

const STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'the District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
};
const TERRITORIES = new Set(['DC', 'PR', 'GU', 'VI', 'AS', 'MP']);

export const PARTY_ADJECTIVE: Record<string, string> = {
  Democrat: 'Democratic',
  Republican: 'Republican',
  Independent: 'independent',
};

export function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

export function readPeople(root: string, file: string): Person[] {
  return readYaml<Person[]>(join(root, 'data/us-government', file));
}

function ordinal(n: number): string {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The seat a term is for, as a role label. */
export function seatLabel(t: Term): string {
  if (t.type === 'prez') return 'President of the United States';
  if (t.type === 'viceprez') return 'Vice President of the United States';
  const state = t.state ?? '';
  const place = STATES[state];
  if (!place) throw new Error(`us-congress: unknown state code "${state}"`);
  if (t.type === 'sen') return `U.S. Senator for ${place}`;
  if (state === 'PR') return 'Resident Commissioner of Puerto Rico in the U.S. House of Representatives';
  if (TERRITORIES.has(state)) return `Delegate to the U.S. House of Representatives for ${place}`;
  if (!t.district) return `U.S. Representative for ${place} (at-large)`;
  return `U.S. Representative for ${place}'s ${ordinal(t.district)} congressional district`;
}

const daysBetween = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/**
 * Terms merged into roles: a term continues the previous role when it is for the same seat and starts
 * within a week of the previous end (a new Congress convenes a few days after the old one ends).
 */
export function seatRoles(terms: readonly Term[], asOf: string, source: string): SeatRole[] {
  const roles: (SeatRole & { end: string })[] = [];
  for (const t of [...terms].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    if (t.start > asOf) continue;
    const label = seatLabel(t);
    const last = roles.at(-1);
    if (last && last.label === label && daysBetween(last.end, t.start) <= 7) {
      last.end = t.end;
      if (t.party) last.party = t.party;
      continue;
    }
    roles.push({ label, from: t.start, end: t.end, type: t.type, state: t.state, party: t.party, source });
  }
  return roles.map(({ end, ...r }) => (end > asOf ? r : { ...r, to: end }));
}

/** "Senator for New York (Democratic) since 1999", "Representative for Texas's 2nd congressional district 2019–2025". */
function describeRole(r: SeatRole): string {
  const label = r.label.replace(/^U\.S\. /, '');
  const party = r.party && PARTY_ADJECTIVE[r.party] ? ` (${PARTY_ADJECTIVE[r.party]})` : '';
  const from = (r.from ?? '').slice(0, 4);
  const when = r.to ? `${from}–${r.to.slice(0, 4)}` : `since ${from}`;
  return `${label}${party} ${when}`;
}

export const wikipediaUrl = (title: string): string => `https://en.wikipedia.org/wiki/${title.replace(/ /g, '_')}`;
export const wikidataUrl = (qid: string): string => `https://www.wikidata.org/wiki/${qid}`;

/** The name news uses: the Wikipedia title without its disambiguation ("David Scott (Georgia politician)"). */
export function displayName(p: Person): string {
  const title = p.id.wikipedia?.replace(/\s*\([^)]*\)$/, '');
  if (title) return title;
  return p.name.official_full ?? `${p.name.nickname ?? p.name.first} ${p.name.last}`;
}

/** Other forms of the name that news writes: the official form and the nickname with the surname. */
function nameAliases(p: Person, name: string): Alias[] {
  const forms = new Set<string>();
  const official = p.name.official_full;
  // Official forms with a quoted nickname ('Henry C. "Hank" Johnson, Jr.') are never written so in news.
  if (official && !official.includes('"')) forms.add(official.replace(/, (Jr\.|Sr\.|III|II)$/, ' $1'));
  if (p.name.nickname && !p.name.nickname.includes('.')) forms.add(`${p.name.nickname} ${p.name.last}`);
  forms.delete(name);
  return [...forms].sort().map((text) => ({ text }));
}

/** The id of a person: their Wikidata item where the file gives it, else a pack-local id from the name. */
export function personId(p: Person, name: string): string {
  if (p.id.wikidata) return `wd:${p.id.wikidata}`;
  return `gloss:us-${name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** One person entity from a legislators/executive record, roles up to `asOf`. */
export function personEntity(p: Person, asOf: string, roleSource: string): Entity {
  const name = displayName(p);
  const roles = seatRoles(p.terms, asOf, roleSource);
  if (roles.length === 0) throw new Error(`us-congress: ${name} has no term that starts by ${asOf}`);
  const current = roles.filter((r) => !r.to);
  const lead = (current.length > 0 ? current : roles).at(-1)!;
  const earlier = roles.filter((r) => r !== lead).reverse();
  const description = `${describeRole(lead)}.` + (earlier.length > 0 ? ` Earlier: ${earlier.map(describeRole).join('; ')}.` : '');
  const sources: string[] = [];
  const links: Entity['links'] = {};
  if (p.id.wikipedia) {
    links.wikipedia = wikipediaUrl(p.id.wikipedia);
    sources.push(links.wikipedia);
  }
  if (p.id.wikidata) {
    links.wikidata = wikidataUrl(p.id.wikidata);
    sources.push(links.wikidata);
  }
  if (sources.length === 0) sources.push(roleSource);
  return {
    id: personId(p, name),
    kind: 'person',
    name,
    alternateName: nameAliases(p, name),
    description,
    roles: roles.map(({ label, from, to, source }) => ({ label, ...(from ? { from } : {}), ...(to ? { to } : {}), source })),
    links,
    related: ['wd:Q30'],
    sources,
  };
}

/** The biographical directory's page for a member: it states every term. */
export const bioguideUrl = (bioguide: string): string => `https://bioguide.congress.gov/search/bio/${bioguide}`;
