import { step } from './automaton';
import { FOLD_MULTI, SKIP, foldCode, foldUnit, isWordUnit } from './fold';
import type { MatchIndex } from './match-index';

/** A span of the text whose folded form is an alias, with every shorter alias found at the same start. */
export interface RawMatch {
  start: number;
  /** Ends (exclusive) and output groups, longest last. */
  ends: number[];
  groups: number[];
}

const SPACE = 32;

/**
 * Finds alias spans that start and end on word boundaries, left to right. At each word start the
 * automaton is walked as far as the text allows; the caller picks among the ends (case rules).
 */
export function scan(index: MatchIndex, text: string): RawMatch[] {
  const a = index.automaton;
  const out: RawMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (!isWordUnit(c0)) {
      i++;
      continue;
    }
    // i is a word start.
    let node = 0;
    let j = i;
    let lastWasSpace = false;
    let ends: number[] | null = null;
    let groups: number[] | null = null;
    while (j < n) {
      const c = text.charCodeAt(j);
      const f = foldCode(c);
      if (f === SKIP) {
        j++;
        continue;
      }
      if (f === SPACE) {
        if (lastWasSpace) {
          j++;
          continue;
        }
        lastWasSpace = true;
      } else lastWasSpace = false;
      if (f === FOLD_MULTI) {
        const s = foldUnit(c);
        for (let k = 0; k < s.length && node >= 0; k++) node = step(a, node, s.charCodeAt(k));
      } else {
        node = step(a, node, f);
      }
      if (node < 0) break;
      j++;
      const g = a.output[node]!;
      if (g >= 0 && (j === n || !isWordUnit(text.charCodeAt(j)))) {
        (ends ??= []).push(j);
        (groups ??= []).push(g);
      }
    }
    if (ends && groups) out.push({ start: i, ends, groups });
    // Skip to the end of this word: positions inside it are not word starts.
    i++;
    while (i < n && isWordUnit(text.charCodeAt(i))) i++;
  }
  return out;
}
