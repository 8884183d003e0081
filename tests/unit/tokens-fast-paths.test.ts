import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../lib/core/names/tokens';

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
