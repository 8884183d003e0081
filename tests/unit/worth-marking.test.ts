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

  it('marks an acronym whose letters open the words of a name the article writes in full, anywhere in it', () => {
    expect(marked('The Ulster Unionist Party won two seats.', 'Later the UUP split again.')).toContain('UUP:organization');
    // Glue words give no letter: "Party of Democratic Socialists" is "PDS", not "PODS"; two letters are too few.
    expect(
      marked('She joined the Party of Democratic Socialists in 2007.', 'The PDS grew.', 'The PODS and the DS did not.'),
    ).toEqual(['Party of Democratic Socialists:organization', 'PDS:organization']);
  });

  it('leaves an acronym unmarked whose letters open a term or only part of a longer name', () => {
    expect(marked('Site Reliability Engineering is a job.', 'The SRE team met.')).not.toContain('SRE:organization');
    expect(marked('The New Zealand Department of Labour said so.', 'Prices are in NZD.')).not.toContain('NZD:organization');
  });

  it('marks an acronym offered after ", or" as another name', () => {
    expect(marked('He led the Action démocratique du Québec, or ADQ, and later the ADQ split.')).toEqual(
      expect.arrayContaining(['ADQ:organization']),
    );
  });

  it("does not take two words that happen to share an acronym's letters for its spelling when they are not a name", () => {
    expect(
      marked('The figures came from the UUP, and from us.', 'Under Ulster rules, Unionist Party members voted.'),
    ).not.toContain('UUP:organization');
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

  it('marks a lone name the text itself calls a place ("the riding of Springfield", "the seat of Noosa")', () => {
    expect(marked('He won the riding of Springfield in 1990.')).toEqual(['Springfield:place']);
    expect(marked('She held the seat of Noosa, polling well.')).toEqual(['Noosa:place']);
    // "the province of Trapani" names the province, which "Trapani" alone does not.
    expect(marked('He spoke for the province of Trapani.')).toEqual([]);
  });

  it('marks a short abbreviation in mixed case, not a plural acronym, a product or a term', () => {
    expect(marked('Most FdL members backed the PvdA and IdV.')).toEqual([
      'FdL:organization',
      'PvdA:organization',
      'IdV:organization',
    ]);
    expect(marked('He sold CDs and a MacBook before his PhD.')).toEqual([]);
  });

  it('marks a place named by a place word and "of" ("Duchy of Lancaster")', () => {
    expect(marked('He was given the Duchy of Lancaster in 1399.')).toEqual(['Duchy of Lancaster:place']);
  });
});
