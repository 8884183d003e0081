import { describe, expect, it } from 'vitest';
import { normaliseUri, score } from '../../lib/core/evaluate';
import { splitParagraphs } from '../../lib/core/paragraphs';

describe('score', () => {
  const gold = {
    id: 'd',
    text: 'x'.repeat(100),
    mentions: [
      { start: 0, end: 10, uri: 'http://dbpedia.org/resource/Gaza_Strip' },
      { start: 20, end: 30 },
      { start: 40, end: 50, uri: 'https://en.wikipedia.org/wiki/Iran' },
    ],
    notEntities: [{ start: 60, end: 66 }],
  };
  it('counts spans by overlap and links by page', () => {
    const s = score([
      {
        gold,
        predicted: [
          { start: 2, end: 8, wikipedia: 'https://en.wikipedia.org/wiki/Gaza_Strip' },
          { start: 25, end: 35, wikipedia: null },
          { start: 60, end: 62, wikipedia: null },
        ],
      },
    ]);
    expect(s).toMatchObject({
      gold: 3,
      predicted: 3,
      truePredicted: 2,
      foundGold: 2,
      linkable: 2,
      linkedRight: 1,
      notEntityHits: 1,
    });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
  });
  it('reads DBpedia resources as Wikipedia pages', () => {
    expect(normaliseUri('http://dbpedia.org/resource/Washington,_D.C.')).toBe('https://en.wikipedia.org/wiki/Washington,_D.C.');
  });
});

describe('splitParagraphs', () => {
  it('keeps offsets into the original text', () => {
    const text = 'One para.\n\nTwo\nlines.\n \n\nThree.';
    const paras = splitParagraphs(text);
    expect(paras.map((p) => p.text)).toEqual(['One para.', 'Two\nlines.', 'Three.']);
    for (const p of paras) expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });
});
