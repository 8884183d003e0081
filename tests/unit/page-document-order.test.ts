import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DocumentOrder, nodesOf } from '../../lib/page/document-order';

const html = (body: string) => (parseHTML(`<html><body>${body}</body></html>`).document as unknown as Document).body;

/** Every node under `root` in document order: the reference the fast order must agree with. */
function treeOrder(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    out.push(n);
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(root);
  return out;
}

/** A deterministic pseudo-random tree: nested blocks, inline runs and text, some parents with many children. */
function randomTree(seed: number): string {
  let s = seed;
  const rand = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const build = (depth: number): string => {
    const children = depth > 3 ? 0 : rand(depth === 0 ? 40 : 6);
    let out = '';
    for (let i = 0; i < children; i++) {
      const tag = ['p', 'span', 'b', 'div'][rand(4)]!;
      out += rand(3) === 0 ? `t${depth}-${i} ` : `<${tag}>${rand(2) ? 'x ' : ''}${build(depth + 1)}</${tag}>`;
    }
    return out;
  };
  return build(0);
}

describe('DocumentOrder', () => {
  it.each([1, 2, 3, 4, 5])('sorts any nodes of a tree in document order (tree %i)', (seed) => {
    const root = html(randomTree(seed));
    const reference = treeOrder(root);
    const shuffled = [...reference].sort((a, b) => ((reference.indexOf(a) * 7919) % 101) - ((reference.indexOf(b) * 7919) % 101));
    const order = new DocumentOrder();
    expect(shuffled.sort((a, b) => order.compare(a, b))).toEqual(reference);
  });

  it('puts an ancestor before its descendants and a node equal to itself', () => {
    const root = html('<p id="a"><b id="b">x</b></p>');
    const a = root.querySelector('#a')!;
    const b = root.querySelector('#b')!;
    const order = new DocumentOrder();
    expect(order.compare(a, b)).toBeLessThan(0);
    expect(order.compare(b, a)).toBeGreaterThan(0);
    expect(order.compare(b.firstChild!, b.firstChild!)).toBe(0);
  });

  it('copes with a tree nested deeper than any page', () => {
    const doc = parseHTML('<html><body></body></html>').document as unknown as Document;
    let at: Element = doc.body;
    for (let i = 0; i < 2_000; i++) at = at.appendChild(doc.createElement('span'));
    at.append(doc.createTextNode('deep'), doc.createTextNode('deeper'));
    const order = new DocumentOrder();
    expect(order.compare(at.lastChild!, at.firstChild!)).toBeGreaterThan(0);
  });
});

describe('nodesOf', () => {
  const rangeOver = (start: Node, end: Node) => ({ startContainer: start, endContainer: end }) as unknown as Range;

  it('lists the text nodes a range runs through, the middle ones too', () => {
    const p = html('<p><b>Benjamin</b> <i>Ne</i>tanyahu</p>').firstChild!;
    const texts = treeOrder(p).filter((n) => n.nodeType === 3);
    const nodes = nodesOf(rangeOver(texts[0]!, texts[3]!), 32)!;
    expect(nodes.map((n) => n.textContent)).toEqual(['Benjamin', ' ', 'Ne', 'tanyahu']);
    expect(nodesOf(rangeOver(texts[1]!, texts[1]!), 32)).toEqual([texts[1]]);
  });

  it('gives up past the limit rather than walking a page-long range', () => {
    const p = html(Array.from({ length: 100 }, (_, i) => `<span>${i}</span>`).join('')).firstChild!.parentNode!;
    const texts = treeOrder(p).filter((n) => n.nodeType === 3);
    expect(nodesOf(rangeOver(texts[0]!, texts[99]!), 32)).toBeNull();
  });
});

describe('compareDisjoint', () => {
  it('orders separate elements and declines when one holds the other', () => {
    const root = html('<div id="outer">text <p id="inner">inner</p> more</div><p id="after">after</p>');
    const [outer, inner, after] = ['#outer', '#inner', '#after'].map((s) => root.querySelector(s)!);
    const order = new DocumentOrder();
    expect(order.compareDisjoint(inner!, after!)).toBeLessThan(0);
    expect(order.compareDisjoint(after!, outer!)).toBeGreaterThan(0);
    expect(order.compareDisjoint(outer!, inner!)).toBeNull();
    expect(order.compareDisjoint(inner!, inner!)).toBeNull();
  });
});
