import { describe, expect, it } from 'vitest';
import { markedUnknowns } from '../../lib/core/actor-profiles';
import { findArticleNames } from '../../lib/core/names/article-names';

/** "surface:kind" of every unknown name a reader sees marked, with no knowledge base. */
const marked = (...blocks: string[]) =>
  markedUnknowns(blocks, findArticleNames(blocks))
    .flat()
    .map((a) => `${a.surface}:${a.kind}`);

describe('which unknown names a reader sees marked', () => {
  it('marks an acronym the article spells out in brackets, at every mention', () => {
    expect(marked('Members of the Social Democratic and Labour Party (SDLP) met.', 'Later the SDLP split.')).toEqual([
      'Social Democratic and Labour Party:organization',
      'SDLP:organization',
      'SDLP:organization',
    ]);
  });

  it('leaves an acronym no one spells out unmarked', () => {
    expect(marked('Later the SDLP split, and the CPJ said so.')).toEqual([]);
  });

  it('marks a place whose words say it is one, not a lone word that could be anything', () => {
    expect(marked('He grew up in South Brisbane and later moved to Queensland.')).toEqual(['South Brisbane:place']);
    expect(marked('Shelling hit Khan Yunis City and the Nuseirat Camp on Monday.')).toEqual([
      'Khan Yunis City:place',
      'Nuseirat Camp:place',
    ]);
  });

  it("does not mark a parliament's chamber as a place", () => {
    expect(marked('The bill passed the Lower House on Monday.')).toEqual([]);
  });

  it('takes "MP" for a title, not a name', () => {
    expect(marked('She sat as a Member of Parliament (MP) for Niagara Falls.')).not.toContain('MP:organization');
  });

  it('marks an organisation named by its head word ("Institution", "Endowment", "Forum")', () => {
    expect(marked('She is a fellow with the Hoover Institution and the Lilly Endowment.')).toEqual([
      'Hoover Institution:organization',
      'Lilly Endowment:organization',
    ]);
  });
});
