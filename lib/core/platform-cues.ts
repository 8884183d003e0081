import { fitsCaseRule } from './case-rule';
import type { MatchIndex } from './match-index';
import { scan } from './scan';
import { variantsOf } from './variant-table';

export interface CuedSpan {
  block: number;
  start: number;
  end: number;
  entity: number;
}

/** A lone capital X, not a letter of a word, an initial or "X-ray". */
const LONE_X_RE = /(?<![\p{L}\p{N}.'’-])X(?![\p{L}\p{N}'’-])/gu;
/** What is said or kept on a platform: "posted on X", "his account on X", "followers on X". */
const ON_BEFORE_RE =
  /\b(?:post(?:ed|s|ing)?|repost(?:ed|s|ing)?|wr(?:ote|ites|iting)|sa(?:id|ys|ying)|shar(?:ed|es|ing)|announc(?:ed|es|ing)|tweet(?:ed|s|ing)?|messages?|statements?|accounts?|videos?|threads?|page|profile|comments?|followers|remarks|banned|suspended|live)\s+on\s+$/i;
/** "the social media platform X", "the platform X". */
const PLATFORM_BEFORE_RE = /\b(?:social[- ]media|social network|platform)\s+$/i;
/** "an X post", "his X account". */
const OWNER_BEFORE_RE = /\b(?:an?|his|her|their|its|the|my|our|your|official|personal|verified)\s+$/i;
const THING_AFTER_RE = /^\s+(?:post|posts|account|accounts|feed|handle|page|profile|thread)\b/i;
/** "X, formerly Twitter", "X (formerly known as Twitter)". */
const FORMERLY_AFTER_RE = /^\s*[,(]\s*(?:formerly|previously)\b/i;

function isPlatformCue(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + 1, at + 40);
  return (
    ON_BEFORE_RE.test(before) ||
    PLATFORM_BEFORE_RE.test(before) ||
    FORMERLY_AFTER_RE.test(after) ||
    (OWNER_BEFORE_RE.test(before) && THING_AFTER_RE.test(after))
  );
}

const platformOf = new WeakMap<MatchIndex, number | null>();

/** The one organisation the knowledge base calls "Twitter" (X's former name), or null. */
function twitterEntity(index: MatchIndex): number | null {
  const had = platformOf.get(index);
  if (had !== undefined) return had;
  const name = 'Twitter';
  const found = new Set<number>();
  for (const raw of scan(index, name)) {
    if (raw.start !== 0) continue;
    raw.ends.forEach((end, k) => {
      if (end !== name.length) return;
      for (const v of variantsOf(index.variants, raw.groups[k]!)) {
        if (fitsCaseRule(name, v.text, v.rule) && index.entities[v.entity]!.kind === 'organization') found.add(v.entity);
      }
    });
  }
  const entity = found.size === 1 ? [...found][0]! : null;
  platformOf.set(index, entity);
  return entity;
}

/**
 * "X" is too short to be an alias (one-letter aliases are refused: they would mark every initial), yet
 * "posted on X" names the platform once called Twitter. Where the words around a lone X say so, it is a
 * mention of the entity the knowledge base knows as "Twitter"; elsewhere ("Malcolm X", "Generation X") not.
 */
export function platformMentions(index: MatchIndex, blocks: readonly string[]): CuedSpan[] {
  const out: CuedSpan[] = [];
  let entity: number | null | undefined;
  blocks.forEach((text, block) => {
    if (!text.includes('X')) return;
    for (const m of text.matchAll(LONE_X_RE)) {
      if (!isPlatformCue(text, m.index)) continue;
      entity ??= twitterEntity(index);
      if (entity === null) return;
      out.push({ block, start: m.index, end: m.index + 1, entity });
    }
  });
  return out;
}
