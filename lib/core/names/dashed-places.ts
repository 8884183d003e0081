import { placeNounBefore } from './descriptors';
import type { Run } from './runs';
import type { Token } from './tokens';

/** A dash between two words, spaced or not: "Portage - Neepawa", "Saskatoon–Rosetown–Biggar". */
const DASH_GAP_RE = /^\s*[-–—]\s*$/u;

/**
 * Electoral districts are named by joining places with dashes ("the riding of Saskatoon–Rosetown–Biggar",
 * "the seat of Prince Edward - Hastings"): after a noun that calls the name a place, capitalised runs joined
 * by a dash are one name. Elsewhere a dash between names stays a break ("San Jose - Cisco", "Israel–Hamas").
 */
export function joinDashedPlaces(tokens: Token[], runs: Run[], text: string): Run[] {
  const out: Run[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = { ...runs[r]! };
    if (placeNounBefore(tokens, run, text) !== undefined) {
      for (
        let next = runs[r + 1];
        next && DASH_GAP_RE.test(text.slice(tokens[run.to - 1]!.end, tokens[next.from]!.start));
        next = runs[r + 1]
      ) {
        run.to = next.to;
        r++;
      }
    }
    out.push(run);
  }
  return out;
}
