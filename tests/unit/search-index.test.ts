import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/core/fold';
import { allowedDistance, MatchClass, SearchIndex } from '../../lib/core/search-index';
import { searchKeysOf } from '../../lib/kb/search-keys';
import type { Pack } from '../../lib/pack/types';

const world = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;
const index = SearchIndex.build(
  world.entities.map((e) => ({ id: e.id, keys: searchKeysOf(e), name: foldText(e.name), prior: e.prior })),
);
const names = new Map(world.entities.map((e) => [e.id, e.name]));
const top = (q: string) => names.get(index.search(q, 5)[0]?.id ?? '');

describe('SearchIndex over the built-in pack', () => {
  it.each([
    ['netan', 'Benjamin Netanyahu'], // prefix
    ['NETANYAHU', 'Benjamin Netanyahu'], // case
    ['Nétanyahou', 'Benjamin Netanyahu'], // the French spelling: one edit from "netanyahu"
    ['bibi', 'Benjamin Netanyahu'], // an alias
    ['netnayahu', 'Benjamin Netanyahu'], // two letters swapped count as one edit
    ['benjamin net', 'Benjamin Netanyahu'], // a whole alias, the last word a prefix
    ['netanyahu benjamin', 'Benjamin Netanyahu'], // words in another order
    ['Израиль', 'Israel'], // Cyrillic
    ['إسرائيل', 'Israel'], // Arabic, hamza folded away
    ['Erdoğan', 'Recep Tayyip Erdoğan'],
    ['erdogan', 'Recep Tayyip Erdoğan'],
    ['hamass', 'Hamas'],
  ])('"%s" finds %s first', (query, name) => {
    expect(top(query)).toBe(name);
  });

  it('offers typos only when nothing matches as typed', () => {
    const hits = index.search('bibi', 20);
    expect(hits.map((h) => names.get(h.id))).toEqual(['Benjamin Netanyahu']);
    expect(hits[0]!.match).toBe(MatchClass.exact);
  });

  it('finds nothing for nothing', () => {
    expect(index.search('', 5)).toEqual([]);
    expect(index.search('   ', 5)).toEqual([]);
    expect(index.search('zzzzzzzz', 5)).toEqual([]);
  });

  it('ranks the likelier entity first among equal matches', () => {
    const both = SearchIndex.build([
      { id: 'rare', keys: ['jordan'], name: 'jordan', prior: 0.1 },
      { id: 'common', keys: ['jordan'], name: 'jordan', prior: 0.9 },
    ]);
    expect(both.search('jordan').map((h) => h.id)).toEqual(['common', 'rare']);
  });
});

/** Optimal string alignment distance (Damerau with adjacent swaps), the slow way. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('SearchIndex.walk', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 7 });

  it('visits exactly the keys within the distance (whole keys)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), (keys, q, k) => {
        const idx = SearchIndex.build(keys.map((key, i) => ({ id: String(i), keys: [key] })));
        const seen = new Map<string, number>();
        idx.walk(q, k, false, (i, distance) => seen.set(idx.keys[i]!, distance));
        const expected = new Map(keys.filter((key) => osa(q, key) <= k).map((key) => [key, osa(q, key)]));
        expect(new Map([...seen].sort())).toEqual(new Map([...expected].sort()));
      }),
    );
  });

  it('visits exactly the keys with a prefix within the distance (prefix mode)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), (keys, q, k) => {
        const idx = SearchIndex.build(keys.map((key, i) => ({ id: String(i), keys: [key] })));
        const seen = new Map<string, number>();
        idx.walk(q, k, true, (i, distance) => seen.set(idx.keys[i]!, distance));
        const prefixDistance = (key: string) =>
          Math.min(...Array.from({ length: key.length + 1 }, (_, n) => osa(q, key.slice(0, n))));
        const expected = new Map(keys.filter((key) => prefixDistance(key) <= k).map((key) => [key, prefixDistance(key)]));
        expect(new Map([...seen].sort())).toEqual(new Map([...expected].sort()));
      }),
    );
  });

  it('forgives no typo below 4 letters, one from 4, two from 9', () => {
    expect([1, 3, 4, 8, 9, 20].map(allowedDistance)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('SearchIndex stored form', () => {
  it('answers the same after a round trip through structured clone', () => {
    const back = SearchIndex.fromStored(structuredClone(index.toStored()));
    expect(back).not.toBeNull();
    for (const q of ['netan', 'Nétanyahou', 'bibi', 'netanyahu benjamin', 'Израиль', 'n']) {
      expect(back!.search(q, 10)).toEqual(index.search(q, 10));
    }
  });

  it('refuses what it did not write', () => {
    expect(SearchIndex.fromStored(null)).toBeNull();
    expect(SearchIndex.fromStored({ format: 2 })).toBeNull();
    expect(SearchIndex.fromStored({ ...index.toStored(), start: new Uint32Array(3) })).toBeNull();
  });
});
