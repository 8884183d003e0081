import { countryOfDemonym } from './demonyms';
import type { MatchIndex } from './match-index';

interface Span {
  start: number;
  end: number;
  block: number;
  entities: number[];
}

/** "Mexico's ", "Mexico’s ": a country's possessive right before a name. */
const POSSESSIVE_GAP_RE = /^['’]s[ \u00a0]$/u;
/** One or two capitalised words right before a name, the last ending at it: "the Mexican ", "South Korean ". */
const DEMONYM_BEFORE_RE = /(?:^|[^\p{L}])((?:\p{Lu}[\p{Ll}\p{M}'’-]+[ \u00a0])?\p{Lu}[\p{Ll}\p{M}'’-]+)[ \u00a0]$/u;

/**
 * The country a name is qualified by where the text says so right before it: "Mexico's Senate", "the Mexican
 * Senate", "South Korean National Assembly". A generic institutional name so qualified belongs to that
 * country, whatever country the rest of the article is most about. The country entity of spans[k], or null.
 */
export function localCountry(index: MatchIndex, spans: readonly Span[], blocks: readonly string[], k: number): number | null {
  const s = spans[k]!;
  const text = blocks[s.block]!;
  const prev = spans[k - 1];
  if (prev && prev.block === s.block && prev.entities.length === 1 && index.entities[prev.entities[0]!]!.kind === 'country') {
    if (POSSESSIVE_GAP_RE.test(text.slice(prev.end, s.start))) return prev.entities[0]!;
  }
  const words = DEMONYM_BEFORE_RE.exec(text.slice(Math.max(0, s.start - 40), s.start))?.[1];
  if (!words) return null;
  const space = words.search(/[ \u00a0]/u);
  return countryOfDemonym(index, words) ?? (space < 0 ? undefined : countryOfDemonym(index, words.slice(space + 1))) ?? null;
}
