import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitNameBefore } from '../../lib/core/actor-profiles';
import { capitalisedWords } from '../../lib/core/demonyms';
import { foldText, foldUnit } from '../../lib/core/fold';
import { gapIsAmp, gapIsSpace, tokenize } from '../../lib/core/names/tokens';
import { opensCapitalised, textChunks } from '../../lib/core/text-chunks';

/**
 * Hot loops of the matcher and the name finder that replaced a regular expression or a string built a unit
 * at a time: each must answer as the plain definition, kept here as the reference, on any text.
 */

/** foldText as it was written first: one unit at a time. */
function foldReference(text: string): string {
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === ' ') {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else if (f !== '') {
      out += f;
      lastSpace = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

const UNITS = [
  ..."aZ .-'\t\n&$",
  '  ',
  'É',
  'ß',
  'ﬃ',
  '\ufdfa',
  '\u00ad',
  '\u0301',
  '\u00a0',
  '\u2009',
  '𝐀',
  '\ud800',
  'İ',
  'Israeli',
  'South Korean',
  ' Gaza',
];
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('fast paths answer as their definitions', () => {
  it('foldText, short or long', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (t, times) => {
        const long = t.repeat(times);
        expect(foldText(t)).toBe(foldReference(t));
        expect(foldText(long)).toBe(foldReference(long));
      }),
      { numRuns: 3_000 },
    );
    // Past one block of the buffer, with expansions at its edge.
    const big = 'Ab  ß '.repeat(2_000) + '\ufdfa'.repeat(300);
    expect(foldText(big)).toBe(foldReference(big));
  });

  it('the words and other units worth-marking reads spelled-out acronyms in', () => {
    const withWords = fc.oneof(
      anyText,
      fc.string({ unit: fc.constantFrom(..."AZaz[@`{ É&’'-.,9\n\u0301", '𝐀', 'ǅ', '\ud800'), maxLength: 60 }),
    );
    fc.assert(
      fc.property(withWords, (t) => {
        const chunks = [...t.matchAll(/[\p{L}\p{M}&'’]+|[^\s\p{L}\p{M}&'’]+/gu)].map((m) => m[0]);
        expect(textChunks(t)).toEqual(chunks);
        for (const w of chunks) expect(opensCapitalised(w)).toBe(/^\p{Lu}/u.test(w) && !/^\p{Lu}+$/u.test(w));
      }),
      { numRuns: 3_000 },
    );
  });

  it('the capitalised words demonyms are looked up in', () => {
    const re = /\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}\p{M}'’-]+)?/gu;
    fc.assert(
      fc.property(anyText, (t) => {
        expect(capitalisedWords(t)).toEqual([...t.matchAll(re)].map((m) => m[0]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('the gaps between tokens', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const tokens = tokenize(t);
        for (let i = 1; i < tokens.length; i++) {
          const gap = t.slice(tokens[i - 1]!.end, tokens[i]!.start);
          expect(gapIsSpace(t, tokens[i - 1]!, tokens[i]!)).toBe(/^[ \t\u00a0]+$/.test(gap));
          expect(gapIsAmp(t, tokens[i - 1]!, tokens[i]!)).toBe(/^\s*&\s*$/.test(gap));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('a split-off name right before an unknown actor', () => {
    const re = /(?:\p{L}["”’]|\p{Lu}[\p{L}\p{M}.'’-]*)\s+$/u;
    const units = fc.constantFrom(
      ...'aZ. \'-"”’\t\n,(1',
      'É',
      'é',
      '\u0301',
      '\u00a0',
      '\u2009',
      '𝐀',
      'El Mencho',
      'Nemesio “',
      'x ',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: units, maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (t) => {
        expect(splitNameBefore(t)).toBe(re.test(t));
      }),
      { numRuns: 20_000 },
    );
  });
});
