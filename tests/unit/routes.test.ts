import { describe, expect, it } from 'vitest';
import { cleanSelection, optionsHash, popupPath, readOptionsHash, readPopupParams } from '../../lib/ui/routes';

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
    [
      {
        section: 'notes' as const,
        add: 'Henning Christophersen',
        prefill: { kind: 'person' as const, description: 'Danish politician', source: 'https://www.wikidata.org/wiki/Q646148' },
      },
    ],
  ])('round-trips %j through the options hash', (route) => {
    expect(readOptionsHash(optionsHash(route))).toEqual(route);
  });

  it('fills in only what the form would accept from an address anyone can make', () => {
    const hash = '#add?name=X&kind=wizard&description=%20a%0Ab%20&source=javascript%3Aalert(1)';
    expect(readOptionsHash(hash)).toEqual({ section: 'notes', add: 'X', prefill: { description: 'a b' } });
    expect(readOptionsHash('#add?name=Y&source=http%3A%2F%2Fexample.org%2F')).toEqual({
      section: 'notes',
      add: 'Y',
      prefill: { source: 'http://example.org/' },
    });
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
