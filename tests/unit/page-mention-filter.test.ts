import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../lib/page/highlighter';
import { SHOW_ALL, visibleMentions } from '../../lib/page/mention-filter';
import { wikipediaSearchUrl as wikipediaSearchUrlFor } from '../../lib/page/wikipedia-search';

const p1 = {} as Element;
const p2 = {} as Element;
const m = (surface: string, entityId: string | null, paragraph: Element, kind: PageMention['kind'] = 'person'): PageMention =>
  ({ surface, entityId, name: surface, kind, paragraph, candidates: [], range: {} as Range }) as PageMention;

describe('visibleMentions', () => {
  const all = [
    m('Netanyahu', 'a', p1),
    m('Hamas', 'b', p1, 'armed-group'),
    m('Netanyahu', 'a', p1),
    m('Netanyahu', 'a', p2),
    m('Obama', null, p2),
  ];

  it('shows every mention by default', () => {
    expect(visibleMentions(all, SHOW_ALL)).toHaveLength(5);
  });

  it('shows the first mention of each entity per paragraph', () => {
    const shown = visibleMentions(all, { ...SHOW_ALL, mode: 'first-per-paragraph' });
    expect(shown.map((x) => x.surface)).toEqual(['Netanyahu', 'Hamas', 'Netanyahu', 'Obama']);
  });

  it('shows only the chosen kinds and not what the reader hid', () => {
    const shown = visibleMentions(all, { ...SHOW_ALL, kinds: new Set(['person']), hidden: (x) => x.surface === 'Obama' });
    expect(shown.map((x) => x.surface)).toEqual(['Netanyahu', 'Netanyahu', 'Netanyahu']);
  });

  it('links unknown actors to a https Wikipedia search in the page language', () => {
    expect(wikipediaSearchUrlFor('Omar Haddad', 'fr')).toBe('https://fr.wikipedia.org/w/index.php?search=Omar%20Haddad');
    expect(wikipediaSearchUrlFor('<x>', 'javascript:')).toBe('https://en.wikipedia.org/w/index.php?search=%3Cx%3E');
  });
});
