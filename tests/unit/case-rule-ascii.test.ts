import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitsCaseRule } from '../../lib/core/case-rule';
import { aliasesOf } from '../../lib/core/match-index';
import type { CaseRule, Pack } from '../../lib/pack/types';

/**
 * fitsCaseRule skips Unicode normalisation for plain ASCII. Its answers must be those of the
 * implementation without the shortcut, kept here as the reference, for every input.
 */

const MARKS = /\p{M}/gu;
const SPACES = /\s+/gu;
const plainReference = (s: string) =>
  s
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/\u00ad/g, '')
    .replace(SPACES, ' ');
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
function fitsReference(surface: string, alias: string, rule: CaseRule): boolean {
  if (rule === 'any') return true;
  const s = plainReference(surface);
  const a = plainReference(alias);
  if (rule === 'exact') return s === a;
  const sWords = s.split(/[\s'’-]+/u);
  const aWords = a.split(/[\s'’-]+/u);
  for (let i = 0; i < aWords.length; i++) {
    if (isUpper(aWords[i]!.charAt(0)) && !isUpper((sWords[i] ?? '').charAt(0))) return false;
  }
  return true;
}

const RULES: CaseRule[] = ['exact', 'capitalized', 'any'];
/** Characters where the shortcut could go wrong: ASCII edges, space runs, tabs, marks, a soft hyphen, ligatures. */
const TRICKY = [
  ' ',
  '  ',
  '\t',
  '\n',
  '-',
  "'",
  '’',
  '\u00ad',
  '\u0301',
  'é',
  'É',
  'ﬁ',
  'İ',
  'ß',
  '\x7f',
  '~',
  'A',
  'a',
  'Z',
  'z',
  '1',
];
const text = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('fitsCaseRule with the ASCII shortcut', () => {
  it('answers as the reference for random surfaces and aliases', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom(...RULES), (surface, alias, rule) => {
        expect(fitsCaseRule(surface, alias, rule)).toBe(fitsReference(surface, alias, rule));
      }),
      { numRuns: 20_000 },
    );
  });

  it('answers as the reference for every alias of the built-in pack, as written and re-cased', () => {
    const pack = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;
    const aliases = pack.entities.flatMap((e) => aliasesOf(e).map((a) => a.text));
    let checked = 0;
    let refused = 0;
    for (const alias of aliases) {
      for (const surface of [alias, alias.toLowerCase(), alias.toUpperCase(), alias.replace(/ /g, '  ')]) {
        for (const rule of RULES) {
          const expected = fitsReference(surface, alias, rule);
          expect(fitsCaseRule(surface, alias, rule), `${JSON.stringify(surface)} / ${JSON.stringify(alias)} / ${rule}`).toBe(
            expected,
          );
          checked++;
          if (!expected) refused++;
        }
      }
    }
    // Both answers occur, so agreement is not agreement on a constant.
    expect(checked).toBeGreaterThan(10_000);
    expect(refused).toBeGreaterThan(1_000);
  });
});
