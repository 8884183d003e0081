import { describe, expect, it } from 'vitest';
import { foldText, foldWords, isWordUnit } from '../../lib/core/fold';

describe('foldText', () => {
  it.each([
    ['Netanyahu', 'netanyahu'],
    ['Nétanyahou', 'netanyahou'],
    ['  Côte   d’Ivoire ', "cote d'ivoire"],
    ['Straße', 'strasse'],
    ['ＦＵＬＬ width', 'full width'],
    ['al\u2011Sharaa', 'al-sharaa'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['“quoted”', '"quoted"'],
    ['Erdoğan', 'erdogan'],
  ])('%s → %s', (input, expected) => expect(foldText(input)).toBe(expected));
});

describe('foldWords', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(foldWords("Washington, D.C.'s 2nd")).toEqual(['washington', 'd', 'c', 's', '2nd']);
  });
});

describe('isWordUnit', () => {
  it.each([
    ['a', true],
    ['é', true],
    ['ش', true],
    ['7', true],
    [' ', false],
    ['-', false],
    ['’', false],
    ['.', false],
  ])('%s → %s', (ch, expected) => expect(isWordUnit(ch.charCodeAt(0))).toBe(expected));
});
