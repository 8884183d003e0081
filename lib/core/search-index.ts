// Longer than 300 lines: one class: its exact, prefix and fuzzy lookups share the index's private arrays and its stored form.
import { foldText, foldWords } from './fold';

/**
 * An in-memory search index over folded keys (whole aliases and their words): prefix search by
 * binary search over the sorted keys, and typo-tolerant search by walking the same sorted keys as a
 * trie with one edit-distance row per depth (the way MiniSearch's radix-tree fuzzy search works).
 * Sorted neighbours share prefixes, so rows are reused between keys and whole key ranges are skipped
 * as soon as no completion can come within the allowed distance.
 *
 * Pure: the knowledge base hands it keys; it hands back ids, best first.
 */

/** How a key matched a query, best first. */
export const MatchClass = {
  exact: 4,
  prefix: 3,
  words: 2,
  fuzzy: 1,
} as const;

export interface IndexHit {
  id: string;
  /** The best way one of the entity's keys matched (a MatchClass). */
  match: number;
  /** Edit distance of that match (0 for exact and prefix). */
  distance: number;
  /** The key that matched best. */
  key: string;
}

export interface IndexedDoc {
  id: string;
  /** Folded keys: each alias whole and each of its words (lib/kb/search-keys.ts). */
  keys: readonly string[];
  /** The folded name, which outranks aliases when the query starts it. */
  name?: string;
  /** How likely the entity is among namesakes (0..1), as packs say. */
  prior?: number;
}

/** Most keys a prefix query reads: a one-letter query must not walk the whole index per keystroke. */
const MAX_PREFIX_KEYS = 2_000;
/** For one or two letters, which start a large part of all keys, far fewer. */
const SHORT_PREFIX_KEYS = 300;
/** Most fuzzy keys taken, for the same reason. */
const MAX_FUZZY_KEYS = 2_000;

/** Typos forgiven: none below 4 letters (too many neighbours), one from 4, two from 9. */
export function allowedDistance(length: number): number {
  return length >= 9 ? 2 : length >= 4 ? 1 : 0;
}

interface Best {
  match: number;
  distance: number;
  key: number;
}

/**
 * The index in a form IndexedDB stores and loads fast: typed arrays clone as blocks, and the keys and
 * ids travel as one UTF-8 byte array each instead of 100,000s of strings.
 */
export interface StoredSearchIndex {
  format: 1;
  keys: Uint8Array;
  ids: Uint8Array;
  start: Uint32Array;
  postings: Uint32Array;
  nameKeys: Int32Array;
  priors: Float32Array;
}

interface Parts {
  keys: string[];
  start: Uint32Array;
  postings: Uint32Array;
  ids: string[];
  nameKeys: Int32Array;
  priors: Float32Array;
}

export class SearchIndex {
  /** Sorted, unique folded keys, in code-unit order (IndexedDB's order too). */
  readonly keys: string[];
  /** postings[start[k] .. start[k+1]) are the documents of keys[k]. */
  private readonly start: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly ids: string[];
  /** The key that is each document's folded name, or -1. */
  private readonly nameKeys: Int32Array;
  private readonly priors: Float32Array;

  private constructor(parts: Parts) {
    this.keys = parts.keys;
    this.start = parts.start;
    this.postings = parts.postings;
    this.ids = parts.ids;
    this.nameKeys = parts.nameKeys;
    this.priors = parts.priors;
  }

  static build(docs: readonly IndexedDoc[]): SearchIndex {
    const byKey = new Map<string, number[]>();
    docs.forEach((d, doc) => {
      for (const k of d.keys) {
        const list = byKey.get(k);
        if (!list) byKey.set(k, [doc]);
        else if (list[list.length - 1] !== doc) list.push(doc);
      }
    });
    const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const start = new Uint32Array(keys.length + 1);
    let total = 0;
    keys.forEach((k, i) => {
      start[i] = total;
      total += byKey.get(k)!.length;
    });
    start[keys.length] = total;
    const postings = new Uint32Array(total);
    keys.forEach((k, i) => postings.set(byKey.get(k)!, start[i]!));
    const index = new SearchIndex({
      keys,
      start,
      postings,
      ids: docs.map((d) => d.id),
      nameKeys: new Int32Array(docs.length).fill(-1),
      priors: Float32Array.from(docs, (d) => d.prior ?? 0.5),
    });
    docs.forEach((d, doc) => {
      if (d.name === undefined) return;
      const at = index.lowerBound(d.name);
      if (keys[at] === d.name) index.nameKeys[doc] = at;
    });
    return index;
  }

