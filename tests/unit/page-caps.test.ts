import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex, MAX_CANDIDATES_PER_ALIAS } from '../../lib/core/match-index';
import { MAX_ALTERNATIVES_PER_PAGE, MAX_MENTIONS_PER_PAGE, MAX_UNKNOWN_PER_PAGE } from '../../lib/core/page-caps';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const hamas: Entity = { id: 'builtin:hamas', kind: 'armed-group', name: 'Hamas', description: 'A group.', sources: src };
// Subscribed packs sharing the alias, each within its own limit of 20.
const sharing: Entity[] = Array.from({ length: 200 }, (_, i) => ({
  id: `other:${i}`,
  kind: 'armed-group',
  name: 'Hamas',
  description: 'Another.',
  sources: src,
}));

const total = (perBlock: readonly (readonly unknown[])[]) => perBlock.reduce((n, list) => n + list.length, 0);

describe("one page's cost is bounded whatever it and the packs hold", () => {
  it(`marks at most ${MAX_MENTIONS_PER_PAGE} known mentions, the first in the article`, () => {
    const blocks = Array.from({ length: 1_500 }, () => 'Hamas said Hamas would answer, and Hamas did, Hamas and Hamas.');
    const { mentions } = annotateArticle(buildMatchIndex([hamas]), blocks, { lang: 'en' });
    expect(total(mentions)).toBe(MAX_MENTIONS_PER_PAGE);
    expect(mentions[0]).toHaveLength(5);
    expect(mentions.at(-1)).toHaveLength(0);
  });

  it(`keeps at most ${MAX_ALTERNATIVES_PER_PAGE} alternative candidates over the page; later mentions keep their own`, () => {
    const blocks = Array.from({ length: 600 }, () => 'Hamas said on Monday that talks would resume.');
    const { mentions } = annotateArticle(buildMatchIndex([hamas, ...sharing]), blocks, { lang: 'en' });
    const all = mentions.flat();
    expect(all).toHaveLength(600);
    expect(all[0]!.candidates).toHaveLength(MAX_CANDIDATES_PER_ALIAS);
    expect(all.reduce((n, m) => n + m.candidates.length - 1, 0)).toBeLessThanOrEqual(MAX_ALTERNATIVES_PER_PAGE);
    expect(all.at(-1)!.candidates).toHaveLength(1);
    expect(all.every((m) => m.candidates.length >= 1)).toBe(true);
  });

  it(`finds at most ${MAX_UNKNOWN_PER_PAGE} unknown names`, () => {
    const blocks = Array.from(
      { length: 800 },
      (_, i) => `Officials said Zarko Velimir${i} and Dana Orsolt${i} met Ilse Brandvik${i} on Monday.`,
    );
    const { unknown } = annotateArticle(buildMatchIndex([hamas]), blocks, { lang: 'en' });
    expect(total(unknown)).toBe(MAX_UNKNOWN_PER_PAGE);
  });
});
