import { describe, expect, it } from 'vitest';
import { normaliseUri, score, scoreExact } from '../../lib/core/evaluate';
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

describe('scoreExact', () => {
  const gold = {
    id: 'd',
    text: 'x'.repeat(100),
    mentions: [
      { start: 0, end: 10, type: 'PER' },
      { start: 20, end: 30, type: 'ORG' },
      { start: 40, end: 60, type: 'MISC' },
    ],
  };
  it('counts only exact PER/ORG/LOC spans, leaves terms and spans inside MISC out', () => {
    const s = scoreExact([
      {
        gold,
        predicted: [
          { start: 0, end: 10, wikipedia: null, kind: 'person' },
          { start: 20, end: 25, wikipedia: null, kind: 'unknown' },
          { start: 45, end: 50, wikipedia: null, kind: 'country' },
          { start: 70, end: 75, wikipedia: null, kind: 'term' },
        ],
      },
    ]);
    expect(s).toMatchObject({ gold: 2, predicted: 2, exact: 1 });
    expect(s.f1).toBeCloseTo(0.5);
  });
});

describe('link precision', () => {
  it('judges links against gold pages; a link where gold has nothing is wrong, a term there is not judged', () => {
    const s = score([
      {
        gold: {
          id: 'd',
          text: 'x'.repeat(100),
          mentions: [
            { start: 0, end: 10, uri: 'https://en.wikipedia.org/wiki/Gaza_City' },
            { start: 20, end: 30 },
          ],
        },
        predicted: [
          { start: 0, end: 4, wikipedia: 'https://en.wikipedia.org/wiki/Gaza_Strip', kind: 'territory' },
          { start: 20, end: 30, wikipedia: 'https://en.wikipedia.org/wiki/X', kind: 'person' },
          { start: 40, end: 45, wikipedia: 'https://en.wikipedia.org/wiki/Y', kind: 'person' },
          { start: 50, end: 55, wikipedia: 'https://en.wikipedia.org/wiki/Genocide', kind: 'term' },
        ],
      },
    ]);
    expect(s).toMatchObject({ linksJudged: 2, linksRight: 0 });
  });
});
