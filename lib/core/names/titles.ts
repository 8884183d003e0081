import { TITLES, TITLE_HEADS, words } from './word-lists';
import type { Token } from './tokens';

/**
 * What a title word may carry after or before a hyphen and stay a title: "President-elect", "Minister-designate",
 * "ex-President", "Vice-President", "Co-Chair", "Commander-in-Chief". Without this a hyphenated title read as a
 * name word and stayed inside the span ("President-elect Donald Trump"), so the person it names was not found.
 */
const TITLE_AFFIXES = words('elect designate ex vice co acting deputy interim in chief general');

/** A hyphenated word made of title words and title affixes only, at least one of them a title word. */
function hyphenatedTitle(lower: string, heads: ReadonlySet<string>): boolean {
  if (!lower.includes('-')) return false;
  const parts = lower.split('-');
  return parts.some((p) => heads.has(p)) && parts.every((p) => TITLES.has(p) || TITLE_AFFIXES.has(p));
}

/** A title or role before a name, kept out of the name's span; acronyms only where they are titles (CEO). */
export const isTitle = (t: Token): boolean =>
  (TITLES.has(t.lower) || hyphenatedTitle(t.lower, TITLES)) && (!t.allCaps || /^(ceo|cfo|coo|cto)$/.test(t.lower));

/** A noun that ends a title phrase ("Prime Minister", "Prime Minister-designate", "Chief Executive Officer"). */
export const isTitleHead = (lower: string): boolean => TITLE_HEADS.has(lower) || hyphenatedTitle(lower, TITLE_HEADS);

/** Role nouns that, written after a name and before "of", open an apposition: "Denys Shmyhal Head of the government". */
const TRAILING_ROLES = words('head chief chair chairman chairwoman chairperson president director leader secretary governor');

/**
 * Where a name ends when its capitalised run closes on a role noun that "of" goes on from in lower case ("Denys
 * Shmyhal Head of the government", "White House Chief of staff"): before that noun. Only after two plain
 * words, neither a title nor an acronym: "Vice President of …" is left as it is.
 */
export function endBeforeTrailingRole(tokens: readonly Token[], from: number, to: number): number {
  const last = tokens[to - 1]!;
  const after = tokens[to];
  if (!after || after.lower !== 'of' || !TRAILING_ROLES.has(last.lower) || to - 1 - from < 2) return to;
  for (let j = to - 3; j < to - 1; j++) if (isTitle(tokens[j]!) || !tokens[j]!.cap || tokens[j]!.allCaps) return to;
  return to - 1;
}
