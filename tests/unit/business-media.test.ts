import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex, type MatchIndex } from '../../lib/core/match-index';
import { foldText } from '../../lib/core/fold';
import { heldOn } from '../../lib/core/roles-as-of';
import type { Entity, Pack } from '../../lib/pack/types';
import { aliasCollisions } from '../../scripts/pack/merge';
import { buildBusinessMedia, businessMediaProblems } from '../../scripts/pack/business-media';
import { expectValidWithOpenSources } from './support/pack-checks';

const root = join(import.meta.dirname, '../..');

describe('businessMediaProblems', () => {
  const company: Entity = {
    id: 'gloss:company-apple',
    kind: 'organization',
    name: 'Apple',
    description: 'Maker of phones.',
    sources: ['https://en.wikipedia.org/wiki/Apple_Inc.'],
  };

  it('asks a company named like a common word for a context rule', () => {
    expect(businessMediaProblems([company])).toEqual(['gloss:company-apple: "Apple" is a common word and needs a context rule']);
    expect(businessMediaProblems([{ ...company, context: { anyOf: ['iPhone'] } }])).toEqual([]);
  });

  it('asks a person for a dated role with its source, and relations for entities of the pack', () => {
    const person: Entity = {
      id: 'gloss:person-x',
      kind: 'person',
      name: 'Some Chief',
      description: 'A chief.',
      roles: [{ label: 'Chief executive of Apple', from: '2011' }],
      related: ['gloss:company-nowhere', 'wd:Q312'],
      sources: ['https://example.org/'],
    };
    expect(businessMediaProblems([person])).toEqual([
      'gloss:person-x: related gloss:company-nowhere is not in the pack',
      'gloss:person-x: role "Chief executive of Apple" lacks its start or its source',
    ]);
    expect(businessMediaProblems([{ ...person, roles: [] }])).toContain('gloss:person-x: a person without a dated role');
  });
});

describe('the Business and media pack from data/business-media', () => {
  let entities: Entity[];
  let others: Entity[];
  let index: MatchIndex;
  beforeAll(() => {
    entities = buildBusinessMedia(root);
    const worldNews = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const places = JSON.parse(readFileSync(join(root, 'assets/packs/world-places.json'), 'utf8')) as Pack;
    others = [...worldNews.entities, ...places.entities];
    index = buildMatchIndex([...others, ...entities]);
  }, 60_000);
  const byId = (id: string): Entity => entities.find((e) => e.id === id)!;
  const marks = (text: string): string[] =>
    annotate(index, text)
      .filter((m) => m.entityId !== null)
      .map((m) => `${m.surface}=${m.entityId}`);

  it('validates as a pack, and every entity has a source a reader can open', () => {
    expectValidWithOpenSources(entities);
  });

  it('has the companies and outlets the news names most, with chief executives', () => {
    const names = new Set(entities.map((e) => e.name));
    for (const n of ['Nvidia', 'OpenAI', 'DeepSeek', 'Nippon Steel', 'U.S. Steel', 'Associated Press', 'Reuters', 'Al Jazeera']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(entities.filter((e) => e.kind === 'organization').length).toBeGreaterThanOrEqual(200);
    expect(entities.filter((e) => e.kind === 'person').length).toBeGreaterThanOrEqual(50);
  });

  it('shares no id and no name with World news or World places', () => {
    const otherIds = new Set(others.map((e) => e.id));
    expect(entities.filter((e) => otherIds.has(e.id)).map((e) => e.id)).toEqual([]);
    const mine = new Set(entities.map((e) => e.id));
    const shared = [...aliasCollisions([...others, ...entities])].filter(
      ([, ids]) => ids.some((id) => mine.has(id)) && ids.some((id) => !mine.has(id)),
    );
    expect(shared).toEqual([]);
  });

  it('dates chief executives: Kelly Ortberg ran Boeing on 2025-02-03, not the day before he started', () => {
    const role = byId('gloss:person-kelly-ortberg').roles![0]!;
    expect(heldOn(role, '2025-02-03')).toBe(true);
    expect(heldOn(role, '2024-08-07')).toBe(false);
  });

  it('agrees with every dated assertion of tests/fixtures/dated-assertions/business-media.json', () => {
    const file = join(root, 'tests/fixtures/dated-assertions/business-media.json');
    const assertions = JSON.parse(readFileSync(file, 'utf8')) as { entity: string; office: string; on: string; holds: boolean }[];
    expect(assertions.length).toBeGreaterThanOrEqual(10);
    const wrong = assertions.filter((a) => {
      const roles = byId(a.entity)?.roles ?? [];
      const holds = roles.some((r) => foldText(r.label).includes(foldText(a.office)) && heldOn(r, a.on));
      return holds !== a.holds;
    });
    expect(wrong).toEqual([]);
  });

  it('marks the outlet, not the city inside its name', () => {
    expect(marks('The Washington Post and the New York Times reported it.')).toEqual([
      'The Washington Post=gloss:media-washington-post',
      'New York Times=gloss:media-new-york-times',
    ]);
  });

  it('marks companies named like common words only where the article is about them', () => {
    const companies = marks('Apple pie, a shell on the beach, and the Amazon rainforest.').filter((m) =>
      m.includes('gloss:company-'),
    );
    expect(companies).toEqual([]);
    expect(marks('Apple sold fewer iPhones; Shell raised oil output.')).toEqual([
      'Apple=gloss:company-apple',
      'Shell=gloss:company-shell',
    ]);
  });

  it('links the news agencies as the news writes them', () => {
    expect(marks('(AP) — Reuters and AFP reported, citing Bloomberg News.')).toEqual([
      'AP=gloss:media-associated-press',
      'Reuters=gloss:media-reuters',
      'AFP=gloss:media-agence-france-presse',
      'Bloomberg News=gloss:media-bloomberg-news',
    ]);
  });
});
