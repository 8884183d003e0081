import type { FrozenAutomaton } from './automaton';
import type { IndexedEntity, MatchIndex } from './match-index';
import type { VariantTable } from './variant-table';

/**
 * A compiled match index in a form IndexedDB stores by structured clone: typed arrays copy as
 * blocks, and the entity list travels as one JSON byte array instead of 100,000 objects.
 */
export interface StoredMatchIndex {
  format: 1;
  /** What the index was built from; a different stamp means the knowledge base changed since. */
  stamp: string;
  automaton: FrozenAutomaton;
  variants: VariantTable;
  /** The entity list as UTF-8 JSON bytes: a byte array clones far faster than a long string. */
  entitiesJson: Uint8Array;
}

export function toStored(index: MatchIndex, stamp: string): StoredMatchIndex {
  return {
    format: 1,
    stamp,
    automaton: index.automaton,
    variants: index.variants,
    entitiesJson: new TextEncoder().encode(JSON.stringify(index.entities)),
  };
}

/** The index, or null when the stored one is from another format or knowledge base. */
export function fromStored(stored: unknown, stamp: string): MatchIndex | null {
  const s = stored as Partial<StoredMatchIndex> | null | undefined;
  if (!s || s.format !== 1 || s.stamp !== stamp || !s.automaton || !s.variants || !(s.entitiesJson instanceof Uint8Array))
    return null;
  return {
    automaton: s.automaton,
    variants: s.variants,
    entities: JSON.parse(new TextDecoder().decode(s.entitiesJson)) as IndexedEntity[],
  };
}
