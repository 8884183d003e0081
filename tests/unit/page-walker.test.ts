import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks, locate } from '../../lib/page/walker';
import { hasFurnitureClass, isExcludedElement } from '../../lib/page/skip-rules';

const body = (html: string) => (parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document).body;

describe('collectBlocks', () => {
  it('joins inline text into one block per paragraph and skips furniture, forms, code and hidden text', () => {
    const blocks = collectBlocks(
      body(`<p><b>Benjamin</b> Netanyahu met <i>Trump</i>.</p>
        <form><input value="Hamas"><textarea>Hamas</textarea></form>
        <pre>Hamas</pre><p aria-hidden="true">Hidden Hamas</p><div hidden>Hamas</div>
        <div contenteditable="true">Hamas</div><div class="share-bar">Share on Hamas</div>
        <p>Second paragraph.</p>`),
    );
    expect(blocks.map((b) => b.text.trim())).toEqual(['Benjamin Netanyahu met Trump.', 'Second paragraph.']);
    expect(blocks[0]!.element.tagName).toBe('P');
  });

  it('locates block offsets in the text nodes, an end offset in the node it closes', () => {
    const [block] = collectBlocks(body('<p><b>Benjamin</b> Netanyahu</p>'));
    const start = locate(block!, 0, false)!;
    const end = locate(block!, 8, true)!;
    expect([start.node.data, start.offset]).toEqual(['Benjamin', 0]);
    expect([end.node.data, end.offset]).toEqual(['Benjamin', 8]);
    const next = locate(block!, 8, false)!;
    expect([next.node.data, next.offset]).toEqual([' Netanyahu', 0]);
  });
});

describe('skip rules', () => {
  it.each([
    ['article-share', true],
    ['most-read', true],
    ['shareholder-letter', false],
    ['js-social-anchor', true],
    ['article-body', false],
    ['ad', true],
    ['Mb(0) Ov(h)', false],
  ])('"%s" is furniture: %s', (cls, furniture) => {
    const el = body(`<div class="${cls}"></div>`).firstElementChild!;
    expect(hasFurnitureClass(el)).toBe(furniture);
  });

  it('excludes navigation, asides and editable regions by tag and role', () => {
    for (const html of ['<nav></nav>', '<aside></aside>', '<div role="search"></div>', '<div contenteditable=""></div>']) {
      expect(isExcludedElement(body(html).firstElementChild!)).toBe(true);
    }
    expect(isExcludedElement(body('<div contenteditable="false"></div>').firstElementChild!)).toBe(false);
  });
});
