import { describe, expect, it } from 'vitest';
import { mentionsOfArticle } from '../../lib/core/article-mentions';
import { buildMatchIndex } from '../../lib/core/match-index';
import { splitParagraphs } from '../../lib/core/paragraphs';

const index = buildMatchIndex([
  {
    id: 'x:nz',
    kind: 'country',
    name: 'New Zealand',
    description: 'A country.',
    sources: ['https://example.org/'],
    links: { wikipedia: 'https://en.wikipedia.org/wiki/New_Zealand' },
  },
]);
const TEXT = 'Vanessa Hicks, a farmer, met officials in Otago, New Zealand.\n\nHicks said the council would pay.';
const marks = (allNames = false) =>
  mentionsOfArticle(index, splitParagraphs(TEXT), () => null, { allNames }).map(
    (m) => `${m.surface}:${m.known ? 'known' : m.kind}`,
  );

describe('what the CLI reports of an article', () => {
  it('is what the browser marks: known names, and only the unknown actors worth a mark (markedUnknowns)', () => {
    // Not "Otago": the browser underlines no unknown place.
    expect(marks()).toEqual(['Vanessa Hicks:person', 'New Zealand:known', 'Hicks:person']);
  });

  it('with allNames, every name the name finder found (for work on name boundaries)', () => {
    expect(marks(true)).toEqual(expect.arrayContaining(['Otago:place']));
  });
});
