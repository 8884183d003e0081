import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectDateSignals } from '../../lib/page/date-signals';
import { findArticleArea } from '../../lib/page/main-content';
import { headOf, locate, MAX_BLOCK_CHARS, walkBlocks } from '../../lib/page/walker';

/**
 * The page side of Gloss on text no article has: a 10 MB paragraph in one text node, or one made of many
 * nodes. Gloss reads a bounded head of it; the e2e suite (tests/e2e/hostile-pages.e2e.test.ts) shows the
 * same in real browsers.
 */

const doc = (body: string) =>
  parseHTML(`<html><head><title>Long</title></head><body>${body}</body></html>`).document as unknown as Document;
const SENTENCE = 'Hamas said, again, that the talks were at a delicate stage, and mediators agreed. ';
const huge = (chars: number) => SENTENCE.repeat(Math.ceil(chars / SENTENCE.length)).slice(0, chars);

/**
 * Counts how often the whole text of a node is read (`data`, `nodeValue`, `textContent`): in Firefox each
 * read copies all of it. `length` and `substringData` are answered without a full read, as browsers do.
 */
function counted(node: Text): { reads: number } {
  const value = node.data;
  const seen = { reads: 0 };
  const whole = {
    get() {
      seen.reads++;
      return value;
    },
  };
  Object.defineProperties(node, {
    data: whole,
    nodeValue: whole,
    textContent: whole,
    length: { get: () => value.length },
    substringData: { value: (offset: number, count: number) => value.slice(offset, offset + count) },
  });
  return seen;
}

describe('a block longer than the limit', () => {
  it('keeps the head of a single huge text node, flagged, and reads no more of it', () => {
    const d = doc(
      `<article><p>Before.</p><p id="huge">${huge(3 * MAX_BLOCK_CHARS)}</p><p>After Benjamin Netanyahu.</p></article>`,
    );
    const node = d.getElementById('huge')!.firstChild as Text;
    const seen = counted(node);
    const blocks = [...walkBlocks(d.querySelector('article')!, () => true, MAX_BLOCK_CHARS)];
    expect(blocks.map((b) => b.text.length)).toEqual([7, MAX_BLOCK_CHARS, 25]);
    expect(blocks.map((b) => b.truncated ?? false)).toEqual([false, true, false]);
    expect(seen.reads).toBe(0);
    // Offsets inside the kept head still find their place in the node.
    const at = locate(blocks[1]!, MAX_BLOCK_CHARS - 3, false)!;
    expect([at.node, at.offset]).toEqual([node, MAX_BLOCK_CHARS - 3]);
  });

  it('stops collecting the pieces of a block made of many nodes at the limit', () => {
    const spans = Array.from({ length: 2_000 }, (_, i) => `<span>word${i} </span>`).join('');
    const d = doc(`<article><p>${spans}</p><p>Next paragraph.</p></article>`);
    const [long, next] = [...walkBlocks(d.querySelector('article')!, () => true, 5_000)];
    expect(long!.text.length).toBe(5_000);
    expect(long!.truncated).toBe(true);
    expect(long!.pieces.length).toBeLessThan(2_000);
    expect(next!.text).toBe('Next paragraph.');
  });

  it('is read whole by the CLI, which passes no limit', () => {
    const d = doc(`<article><p>${huge(2 * MAX_BLOCK_CHARS)}</p></article>`);
    const [block] = [...walkBlocks(d.querySelector('article')!)];
    expect(block!.text.length).toBe(2 * MAX_BLOCK_CHARS);
    expect(block!.truncated).toBeUndefined();
  });
});

describe('headOf', () => {
  it('returns short text whole and only the head of long text', () => {
    const d = doc('<p>short</p>');
    expect(headOf(d.querySelector('p')!.firstChild as Text, 10)).toBe('short');
    const long = d.createTextNode(huge(1_000));
    const seen = counted(long);
    expect(headOf(long, 10)).toBe(SENTENCE.slice(0, 10));
    expect(seen.reads).toBe(0);
  });
});

describe('finding the article and its date on a page with a 10 MB paragraph', () => {
  it('picks the article, reading the huge node whole once at most', () => {
    const d = doc(
      `<nav><a href="/">Home</a></nav><article><h1>Long</h1><p>${'Mediators met in Doha, officials said, as the talks resumed. '.repeat(3)}</p>
       <p id="huge">${huge(10 * 1024 * 1024)}</p></article>`,
    );
    const seen = counted(d.getElementById('huge')!.firstChild as Text);
    const area = findArticleArea(d);
    expect(area.roots.map((r) => r.tagName)).toEqual(['ARTICLE']);
    const signals = collectDateSignals(d, area.roots[0]);
    expect(signals.text!.length).toBeLessThanOrEqual(400);
    // The paragraph's textContent, once, to score it; link density and the dateline read only its head.
    expect(seen.reads).toBeLessThanOrEqual(1);
  });
});
