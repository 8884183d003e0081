import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import { entity } from './support/test-entity';

const index = buildMatchIndex([
  entity('un', 'organization', 'United Nations', { alternateName: [{ text: 'UN', case: 'exact' }] }),
  entity('alaska', 'place', 'Alaska'),
  entity('murkowski', 'person', 'Lisa Murkowski'),
  entity('x', 'organization', 'X (formerly Twitter)', { alternateName: [{ text: 'Twitter' }, { text: 'X Corp' }] }),
]);

/** "surface=entity" for known mentions and "surface:kind" for names the knowledge base lacks, in order. */
function marks(text: string): string[] {
  const { mentions, unknown } = annotateArticle(index, [text]);
  return [
    ...mentions[0]!.map((m) => ({ at: m.start, s: `${m.surface}=${m.entityId ?? '?'}` })),
    ...unknown[0]!.map((u) => ({ at: u.start, s: `${u.surface}:${u.kind}` })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((m) => m.s);
}

describe('names the linker missed or cut wrong', () => {
  it('splits a party-state tag after a name: the state is the name, the party letter is not', () => {
    expect(marks('Sen. Lisa Murkowski, R-Alaska, voted no. Rep. Mary Peltola (D-Alaska) agreed.')).toEqual([
      'Lisa Murkowski=murkowski',
      'Alaska=alaska',
      'Mary Peltola:person',
      'Alaska=alaska',
    ]);
    expect(marks('Sen. Chuck Schumer, D-N.Y., spoke.')).toEqual(['Chuck Schumer:person', 'N.Y.:place']);
  });

  it('does not link "UN" alone inside a UN body named in title case', () => {
    expect(marks('The UN agency for Palestine Refugees said its schools were shut.')).toEqual([
      'UN agency for Palestine Refugees:organization',
    ]);
    // In lower case the words describe the body; "UN" is still the United Nations.
    expect(marks('The UN agency for Palestine refugees said its schools were shut.')).toEqual(['UN=un', 'Palestine:unknown']);
  });

  it('links "X" where the words around it say it is the platform once called Twitter', () => {
    expect(marks('Elon Musk posted on X that the deal was done.')).toContain('X=x');
    expect(marks('In an X post, the minister said he would resign.')).toContain('X=x');
    expect(marks('She announced it on X, formerly Twitter, on Monday.')).toEqual(['X=x', 'Twitter=x']);
    expect(marks('The social media platform X removed the video.')).toContain('X=x');
  });

  it('leaves "X" alone where it is a letter of a name or a label', () => {
    expect(marks('Malcolm X said it in 1964.')).not.toContain('X=x');
    expect(marks('Generation X voters turned out.')).not.toContain('X=x');
    expect(marks('The X-ray showed nothing on X axis.')).not.toContain('X=x');
  });
});
