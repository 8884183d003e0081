import { ENTITY_KINDS, type EntityKind } from '../pack/types';
import type { FrozenAutomaton } from './automaton';
import type { IndexedEntity, MatchIndex } from './match-index';
import type { VariantTable } from './variant-table';

/**
 * A compiled match index in a form IndexedDB stores by structured clone: typed arrays copy as
 * blocks. Entities are stored one short JSON record each in a byte array and decoded on first use,
 * so a cold worker pays for the few entities an article names, not for all of them.
 *
 * A cold start reads the whole record, and in Chromium that costs time in proportion to its bytes
 * (about 1 s for 24 MB on a loaded 2-core machine): format 3 writes each entity as a JSON array
 * ([id, name, kind index, prior, extras?]) instead of an object with its keys, which halves the
 * entity bytes, the largest part of the record at 100,000 entities.
 */
export interface StoredMatchIndex {
  /** 5 since variants carry their language (variant-table.ts lang): an older index would count them everywhere. */
  format: 5;
  /** What the index was built from; a different stamp means the knowledge base changed since. */
  stamp: string;
  automaton: FrozenAutomaton;
  variants: VariantTable;
  /** Entity i is a UTF-8 JSON StoredEntityRecord at entityBytes[entityStart[i] .. entityStart[i + 1]). */
  entityBytes: Uint8Array;
  entityStart: Uint32Array;
}

/** The optional fields of an IndexedEntity, present only on the entities that have any. */
type Extras = Pick<IndexedEntity, 'context' | 'related' | 'roles' | 'countries'>;
/** An entity as stored: its kind as an index into ENTITY_KINDS (or its name, for a kind this build does not know). */
type StoredEntityRecord = [id: string, name: string, kind: number | string, prior: number, extras?: Extras];

const KIND_INDEX = new Map<string, number>(ENTITY_KINDS.map((k, i) => [k, i]));

function encodeEntity(e: IndexedEntity): string {
  const record: StoredEntityRecord = [e.id, e.name, KIND_INDEX.get(e.kind) ?? e.kind, e.prior];
  const extras: Extras = {};
  if (e.context) extras.context = e.context;
  if (e.related) extras.related = e.related;
  if (e.roles) extras.roles = e.roles;
  if (e.countries) extras.countries = e.countries;
  if (e.context || e.related || e.roles || e.countries) record.push(extras);
  return JSON.stringify(record);
}

function decodeEntity(json: string): IndexedEntity {
  const [id, name, kind, prior, extras] = JSON.parse(json) as StoredEntityRecord;
  // Same keys in the same order as buildMatchIndex makes them.
  const e: IndexedEntity = { id, kind: (typeof kind === 'number' ? ENTITY_KINDS[kind] : kind) as EntityKind, name, prior };
  if (extras?.context) e.context = extras.context;
  if (extras?.related) e.related = extras.related;
  if (extras?.roles) e.roles = extras.roles;
  if (extras?.countries) e.countries = extras.countries;
  return e;
}

export function toStored(index: MatchIndex, stamp: string): StoredMatchIndex {
  const encoder = new TextEncoder();
  const parts = index.entities.map((e) => encoder.encode(encodeEntity(e)));
  const entityStart = new Uint32Array(parts.length + 1);
  let size = 0;
  parts.forEach((p, i) => {
    entityStart[i] = size;
    size += p.length;
  });
  entityStart[parts.length] = size;
  const entityBytes = new Uint8Array(size);
  parts.forEach((p, i) => entityBytes.set(p, entityStart[i]!));
  return { format: 5, stamp, automaton: index.automaton, variants: index.variants, entityBytes, entityStart };
}

/**
 * An array-like view that decodes each entity the first time it is read. Once every entity has been read
 * (the linker's id table reads them all: article-context's institutionCountries), `whenComplete` gets the
 * plain array: a read through a Proxy costs about fifty times a read of an array, and the matcher reads
 * entities tens of thousands of times per megabyte of text.
 */
function lazyEntities(bytes: Uint8Array, starts: Uint32Array, whenComplete: (all: IndexedEntity[]) => void): IndexedEntity[] {
  const count = starts.length - 1;
  const decoder = new TextDecoder();
  const cache: IndexedEntity[] = new Array<IndexedEntity>(count);
  let decoded = 0;
  const isIndex = (prop: string | symbol): number => {
    if (typeof prop !== 'string') return -1;
    const i = Number(prop);
    return Number.isInteger(i) && i >= 0 && i < count ? i : -1;
  };
  return new Proxy(cache, {
    get(target, prop, receiver) {
      // An entity read before (the linker reads each candidate many times) or a property of the array itself.
      const known = (target as unknown as Record<string | symbol, unknown>)[prop];
      if (known !== undefined) return known;
      const i = isIndex(prop);
      if (i >= 0) {
        const e = (target[i] = decodeEntity(decoder.decode(bytes.subarray(starts[i]!, starts[i + 1]!))));
        if (++decoded === count) whenComplete(target);
        return e;
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
    // Array methods (map, filter, forEach) ask whether an index is there before reading it: every entity is,
    // decoded or not. Without this they skipped the entities not yet read, and new Map(entities.map(…)) threw.
    has(target, prop) {
      return isIndex(prop) >= 0 || Reflect.has(target, prop);
    },
  });
}

/** The index, or null when the stored one is from another format or knowledge base. */
export function fromStored(stored: unknown, stamp: string): MatchIndex | null {
  const s = stored as Partial<StoredMatchIndex> | null | undefined;
  if (!s || s.format !== 5 || s.stamp !== stamp || !s.automaton || !s.variants) return null;
  if (!(s.entityBytes instanceof Uint8Array) || !(s.entityStart instanceof Uint32Array)) return null;
  const index: MatchIndex = { automaton: s.automaton, variants: s.variants, entities: [] };
  index.entities = lazyEntities(s.entityBytes, s.entityStart, (all) => {
    index.entities = all;
  });
  return index;
}
