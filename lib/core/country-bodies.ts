import { institutionCountries, isGenericName } from './article-context';
import { foldText } from './fold';
import type { MatchIndex } from './match-index';

export interface BodySpan {
  block: number;
  start: number;
  end: number;
  entity: number;
}

/** The head word of a state body named without its country: "the Senate", "the Constitutional Court". */
const HEAD_RE = /(?:^|\s)(?:court|senate|congress|parliament|assembly|house|council|cabinet|tribunal|chamber|diet)(?:\s|$)/iu;
/** Words of such names that the linker's generic words (isGenericName) leave out. */
const MORE_GENERIC = new Set(['representatives', 'deputies', 'ministers', 'chamber', 'tribunal', 'justice', 'diet']);

/** Words after "of" that finish a body's own name ("House of Representatives"), no country: "House" alone is no form. */
const OWN_NAME_AFTER_OF = new Set(['representatives', 'deputies', 'commons', 'lords', 'appeal', 'appeals', 'cassation', 'state']);

function countryless(name: string): boolean {
  if (!HEAD_RE.test(name)) return false;
  const words = name.split(/\s+/u).filter((w) => !MORE_GENERIC.has(w.toLowerCase()));
  return words.length === 0 ? false : isGenericName(words.join(' '));
}

/**
 * What remains of a body's name without its country: "Constitutional Court of Romania", "Romania's
 * Constitutional Court" and "Romanian Constitutional Court" → "Constitutional Court"; "Supreme Court of
 * Justice of the Nation" → "Supreme Court" and "Supreme Court of Justice" ("House of Representatives" keeps its "of").
 */
export function countrylessForms(alias: string): string[] {
  const out = new Set<string>();
  for (let at = alias.indexOf(' of '); at > 0; at = alias.indexOf(' of ', at + 4)) {
    const head = alias.slice(0, at);
    const next = alias
      .slice(at + 4)
      .replace(/^the\s+/iu, '')
      .split(/\s+/u)[0]!
      .toLowerCase();
    if (countryless(head) && !OWN_NAME_AFTER_OF.has(next)) out.add(head);
  }
  const owned = /^[^'’]+['’]s\s(.+)$/u.exec(alias)?.[1];
  if (owned && countryless(owned)) out.add(owned);
  // "Romanian Constitutional Court": the longest countryless end after one or two other words.
  const words = alias.split(/\s+/u);
  for (let k = 1; k <= 2 && k < words.length; k++) {
    if (countryless(words.slice(k).join(' '))) {
      if (!isGenericName(words[k - 1]!)) out.add(words.slice(k).join(' '));
      break;
    }
  }
  return [...out];
}

/** Per index: a folded countryless form → the state bodies of one country each that it names. */
const formsOf = new WeakMap<MatchIndex, Map<string, number[]>>();

function bodiesByForm(index: MatchIndex): Map<string, number[]> {
  let map = formsOf.get(index);
  if (map) return map;
  map = new Map();
  const t = index.variants;
  for (let v = 0; v < t.entity.length; v++) {
    const alias = t.text.slice(t.textStart[v]!, t.textStart[v + 1]!);
    // Most aliases name no body: a cheap test before the entity is read (a stored index decodes it).
    if (t.lang[v] !== 0 || !HEAD_RE.test(alias)) continue;
    const entity = t.entity[v]!;
    const e = index.entities[entity]!;
    if (e.kind !== 'government-body' || institutionCountries(e, index.entities)?.length !== 1) continue;
    for (const form of countrylessForms(alias)) {
      const key = foldText(form);
      const list = map.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      map.set(key, list);
    }
  }
  formsOf.set(index, map);
  return map;
}

/**
 * The one country an article is clearly about: the only country it shows, or the most evidence, at least two
 * mentions and twice that of any other country. An article about two countries has none: its "Senate" may be
 * either's.
 */
export function clearCountry(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  let second = 0;
  for (const [c, n] of counts) {
    if (n > most) {
      second = most;
      most = n;
      best = c;
    } else if (n > second) second = n;
  }
  return (most >= 2 || second === 0) && most >= 2 * second ? best : null;
}

/**
 * A state body the article names without its country ("the Senate", "the Constitutional Court"), where the
 * knowledge base lists it only with the country ("Senate of the Philippines", "Constitutional Court of
 * Romania"): the body of the one country the article is clearly about (clearCountry), where that country has
 * exactly one body of that name. Never another country's body: no clear country, no link. `names` are the
 * page's proper names; `taken` says where a known mention already is.
 */
export function countryBodies(
  index: MatchIndex,
  blocks: readonly string[],
  names: readonly (readonly { start: number; end: number }[])[],
  taken: (block: number, start: number, end: number) => boolean,
  country: string | null,
): BodySpan[] {
  if (country === null) return [];
  const out: BodySpan[] = [];
  names.forEach((list, block) => {
    for (const n of list) {
      let start = n.start;
      const surface = blocks[block]!.slice(n.start, n.end);
      if (/^the\s/iu.test(surface)) start += 4;
      const name = blocks[block]!.slice(start, n.end);
      if (!HEAD_RE.test(name) || !countryless(name) || taken(block, start, n.end)) continue;
      const bodies = (bodiesByForm(index).get(foldText(name)) ?? []).filter((i) =>
        institutionCountries(index.entities[i]!, index.entities)!.includes(country),
      );
      if (bodies.length === 1) out.push({ block, start, end: n.end, entity: bodies[0]! });
    }
  });
  return out;
}
