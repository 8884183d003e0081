import { foldText, foldWords } from '../core/fold';
import type { Entity } from '../pack/types';

/** Keys under which an entity is found by prefix search: each whole alias and each of its words. */
export function searchKeysOf(e: Pick<Entity, 'name' | 'alternateName'>): string[] {
  const keys = new Set<string>();
  for (const text of [e.name, ...(e.alternateName ?? []).map((a) => a.text)]) {
    const folded = foldText(text);
    if (folded) keys.add(folded);
    for (const w of foldWords(text)) keys.add(w);
  }
  return [...keys];
}
