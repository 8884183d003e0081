import type { IndexedEntity } from './match-index';
import { isGenericName } from './article-context';

interface Span {
  start: number;
  end: number;
  block: number;
  entities: number[];
}
interface Name {
  start: number;
  end: number;
}

const CAPITAL_WORD_RE = /(?:^|[^\p{L}\p{N}])\p{Lu}/u;
const LETTER_RE = /\p{L}/u;

/**
 * Names first, then knowledge: a knowledge-base alias strictly inside a longer proper name is not a
 * mention of its own ("Gaza" in "Gaza City", "France" in "Bank of France", "Chad" in "Chad Johnson"); the
 * longer name is the mention. Exception: a name made wholly of known names side by side ("Biden White
 * House") keeps them, unless it reads as a first name and a known surname ("Chad Johnson"), and so does a
 * known name before a word such as "Cabinet" or "Administration" ("Trump Cabinet").
 */
export function dropNestedInNames<S extends Span>(
  spans: readonly S[],
  names: readonly (readonly Name[])[],
  blocks: readonly string[],
  entities: readonly IndexedEntity[],
): S[] {
  const kept: S[] = [];
  let i = 0;
  while (i < spans.length) {
    const s = spans[i]!;
    const name = names[s.block]?.find((n) => n.start <= s.start && s.end <= n.end && n.end - n.start > s.end - s.start);
    if (!name) {
      kept.push(s);
      i++;
      continue;
    }
    // Every known span inside this name, together.
    const inside: S[] = [];
    let j = i;
    while (j < spans.length && spans[j]!.block === s.block && spans[j]!.start < name.end) {
      if (spans[j]!.end <= name.end) inside.push(spans[j]!);
      j++;
    }
    if (sideBySide(inside, name, blocks[s.block]!, entities)) kept.push(...inside);
    i = j;
  }
  return kept;
}

/** Words after a known name that make it an attribute, not part of a longer name: "Trump Cabinet". */
const ATTRIBUTIVE_HEADS = new Set(['administration', 'cabinet', 'government', 'campaign', 'presidency', 'era', 'regime', 'team']);

function sideBySide(inside: readonly Span[], name: Name, text: string, entities: readonly IndexedEntity[]): boolean {
  if (inside.length === 1) {
    const only = inside[0]!;
    const tail = text.slice(only.end, name.end).trim().toLowerCase();
    return only.start === name.start && ATTRIBUTIVE_HEADS.has(tail);
  }
  if (inside.length < 2) return false;
  let rest = '';
  let at = name.start;
  for (const s of inside) {
    rest += ` ${text.slice(at, s.start)} `;
    at = s.end;
  }
  rest += text.slice(at, name.end);
  if (CAPITAL_WORD_RE.test(rest)) return false;
  // A generic institution, "of" and a country is one name ("House of Commons of Canada", "Liberal Party of
  // Australia"), not a chamber of any country and the country. Known names joined so otherwise stay two: the
  // reader keeps both links.
  if (LETTER_RE.test(rest) && isGenericName(text.slice(inside[0]!.start, inside[0]!.end))) return false;
  const last = inside.at(-1)!;
  const first = inside[0]!;
  const isPerson = (s: Span) => s.entities.every((e) => entities[e]!.kind === 'person');
  const oneWord = (s: Span) => !/\s/u.test(text.slice(s.start, s.end));
  // "Chad Johnson", "Jordan Peterson": a first name that is also a place, then a surname the pack knows.
  if (inside.length === 2 && oneWord(first) && oneWord(last) && !isPerson(first) && isPerson(last)) return false;
  return true;
}
