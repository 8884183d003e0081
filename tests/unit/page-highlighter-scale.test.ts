import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Highlighter, type PageMention } from '../../lib/page/highlighter';
import { highlightName } from '../../lib/page/highlight-style';
import { HighlightApiPainter } from '../../lib/page/painter';

/**
 * The highlighter on a page with more mentions than a function call takes arguments, and the order it
 * keeps them in, with the Highlight API faked (Node has none).
 */

class FakeHighlight {
  readonly ranges: unknown[] = [];
  constructor(...ranges: unknown[]) {
    // The constructor is what a spread call would hit: refuse what a browser cannot take.
    if (ranges.length > 60_000) throw new RangeError('Maximum call stack size exceeded');
    this.ranges.push(...ranges);
  }
  add(range: unknown): this {
    this.ranges.push(range);
    return this;
  }
}

function fakeWindow() {
  const registry = new Map<string, FakeHighlight>();
  return { registry, win: { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis };
}

describe('Highlighter at scale', () => {
  it('takes 150,000 mentions in one add and paints them all, in document order', () => {
    const doc = parseHTML('<html><body><article></article></body></html>').document as unknown as Document;
    const article = doc.querySelector('article')!;
    const paragraphs = Array.from({ length: 300 }, () => article.appendChild(doc.createElement('p')));
    for (const p of paragraphs) p.append(doc.createTextNode('Hamas '.repeat(500)));
    const mentions: PageMention[] = [];
    // Added back to front, as a viewport-first placement would: the highlighter must sort them.
    for (let i = paragraphs.length - 1; i >= 0; i--) {
      const node = paragraphs[i]!.firstChild!;
      for (let k = 499; k >= 0; k--) {
        const range = { startContainer: node, endContainer: node, startOffset: k * 6, endOffset: k * 6 + 5 } as unknown as Range;
        mentions.push({
          range,
          entityId: 'gloss:hamas',
          kind: 'armed-group',
          name: 'Hamas',
          surface: 'Hamas',
          candidates: [],
          paragraph: paragraphs[i]!,
        });
      }
    }
    const { registry, win } = fakeWindow();
    const highlighter = new Highlighter(doc, new HighlightApiPainter(win));
    highlighter.add(mentions);
    expect(highlighter.shown).toHaveLength(150_000);
    expect(registry.get(highlightName('armed-group'))!.ranges).toHaveLength(150_000);
    const first = highlighter.shown
      .slice(0, 3)
      .map((m) => [paragraphs.indexOf(m.paragraph as HTMLParagraphElement), m.range.startOffset]);
    expect(first).toEqual([
      [0, 0],
      [0, 6],
      [0, 12],
    ]);
    expect(paragraphs.indexOf(highlighter.shown.at(-1)!.paragraph as HTMLParagraphElement)).toBe(299);
  });
});

describe('hit-testing in a long text node', () => {
  it('measures only the mention under the caret, not every mention in the node', () => {
    const node = { nodeType: 3, parentNode: null } as unknown as Node;
    let measured = 0;
    const mentions: PageMention[] = Array.from({ length: 600 }, (_, k) => {
      const range = {
        startContainer: node,
        endContainer: node,
        startOffset: k * 84,
        endOffset: k * 84 + 5,
        getClientRects: () => {
          measured++;
          return [{ left: 0, right: 50, top: k * 20, bottom: k * 20 + 18 }];
        },
      } as unknown as Range;
      return {
        range,
        entityId: 'gloss:hamas',
        kind: 'armed-group',
        name: 'Hamas',
        surface: 'Hamas',
        candidates: [],
        paragraph: {} as Element,
      };
    });
    // The caret API answers with the node and the offset under the point: here inside mention 250.
    const doc = { caretPositionFromPoint: () => ({ offsetNode: node, offset: 250 * 84 + 2 }) } as unknown as Document;
    const highlighter = new Highlighter(doc, { paint: () => undefined, isPainted: () => true, clear: () => undefined });
    highlighter.add(mentions);
    expect(highlighter.hitTest(10, 250 * 20 + 5)).toBe(mentions[250]);
    expect(measured).toBe(1);
  });
});

describe('order of mentions in nested blocks', () => {
  it('puts a mention in the text after a nested paragraph after the mentions inside it', () => {
    const doc = parseHTML('<html><body><div>Hamas <p>Qatar</p> Egypt</div></body></html>').document as unknown as Document;
    const div = doc.querySelector('div')!;
    const p = doc.querySelector('p')!;
    const mention = (node: Node, surface: string, paragraph: Element): PageMention => ({
      range: { startContainer: node, endContainer: node, startOffset: 0, endOffset: surface.length } as unknown as Range,
      entityId: surface,
      kind: 'country',
      name: surface,
      surface,
      candidates: [],
      paragraph,
    });
    const highlighter = new Highlighter(doc, { paint: () => undefined, isPainted: () => true, clear: () => undefined });
    highlighter.add([
      mention(div.lastChild!, 'Egypt', div),
      mention(p.firstChild!, 'Qatar', p),
      mention(div.firstChild!, 'Hamas', div),
    ]);
    expect(highlighter.shown.map((m) => m.surface)).toEqual(['Hamas', 'Qatar', 'Egypt']);
  });
});
