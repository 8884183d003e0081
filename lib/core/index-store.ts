import type { FrozenAutomaton } from './automaton';
import type { IndexedEntity, MatchIndex } from './match-index';
import type { VariantTable } from './variant-table';

/**
 * A compiled match index in a form IndexedDB stores by structured clone: typed arrays copy as
 * blocks. Entities are stored one JSON record each in a byte array and decoded on first use, so a
 * cold worker pays for the few entities an article names, not for all of them.
 */
export interface StoredMatchIndex {
  format: 2;
  /** What the index was built from; a different stamp means the knowledge base changed since. */
  stamp: string;
  automaton: FrozenAutomaton;
  variants: VariantTable;
  /** Entity i is UTF-8 JSON at entityBytes[entityStart[i] .. entityStart[i + 1]). */
  entityBytes: Uint8Array;
  entityStart: Uint32Array;
}

export function toStored(index: MatchIndex, stamp: string): StoredMatchIndex {
  const encoder = new TextEncoder();
  const parts = index.entities.map((e) => encoder.encode(JSON.stringify(e)));
  const entityStart = new Uint32Array(parts.length + 1);
  let size = 0;
  parts.forEach((p, i) => {
    entityStart[i] = size;
    size += p.length;
  });
  entityStart[parts.length] = size;
  const entityBytes = new Uint8Array(size);
  parts.forEach((p, i) => entityBytes.set(p, entityStart[i]!));
  return { format: 2, stamp, automaton: index.automaton, variants: index.variants, entityBytes, entityStart };
}

/** An array-like view that decodes each entity the first time it is read. */
function lazyEntities(bytes: Uint8Array, starts: Uint32Array): IndexedEntity[] {
  const count = starts.length - 1;
  const decoder = new TextDecoder();
  const cache: IndexedEntity[] = new Array<IndexedEntity>(count);
  return new Proxy(cache, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') {
        const i = Number(prop);
        if (Number.isInteger(i) && i >= 0 && i < count) {
          return (target[i] ??= JSON.parse(decoder.decode(bytes.subarray(starts[i]!, starts[i + 1]!))) as IndexedEntity);
        }
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The index, or null when the stored one is from another format or knowledge base. */
export function fromStored(stored: unknown, stamp: string): MatchIndex | null {
  const s = stored as Partial<StoredMatchIndex> | null | undefined;
  if (!s || s.format !== 2 || s.stamp !== stamp || !s.automaton || !s.variants) return null;
  if (!(s.entityBytes instanceof Uint8Array) || !(s.entityStart instanceof Uint32Array)) return null;
  return { automaton: s.automaton, variants: s.variants, entities: lazyEntities(s.entityBytes, s.entityStart) };
}