  toStored(): StoredSearchIndex {
    const encoder = new TextEncoder();
    return {
      format: 1,
      // Neither keys (folded text) nor ids contain a newline: both come from single-line fields.
      keys: encoder.encode(this.keys.join('\n')),
      ids: encoder.encode(this.ids.join('\n')),
      start: this.start,
      postings: this.postings,
      nameKeys: this.nameKeys,
      priors: this.priors,
    };
  }

  /** The index from its stored form, or null when it is not one this code wrote. */
  static fromStored(stored: unknown): SearchIndex | null {
    const s = stored as Partial<StoredSearchIndex> | null | undefined;
    if (
      !s ||
      s.format !== 1 ||
      !(s.keys instanceof Uint8Array) ||
      !(s.ids instanceof Uint8Array) ||
      !(s.start instanceof Uint32Array) ||
      !(s.postings instanceof Uint32Array) ||
      !(s.nameKeys instanceof Int32Array) ||
      !(s.priors instanceof Float32Array)
    )
      return null;
    const decoder = new TextDecoder();
    const keys = s.keys.length ? decoder.decode(s.keys).split('\n') : [];
    const ids = s.ids.length ? decoder.decode(s.ids).split('\n') : [];
    if (s.start.length !== keys.length + 1 || s.nameKeys.length !== ids.length || s.priors.length !== ids.length) return null;
    return new SearchIndex({ keys, ids, start: s.start, postings: s.postings, nameKeys: s.nameKeys, priors: s.priors });
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Entities whose keys match the query, best first, at most `limit`: exact before prefix before
   * words in another order before typos; then fewer edits, the name before an alias, the likelier
   * entity, the shorter (closer) completion.
   */
  search(query: string, limit = 20): IndexHit[] {
    return this.searchCounted(query, limit).hits;
  }

  /** The best `limit` matches, and how many matched in all (a list cut at 20 says "first 20 of 68"). */
  searchCounted(query: string, limit = 20): { hits: IndexHit[]; total: number } {
    const q = foldText(query);
    if (!q) return { hits: [], total: 0 };
    const best = new Map<number, Best>();
    const offer = (keyIndex: number, match: number, distance: number) => {
      for (let p = this.start[keyIndex]!; p < this.start[keyIndex + 1]!; p++) {
        const doc = this.postings[p]!;
        const had = best.get(doc);
        if (!had || match * 10 - distance * 3 > had.match * 10 - had.distance * 3)
          best.set(doc, { match, distance, key: keyIndex });
      }
    };

    // Exact and prefix matches of the whole query: "netan", "benjamin net".
    const [lo, hi] = this.prefixRange(q);
    const cap = q.length < 3 ? SHORT_PREFIX_KEYS : MAX_PREFIX_KEYS;
    for (let k = lo; k < Math.min(hi, lo + cap); k++) {
      offer(k, this.keys[k] === q ? MatchClass.exact : MatchClass.prefix, 0);
    }

    // Words in any order, each a whole word (the last one a prefix), typos allowed: "netanyahu benjamin".
    const words = foldWords(query);
    if (words.length > 1) {
      for (const [doc, { distance, key }] of this.allWords(words)) {
        const had = best.get(doc);
        if (!had || had.match < MatchClass.words) best.set(doc, { match: MatchClass.words, distance, key });
      }
    }

    // Typos and other spellings ("Nétanyahou", "netnayahu"), only when nothing matched as typed:
    // "bibi" should not bring Libya ("libia") along.
    // One edit first, two only if one finds nothing: the walk's cost grows fast with the distance.
    for (let d = 1; d <= allowedDistance(q.length) && best.size === 0; d++) {
      let taken = 0;
      this.walk(q, d, true, (k, distance) => {
        if (distance > 0 && taken++ < MAX_FUZZY_KEYS) offer(k, MatchClass.fuzzy, distance);
      });
    }

    // Prominence weighs more than a name starting with the query: "netan" is Netanyahu before the city of
    // Netanya. Under ten points, so it never lifts an entity over a better class of match.
    const score = (doc: number, b: Best) =>
      b.match * 10 -
      b.distance * 3 +
      (this.nameKeys[doc]! >= 0 && this.keys[this.nameKeys[doc]!]!.startsWith(q) ? 2 : 0) +
      this.priors[doc]! * 6;
    const hits = [...best]
      .map(([doc, b]) => ({ doc, b, score: score(doc, b) }))
      .sort((x, y) => y.score - x.score || this.keys[x.b.key]!.length - this.keys[y.b.key]!.length)
      .slice(0, limit)
      .map(({ doc, b }) => ({ id: this.ids[doc]!, match: b.match, distance: b.distance, key: this.keys[b.key]! }));
    return { hits, total: best.size };
  }

  /** Documents with a key for every word, and the edits that took. */
  private allWords(words: readonly string[]): Map<number, { distance: number; key: number }> {
    let docs: Map<number, { distance: number; key: number }> | null = null;
    for (const [i, w] of words.entries()) {
      const before: Map<number, { distance: number; key: number }> | null = docs;
      if (before !== null && before.size === 0) break;
      const found = new Map<number, { distance: number; key: number }>();
      const last = i === words.length - 1;
      const take = (k: number, distance: number) => {
        for (let p = this.start[k]!; p < this.start[k + 1]!; p++) {
          const doc = this.postings[p]!;
          const earlier = before?.get(doc);
          if (before !== null && !earlier) continue;
          const sum = distance + (earlier?.distance ?? 0);
          const prev = found.get(doc);
          if (!prev || sum < prev.distance) found.set(doc, { distance: sum, key: earlier?.key ?? k });
        }
      };
      // As typed first; typos only for a word that matches nothing as typed (a fuzzy walk costs more).
      const [a, b] = this.prefixRange(w);
      if (last) for (let k = a; k < Math.min(b, a + MAX_PREFIX_KEYS); k++) take(k, 0);
      else if (a < b && this.keys[a] === w) take(a, 0);
      const typedFound = last ? a < b : a < b && this.keys[a] === w;
      const d = allowedDistance(w.length);
      if (!typedFound && d > 0) this.walk(w, d, last, take);
      docs = found;
    }
    return docs ?? new Map();
  }

  /** [lo, hi): the keys that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const lo = this.lowerBound(prefix);
    return [lo, this.endOfPrefix(prefix, lo)];
  }

  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index at or after `from` whose key does not start with `prefix` (keys sharing it are contiguous). */
  private endOfPrefix(prefix: string, from: number): number {
    let lo = from;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]!.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Calls `visit(keyIndex, distance)` for every key within `maxDistance` edits (Damerau: a swap of two
   * neighbours counts once) of the query — in prefix mode, of some prefix of the key.
   */
  walk(q: string, maxDistance: number, prefixMode: boolean, visit: (keyIndex: number, distance: number) => void): void {
    const m = q.length;
    const out = maxDistance + 1;
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => Math.min(j, out))];
    // best[d]: the distance of the query to the closest prefix of the current path up to depth d.
    const best: number[] = [m];
    let path = '';
    let depth = 0;
    const keys = this.keys;
    let i = 0;
    next: while (i < keys.length) {
      const key = keys[i]!;
      let d = 0;
      const shared = Math.min(depth, key.length);
      while (d < shared && path.charCodeAt(d) === key.charCodeAt(d)) d++;
      path = key;
      for (d = d + 1; d <= key.length; d++) {
        const row = (rows[d] ??= new Int32Array(m + 1));
        const above = rows[d - 1]!;
        const c = key.charCodeAt(d - 1);
        row[0] = d;
        let min = d;
        // Ukkonen's band: a cell further than the allowed distance off the diagonal is out of reach.
        const lo = Math.max(1, d - maxDistance);
        const hi = Math.min(m, d + maxDistance);
        if (lo > 1) row[lo - 1] = out;
        for (let j = lo; j <= hi; j++) {
          const qc = q.charCodeAt(j - 1);
          let v = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (qc === c ? 0 : 1));
          if (d > 1 && j > 1 && c === q.charCodeAt(j - 2) && key.charCodeAt(d - 2) === qc) {
            v = Math.min(v, rows[d - 2]![j - 2]! + 1);
          }
          row[j] = v;
          if (v < min) min = v;
        }
        if (hi < m) row[hi + 1] = row[m] = out;
        depth = d;
        best[d] = Math.min(best[d - 1]!, row[m]!);
        // Rows never shrink below their minimum further down, so nothing under this prefix can do better.
        if (min >= (prefixMode ? Math.min(best[d]!, maxDistance + 1) : maxDistance + 1)) {
          const end = this.endOfPrefix(key.slice(0, d), i);
          if (prefixMode && best[d]! <= maxDistance) for (let k = i; k < end; k++) visit(k, best[d]!);
          i = end;
          continue next;
        }
      }
      const distance = prefixMode ? best[key.length]! : rows[key.length]![m]!;
      if (distance <= maxDistance) visit(i, distance);
      i++;
    }
  }
}
