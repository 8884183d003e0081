import type { MatchIndex } from '../core/match-index';
import type { GlossDb } from './db';

/** Rows of `meta` that are caches derived from the entities, rebuilt when dropped. */
const CACHES = ['matchIndex', 'searchIndex', 'searchIndexStamp'];

/**
 * The revision counter keys every stored cache (lib/kb/stored-index.ts, lib/kb/search.ts). If it is
 * not a number, code reading it starts again from 0, and a cache stored under an old small number
 * could be taken for current: drop the caches and restart the counter past any value it had.
 * Returns what was wrong, or null.
 */
export async function repairCaches(db: GlossDb, now = Date.now()): Promise<string | null> {
  return db.transaction('rw', db.meta, async () => {
    const revision = (await db.meta.get('kbRevision'))?.value;
    const stamp = (await db.meta.get('searchIndexStamp'))?.value;
    const badRevision = revision !== undefined && !(typeof revision === 'number' && Number.isFinite(revision) && revision >= 0);
    const badStamp = stamp !== undefined && typeof stamp !== 'string';
    if (!badRevision && !badStamp) return null;
    await db.meta.bulkDelete(CACHES);
    if (badRevision) await db.meta.put({ key: 'kbRevision', value: now });
    return badRevision ? 'the revision counter was not a number' : 'the search index stamp was not text';
  });
}

const isArray = <T>(x: unknown, type: new (...a: never[]) => T): x is T => x instanceof type;

/**
 * What is wrong with a matcher (loaded from storage), or null: every offset and id inside its bounds,
 * so that matching over it cannot read past an array or name an entity that is not there. Linear in
 * its size: a few milliseconds at 100,000 entities, against a crash on every page.
 */
export function matchIndexProblem(index: MatchIndex): string | null {
  const a = index.automaton as unknown as Record<string, unknown>;
  const t = index.variants as unknown as Record<string, unknown>;
  if (!a || !t) return 'no automaton or variants';
  if (
    !isArray(a.firstEdge, Uint32Array) ||
    !isArray(a.edgeChar, Uint16Array) ||
    !isArray(a.edgeTarget, Uint32Array) ||
    !isArray(a.output, Int32Array) ||
    !isArray(a.rootNext, Uint32Array)
  )
    return 'automaton arrays of the wrong type';
  const nodes = a.output.length;
  if (a.firstEdge.length !== nodes + 1 || a.firstEdge[0] !== 0 || a.rootNext.length !== 0x10000)
    return 'automaton sizes disagree';
  const edges = a.edgeChar.length;
  if (a.edgeTarget.length !== edges || a.firstEdge[nodes] !== edges) return 'automaton edge counts disagree';
  for (let i = 0; i < nodes; i++) if (a.firstEdge[i]! > a.firstEdge[i + 1]!) return 'automaton edges out of order';
  for (let i = 0; i < edges; i++) if (a.edgeTarget[i]! >= nodes) return 'automaton edge to no node';
  for (let i = 0; i < a.rootNext.length; i++) if (a.rootNext[i]! >= nodes) return 'automaton root edge to no node';

  if (
    !isArray(t.groupStart, Uint32Array) ||
    !isArray(t.entity, Uint32Array) ||
    !isArray(t.rule, Uint8Array) ||
    !isArray(t.lang, Uint16Array) ||
    !Array.isArray(t.langs) ||
    !t.langs.every((l) => typeof l === 'string') ||
    !isArray(t.textStart, Uint32Array) ||
    typeof t.text !== 'string'
  )
    return 'variant arrays of the wrong type';
  const groups = t.groupStart.length - 1;
  const variants = t.entity.length;
  if (
    groups < 0 ||
    t.groupStart[groups] !== variants ||
    t.rule.length !== variants ||
    t.lang.length !== variants ||
    t.textStart.length !== variants + 1
  )
    return 'variant sizes disagree';
  for (let g = 0; g < groups; g++) if (t.groupStart[g]! > t.groupStart[g + 1]!) return 'variant groups out of order';
  for (let i = 0; i < variants; i++) if (t.textStart[i]! > t.textStart[i + 1]!) return 'variant texts out of order';
  if (t.textStart[variants]! > t.text.length) return 'variant text too short';
  const entities = index.entities.length;
  for (let i = 0; i < variants; i++)
    if (t.entity[i]! >= entities || t.rule[i]! > 2 || t.lang[i]! > t.langs.length) return 'variant names no entity';
  for (let i = 0; i < nodes; i++) if (a.output[i]! < -1 || a.output[i]! >= groups) return 'automaton output names no group';
  return null;
}
