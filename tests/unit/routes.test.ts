import { describe, expect, it } from 'vitest';
import { cleanSelection, optionsHash, popupPath, readOptionsHash, readPopupParams } from '../../components/routes';

describe('routes between Gloss pages', () => {
  it('round-trips the popup parameters', () => {
    const path = popupPath({ query: 'Nétanyahou & co', tabId: 42 });
    expect(path.startsWith('/popup.html?')).toBe(true);
    expect(readPopupParams(path.slice(path.indexOf('?')))).toEqual({ query: 'Nétanyahou & co', tabId: 42 });
    expect(readPopupParams('?tab=abc')).toEqual({ query: '', tabId: null });
    expect(popupPath({})).toBe('/popup.html');
  });

  it.each([
    [{ section: 'sites' as const }],
    [{ section: 'notes' as const, add: 'Kausea Natano' }],
    [{ section: 'notes' as const, note: 'wd:Q43723' }],
  ])('round-trips %j through the options hash', (route) => {
    expect(readOptionsHash(optionsHash(route))).toEqual(route);
  });

  it('ignores hashes it does not know', () => {
    expect(readOptionsHash('#nowhere')).toBeNull();
    expect(readOptionsHash('')).toBeNull();
  });

  it('takes a name, not a paragraph, from a selection', () => {
    expect(cleanSelection('  Benjamin\n  Netanyahu ')).toBe('Benjamin Netanyahu');
    expect(cleanSelection('x'.repeat(500))).toHaveLength(200);
  });
});
