import { describe, expect, it } from 'vitest';
import { annotateArticle } from '../../lib/core/annotate-article';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { DatedFact, Entity } from '../../lib/pack/types';
import { entity } from './support/test-entity';

const government = (id: string, country: string, roles: DatedFact[]): Entity =>
  entity(id, 'government-body', `Government ${id}`, { alternateName: [{ text: 'government' }], related: [country], roles });

const index = buildMatchIndex([
  entity('il', 'country', 'Israel'),
  entity('gb', 'country', 'United Kingdom'),
  entity('kr', 'country', 'South Korea'),
  entity('us', 'country', 'United States'),
  entity('us-dem', 'organization', 'Democratic Party', { related: ['us'] }),
  government('il-36', 'il', [{ label: 'Government of Israel', from: '2021-06-13', to: '2022-12-29' }]),
  government('il-37', 'il', [{ label: 'Government of Israel', from: '2022-12-29' }]),
  government('gb-sunak', 'gb', [{ label: 'Government of the United Kingdom', from: '2022-10-25', to: '2024-07-05' }]),
]);

const linked = (blocks: string[], date?: string) =>
  annotateArticle(index, blocks, date ? { date } : {}).mentions.flatMap((b) => b.map((m) => `${m.surface}=${m.entityId ?? '?'}`));
const unknown = (blocks: string[]) => annotateArticle(index, blocks).unknown.flatMap((b) => b.map((u) => u.surface));

describe("demonyms are evidence of the article's country, not marks", () => {
  it('"South Korean" alone keeps the American Democratic Party out of a Korean article', () => {
    const korean = ['South Korean lawmakers voted on Saturday.', 'The Democratic Party, the main opposition, led the vote.'];
    expect(linked(korean)).toEqual([]);
    expect(unknown(korean)).not.toContain('South Korean');
    // Without a word about the country, the name is still linked as before.
    expect(linked(['The Democratic Party led the vote.'])).toEqual(['Democratic Party=us-dem']);
  });

  it('"the government" is the government of the article\'s country in office on its date', () => {
    const israeli = ['Israeli ministers met on Sunday.', 'The government approved the plan.'];
    expect(linked(israeli, '2023-03-01')).toEqual(['government=il-37']);
    expect(linked(israeli, '2022-01-10')).toEqual(['government=il-36']);
    const british = ['British ministers met on Sunday.', 'The government approved the plan.'];
    expect(linked(british, '2023-03-01')).toEqual(['government=gb-sunak']);
    // After its time, with no later one known: the one that ended most recently, never one that began later.
    expect(linked(british, '2025-03-01')).toEqual(['government=gb-sunak']);
    expect(linked(israeli, '2020-01-01')).toEqual([]);
  });
});
