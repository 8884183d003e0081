import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity } from '../../lib/pack/types';

const src = ['https://example.org/source'];
const term = (id: string, name: string): Entity => ({ id, kind: 'term', name, description: 'A news term.', sources: src });
const index = buildMatchIndex([term('t:rights', 'human rights'), term('t:tariff', 'tariffs')]);
const terms = (text: string) => annotate(index, text).map((m) => m.surface);

describe('a news term inside an organisation name', () => {
  it('is no mention where the name runs through it', () => {
    expect(terms('Both HTS and the Syrian Observatory for Human Rights said Assad had fled.')).toEqual([]);
    expect(terms('Reports from Human Rights Watch were cited.')).toEqual([]);
  });

  it('stays a mention in running text, at the start of a sentence and in a title-case heading', () => {
    expect(terms('Activists spoke of human rights in the city.')).toEqual(['human rights']);
    expect(terms('Human rights groups spoke.')).toEqual(['Human rights']);
    expect(terms('U.S. Tariffs on Canada, Mexico Take Effect')).toEqual(['Tariffs']);
  });
});
