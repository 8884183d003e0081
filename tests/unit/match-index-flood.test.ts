import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex, MAX_CANDIDATES_PER_ALIAS } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const hamas: Entity = { id: 'builtin:hamas', kind: 'armed-group', name: 'Hamas', description: 'A group.', sources: src };
// What several subscribed packs of 20 entities each could still add under one alias.
const flood: Entity[] = Array.from({ length: 500 }, (_, i) => ({
  id: `flood:${i}`,
  kind: 'armed-group',
  name: 'Hamas',
  description: 'Flood.',
  sources: src,
}));

describe('an alias flooded by other packs', () => {
  it(`keeps at most ${MAX_CANDIDATES_PER_ALIAS} candidates, the entities given first included`, () => {
    const index = buildMatchIndex([hamas, ...flood]);
    const [mention] = annotate(index, 'Hamas said on Monday that talks would resume.');
    expect(mention?.candidates.length).toBe(MAX_CANDIDATES_PER_ALIAS);
    expect(mention?.candidates).toContain('builtin:hamas');
  });

  it("bounds every mention's candidates in a long text", () => {
    const index = buildMatchIndex([hamas, ...flood]);
    const text = 'Hamas and Israel. '.repeat(5_000);
    const mentions = annotate(index, text);
    expect(mentions.length).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...mentions.map((m) => m.candidates.length))).toBeLessThanOrEqual(MAX_CANDIDATES_PER_ALIAS);
  });
});
