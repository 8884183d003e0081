/**
 * A trie over folded UTF-16 units, frozen into typed arrays so it can be stored and loaded without a
 * rebuild. Matching only ever starts at word starts, so failure links (Aho–Corasick) buy nothing here:
 * the walk from a word start ends after a few units on almost every word of real text.
 */

export interface FrozenAutomaton {
  /** For node n, its edges are edgeChar/edgeTarget[firstEdge[n] .. firstEdge[n + 1]), sorted by char. */
  firstEdge: Uint32Array;
  edgeChar: Uint16Array;
  edgeTarget: Uint32Array;
  /** Output group of each node, or -1. */
  output: Int32Array;
  /** Direct table of the root's children by unit (0 = none), the hottest lookup of all. */
  rootNext: Uint32Array;
}

export class AutomatonBuilder {
  private children: Map<number, number>[] = [new Map()];
  private outputs: number[] = [-1];

  /** Adds a folded pattern; returns its node. Patterns sharing a folded form share a node. */
  insert(folded: string): number {
    let node = 0;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      const kids = this.children[node]!;
      let next = kids.get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.outputs.push(-1);
        kids.set(c, next);
      }
      node = next;
    }
    return node;
  }

  setOutput(node: number, group: number): void {
    this.outputs[node] = group;
  }

  getOutput(node: number): number {
    return this.outputs[node]!;
  }

  freeze(): FrozenAutomaton {
    const n = this.children.length;
    let edges = 0;
    for (const kids of this.children) edges += kids.size;
    const firstEdge = new Uint32Array(n + 1);
    const edgeChar = new Uint16Array(edges);
    const edgeTarget = new Uint32Array(edges);
    let e = 0;
    for (let node = 0; node < n; node++) {
      firstEdge[node] = e;
      const sorted = [...this.children[node]!.entries()].sort((a, b) => a[0] - b[0]);
      for (const [c, t] of sorted) {
        edgeChar[e] = c;
        edgeTarget[e] = t;
        e++;
      }
    }
    firstEdge[n] = e;
    const rootNext = new Uint32Array(0x10000);
    for (const [c, t] of this.children[0]!) rootNext[c] = t;
    return { firstEdge, edgeChar, edgeTarget, output: Int32Array.from(this.outputs), rootNext };
  }
}

/** The node reached from `node` by unit `c`, or -1. */
export function step(a: FrozenAutomaton, node: number, c: number): number {
  if (node === 0) {
    const t = a.rootNext[c]!;
    return t === 0 ? -1 : t;
  }
  let lo = a.firstEdge[node]!;
  let hi = a.firstEdge[node + 1]! - 1;
  const chars = a.edgeChar;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = chars[mid]!;
    if (m === c) return a.edgeTarget[mid]!;
    if (m < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
