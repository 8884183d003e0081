import type { IndexedEntity } from './match-index';
import { heldOn } from './roles-as-of';

/**
 * Words of institutional names that say nothing of which country they belong to: "Democratic Party",
 * "Supreme Court", "National Assembly", "the Senate", "House of Commons" (Britain's and Canada's). Such a
 * name is linked only to an entity of the article's own country.
 */
const GENERIC_NAME_WORDS = new Set(
  `the of and democratic democrats republican republicans national people's peoples supreme high federal central
  constitutional court party congress senate parliament assembly house council ministry foreign defence defense
  interior justice finance reserve bank government cabinet liberal liberals conservative conservatives labour
  labor socialist socialists communist communists green greens progressive united social christian union front
  alliance movement police army navy air force forces guard presidential office state department treasury
  commission electoral election supreme fed administration democrat commons lords legislative`.split(/\s+/),
);

export function isGenericName(surface: string): boolean {
  const words = surface
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_NAME_WORDS.has(w));
}

/** How strongly the article is about each country: one count per unambiguous mention tied to it. */
export function countryEvidence(entities: readonly IndexedEntity[], anchors: readonly number[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of anchors) for (const c of entities[i]!.countries ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** The countries with the most evidence (several on a tie); empty where the article names none. */
export function leadingCountries(counts: ReadonlyMap<string, number>): Set<string> {
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  return new Set([...counts].filter(([, n]) => n === most && n > 0).map(([c]) => c));
}

const byIdOf = new WeakMap<readonly IndexedEntity[], Map<string, IndexedEntity>>();

/**
 * The countries an entity belongs to, or, for a body with none of its own, those of the bodies it is part of:
 * a chamber belongs to its country through its parliament ("House of Commons" → UK Parliament → the UK).
 */
export function institutionCountries(e: IndexedEntity, entities: readonly IndexedEntity[]): readonly string[] | undefined {
  if (e.countries || e.kind !== 'government-body' || !e.related) return e.countries;
  let byId = byIdOf.get(entities);
  if (!byId) byIdOf.set(entities, (byId = new Map(entities.map((x) => [x.id, x]))));
  const found = [...new Set(e.related.flatMap((r) => byId.get(r)?.countries ?? []))];
  return found.length > 0 ? found : undefined;
}

/** A generic institutional name needs the entity to belong to one of the article's leading countries. */
export function fitsCountry(countries: readonly string[] | undefined, generic: boolean, leading: ReadonlySet<string>): boolean {
  return !(generic && countries && leading.size > 0 && !countries.some((c) => leading.has(c)));
}

/** Bodies and organisations whose roles date them (an administration, a government); people are not dated so. */
const isDated = (e: IndexedEntity): boolean => e.kind !== 'person' && (e.roles?.length ?? 0) > 0;

/**
 * The candidates that fit the article's date. A dated body must hold its role on that day ("Trump
 * administration" in 2018 is the first); where none does, the one whose time ended most recently before
 * it ("Trump administration" in 2023 is still the first), never one that began later.
 */
export function fitsDate(candidates: readonly number[], entities: readonly IndexedEntity[], date: string | undefined): number[] {
  if (!date) return [...candidates];
  const inTime = candidates.filter((i) => !isDated(entities[i]!) || entities[i]!.roles!.some((r) => heldOn(r, date)));
  if (inTime.length > 0) return inTime;
  let best: number | null = null;
  let bestEnd = '';
  for (const i of candidates) {
    const roles = entities[i]!.roles!;
    const ends = roles.map((r) => r.to ?? '').filter((to) => to !== '' && to < date);
    if (ends.length !== roles.length) continue;
    const end = ends.sort().at(-1)!;
    if (end > bestEnd) {
      best = i;
      bestEnd = end;
    }
  }
  return best === null ? [] : [best];
}
