/** Title-case acronyms ("Unrwa", "Nato"): how British papers write an acronym said as a word. */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/pack/types';
import { addTitleCaseAcronyms } from '../../scripts/pack/acronym-forms';

const org = (id: string, name: string, aliases: string[] = [], kind: Entity['kind'] = 'organization'): Entity => ({
  id,
  kind,
  name,
  alternateName: aliases.map((text) => ({ text, case: 'exact' as const })),
  description: '',
  sources: ['https://example.org'],
});

describe('title-case acronyms', () => {
  it('adds the exact-case form of an acronym of four letters or more', () => {
    const entities = [org('unrwa', 'UNRWA'), org('who', 'World Health Organization', ['WHO'])];
    expect(addTitleCaseAcronyms(entities)).toEqual(['Unrwa (unrwa)']);
    expect(entities[0]!.alternateName).toContainEqual({ text: 'Unrwa', case: 'exact' });
    expect(entities[1]!.alternateName).toEqual([{ text: 'WHO', case: 'exact' }]);
  });

  it("never takes another entity's name, a listed given name, or a person's or place's capitals", () => {
    const entities = [
      org('hamas', 'HAMAS'),
      org('hamas-2', 'Hamas movement', ['Hamas']),
      org('wafa', 'WAFA'),
      org('place', 'BAKU', [], 'place'),
    ];
    expect(addTitleCaseAcronyms(entities)).toEqual([]);
  });

  it('does not add a form the entity already has', () => {
    const entities = [org('nato', 'NATO', ['Nato'])];
    expect(addTitleCaseAcronyms(entities)).toEqual([]);
    expect(entities[0]!.alternateName).toHaveLength(1);
  });
});
