import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const index = buildMatchIndex([
  { id: 'c:us', kind: 'country', name: 'United States', description: 'A country.', sources: src },
  { id: 'c:mx', kind: 'country', name: 'Mexico', description: 'A country.', sources: src },
  { id: 'c:kr', kind: 'country', name: 'South Korea', description: 'A country.', sources: src },
  { id: 'g:us-senate', kind: 'government-body', name: 'Senate', description: 'A chamber.', related: ['c:us'], sources: src },
  { id: 'o:us-dem', kind: 'organization', name: 'Democratic Party', description: 'A party.', related: ['c:us'], sources: src },
  { id: 'o:kr-dem', kind: 'organization', name: 'Democratic Party', description: 'A party.', related: ['c:kr'], sources: src },
] satisfies Entity[]);
const linked = (text: string) => annotate(index, text).map((m) => `${m.surface}=${m.entityId ?? '?'}`);

describe('a generic name qualified by the country written before it', () => {
  it("is that country's, whatever country the article is most about", () => {
    const text = 'The United States and the United States again: Mexico’s Senate approved it, then the Senate did.';
    expect(linked(text)).toEqual(['United States=c:us', 'United States=c:us', 'Mexico=c:mx', 'Senate=g:us-senate']);
    expect(linked('The United States and the United States again. South Korea’s Democratic Party objected.')).toContain(
      'Democratic Party=o:kr-dem',
    );
  });

  it('follows a demonym too', () => {
    expect(linked('The United States and the United States again. The Mexican Senate voted.')).not.toContain(
      'Senate=g:us-senate',
    );
    expect(linked('Mexico and Mexico again. The South Korean Democratic Party voted.')).toContain('Democratic Party=o:kr-dem');
  });
});

describe('a chamber several countries name alike', () => {
  it('is linked only to the article\'s own country\'s ("House of Commons")', () => {
    const commons = buildMatchIndex([
      { id: 'c:uk', kind: 'country', name: 'United Kingdom', description: 'A country.', sources: src },
      { id: 'c:ca', kind: 'country', name: 'Canada', description: 'A country.', sources: src },
      {
        id: 'g:uk-hoc',
        kind: 'government-body',
        name: 'House of Commons',
        description: 'A chamber.',
        // Related to its parliament only: the country comes through it.
        related: ['g:uk-parl'],
        sources: src,
      },
      {
        id: 'g:uk-parl',
        kind: 'government-body',
        name: 'UK Parliament',
        description: 'A body.',
        related: ['c:uk'],
        sources: src,
      },
    ] satisfies Entity[]);
    const ids = (text: string) => annotate(commons, text).map((m) => `${m.surface}=${m.entityId ?? '?'}`);
    expect(ids('Canada votes soon; Canada’s prime minister has no seat in the House of Commons.')).not.toContain(
      'House of Commons=g:uk-hoc',
    );
    expect(ids('The United Kingdom’s House of Commons voted.')).toContain('House of Commons=g:uk-hoc');
    expect(ids('The United Kingdom votes, and the United Kingdom’s leaders meet the House of Commons.')).toContain(
      'House of Commons=g:uk-hoc',
    );
  });
});
