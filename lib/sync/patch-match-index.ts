import { foldText } from '../core/fold';
import { aliasesOf, buildMatchIndex, type MatchIndex } from '../core/match-index';
import { variantsOf } from '../core/variant-table';
import type { Entity } from '../pack/types';

/** Entities changed in one write: up to this many are patched into the matcher in place. */
export const PATCH_LIMIT = 5_000;

/**
 * Updates a matcher in place for entities whose names did not change: what it knows of them (kind,
 * prior, roles, context, related) is replaced, the automaton is kept. Answers false, touching
 * nothing, when a rebuild is needed instead: an entity is new, or was renamed or given other aliases.
 * A sync that refreshes descriptions and positions (the usual case) then costs no rebuild.
 */
export function patchMatchIndex(index: MatchIndex, changed: readonly Entity[]): boolean {
  if (changed.length === 0 || changed.length > PATCH_LIMIT) return false;
  const position = new Map<string, number>();
  for (let i = 0; i < index.entities.length; i++) position.set(index.entities[i]!.id, i);
  if (!changed.every((e) => position.has(e.id))) return false;
  const wanted = new Set(changed.map((e) => position.get(e.id)!));
  const before = new Map<number, Set<string>>();
  const { groupStart, entity } = index.variants;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    // Typed arrays first: only the few groups holding a changed entity are decoded.
    let holds = false;
    for (let v = groupStart[g]!; v < groupStart[g + 1]! && !holds; v++) holds = wanted.has(entity[v]!);
    if (!holds) continue;
    for (const v of variantsOf(index.variants, g)) {
      if (!wanted.has(v.entity)) continue;
      const set = before.get(v.entity) ?? new Set<string>();
      set.add(`${v.text}\u0000${v.rule}\u0000${v.lang ?? ''}`);
      before.set(v.entity, set);
    }
  }
  if (!changed.every((e) => sameSet(before.get(position.get(e.id)!), aliasKeys(e)))) return false;
  // One small build over the changed entities gives their entries exactly as a full rebuild would.
  buildMatchIndex(changed).entities.forEach((item, i) => (index.entities[position.get(changed[i]!.id)!] = item));
  return true;
}

function aliasKeys(e: Entity): Set<string> {
  return new Set(aliasesOf(e).flatMap((a) => (foldText(a.text) === '' ? [] : [`${a.text}\u0000${a.rule}\u0000${a.lang ?? ''}`])));
}

const sameSet = (a: Set<string> | undefined, b: Set<string>) => (a?.size ?? 0) === b.size && [...b].every((k) => a?.has(k));
