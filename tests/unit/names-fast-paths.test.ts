import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datelines } from '../../lib/core/names/descriptors';
import { tokenize } from '../../lib/core/names/tokens';
import { DAYS, MONTHS } from '../../lib/core/names/word-lists';

/**
 * The tokenizer decides a word's case by character codes where the word is ASCII and by Unicode classes
 * otherwise, for speed. Every token must still say what the Unicode definitions below say, on any text.
 */
const capReference = (w: string) =>
  (/^\p{Lu}/u.test(w) && /\p{L}/u.test(w)) || /^(?:al|el|ad|ash|as|at|an|ar|az|ud|ul|bin|ibn|abu|d|l)[-'’]\p{Lu}/u.test(w);
const allCapsReference = (w: string) => {
  const letters = w.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !/\p{Ll}/u.test(letters);
};

const UNITS = [
  ..."aAbBsSzZ09 .,-&'’\n",
  'é',
  'É',
  'ß',
  'Ö',
  'İ',
  'ǅ',
  '\u0301',
  'Σ',
  'σ',
  '𝐀',
  'al-',
  'bin-',
  "'s",
  '’s',
  '-led',
  '-backed',
  'U.S.',
  'Inc.',
];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
);

describe('tokenize on any text', () => {
  it('gives every token the case the Unicode classes give its text', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const token of tokenize(t)) {
          expect(token.lower, token.text).toBe(token.text.toLowerCase());
          expect(token.cap, token.text).toBe(capReference(token.text));
          expect(token.allCaps, token.text).toBe(allCapsReference(token.text));
          expect(token.text, token.text).toBe(t.slice(token.start, token.end));
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves 's outside a capitalised name and marks it possessive", () => {
    const name = fc.tuple(
      fc.constantFrom('A', 'Z', 'É', 'Ö', '𝐀'),
      fc.string({ unit: fc.constantFrom(...'abzé'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(name, fc.constantFrom("'", '’'), ([first, rest], apostrophe) => {
        const [token] = tokenize(`${first}${rest}${apostrophe}s office`);
        expect(token!.text).toBe(first + rest);
        expect(token!.possessive).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    expect(tokenize("iran's office")[0]!.possessive).toBe(false);
  });
});

/** datelines as a global search over the whole text, which the line-start search replaced. */
function datelinesReference(text: string) {
  const re =
    /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}\p{M}'’.-]*(?: \p{Lu}[\p{Lu}\p{M}'’.-]*){0,3})(?=(?:,[^\n:(—–]{1,40})?\s*(?::|\(|—|–|--|-\s))/gu;
  const out: { start: number; end: number; surface: string; kind: string }[] = [];
  for (const m of text.matchAll(re)) {
    const surface = m[1]!;
    if (!/\p{Lu}{3}/u.test(surface) || DAYS.has(surface.toLowerCase()) || MONTHS.has(surface.toLowerCase())) continue;
    const start = m.index + m[0].length - surface.length;
    out.push({ start, end: start + surface.length, surface, kind: 'place' });
  }
  return out;
}

describe('datelines', () => {
  it('finds what a global search finds, on any text', () => {
    const LINE_UNITS = [
      '\n',
      '\n',
      ' ',
      '\t',
      'GAZA',
      'CITY',
      'MAY',
      'É',
      '\u0301',
      ',',
      ':',
      '(',
      '—',
      '-',
      '--',
      ' - ',
      'Gaza',
      'x',
      '.',
      "'",
    ];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LINE_UNITS), maxLength: 30 }), (t) => {
        expect(datelines(t)).toEqual(datelinesReference(t));
      }),
      { numRuns: 20_000 },
    );
    expect(datelines('Intro.\nGAZA CITY, Gaza Strip — text\nJERUSALEM: more').map((d) => d.surface)).toEqual([
      'GAZA CITY',
      'JERUSALEM',
    ]);
  });
});
