/**
 * Which unknown names a reader sees marked. A mark says "this is someone or something with a name"; a wrong
 * one on a stranger's page ("Media", "ADVERTISING", a dateline, "Parliament") costs more than a missed one,
 * so a name earns its mark from its own words or from what the article says of it:
 * - people and organisations named in full ("Arthur Engoron", "Hoover Institution"), described ("Judge
 *   Engoron"), or a short form of a name the article gave in full ("Hicks");
 * - places whose words say they are places ("Sichuan Province", "Gaza City", "South Brisbane", "San
 *   Bernardino"), not lone words such as "Queensland", which could as well be a team or a surname;
 * - acronyms the article spells out in brackets after a name ("Social Democratic and Labour Party (SDLP)"),
 *   at every mention; an acronym no one spells out ("ADVERTISING", "NPR") says nothing of what it names.
 */

import { COMPASS, PLACE_PREFIXES, PLACE_WORDS } from './names/word-lists';
import type { UnknownActorKind } from './unknown-actors';

export interface MarkCandidate {
  surface: string;
  kind: UnknownActorKind;
  descriptors: readonly string[];
  fullName?: string;
}

/** An acronym: two or more capitals, with digits or lower-case letters between ("SDLP", "PvdA", "TOP 9" not). */
const ACRONYM_RE = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}][\p{L}\p{N}.&+-]{1,7}$/u;
/** "… Labour Party ( SDLP )": an acronym in brackets right after a capitalised word. */
const DEFINED_RE = /\p{Lu}[\p{L}\p{M}.'’-]*\s*\(\s*([\p{Lu}][\p{L}\p{N}.&+-]{1,7})\s*\)/gu;

/** Acronyms an article spells out: every one in brackets right after a capitalised name. */
export function definedAcronyms(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t.includes('(')) continue;
    for (const m of t.matchAll(DEFINED_RE)) if (ACRONYM_RE.test(m[1]!)) out.add(m[1]!);
  }
  return out;
}

/** Words that say a name is a place when they close it or open it ("Hamilton West", "North Down"). */
function placeByItsWords(surface: string): boolean {
  const ws = surface.toLowerCase().split(/\s+/u);
  if (ws.length < 2) return false;
  const last = ws.at(-1)!;
  // "Lower House" and "Upper Chamber" are parliaments, not places.
  if (last === 'house' || last === 'chamber') return false;
  return PLACE_WORDS.has(last) || PLACE_PREFIXES.has(ws[0]!) || ws.some((w) => COMPASS.has(w));
}

export type MarkedKind = 'person' | 'organization' | 'place';

/** The kind a reader sees this unknown name marked as, or null where it is not worth a mark (see above why). */
export function markedKind(a: MarkCandidate, defined: ReadonlySet<string>): MarkedKind | null {
  // A spelled-out acronym names what its words name; most are parties, agencies and companies.
  if (defined.has(a.surface)) return a.kind === 'person' || a.kind === 'place' ? a.kind : 'organization';
  if (a.kind === 'unknown' || !/\p{Ll}/u.test(a.surface)) return null;
  if (a.kind === 'place') return placeByItsWords(a.surface) ? 'place' : null;
  return a.descriptors.length > 0 || a.fullName !== undefined || /\S\s+\S/.test(a.surface) ? a.kind : null;
}
