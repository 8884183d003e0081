import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticEntities } from '../../bench/synthetic-kb';
import { annotateBlocks } from '../../lib/core/annotate';
import { fromStored, toStored } from '../../lib/core/index-store';
import { buildMatchIndex, type IndexedEntity, type MatchIndex } from '../../lib/core/match-index';
import { splitParagraphs } from '../../lib/core/paragraphs';
import type { Pack } from '../../lib/pack/types';

/**
 * The stored matcher's compact entity records (format 3): every entity comes back exactly as it was
 * built, key order included, and the matcher annotates exactly as the one it was stored from.
 */

const pack = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;
const SEED = join(import.meta.dirname, '../../../shared/corpus/seed/article.txt');
const FIXED = [
  'Benjamin Netanyahu met Mahmoud Abbas in Jerusalem; Hamas and the IDF were not there.',
  'The United Nations Security Council discussed the ceasefire in Gaza and the West Bank.',
  'Donald Trump said the European Union and NATO would meet in Brussels.',
];

const roundTrip = (index: MatchIndex) => fromStored(structuredClone(toStored(index, 'stamp')), 'stamp')!;
/** Every entity as JSON text: equal strings mean equal values with keys in the same order. */
const entityTexts = (entities: readonly IndexedEntity[], count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify(entities[i]));

describe('stored matcher, format 3', () => {
  const built = buildMatchIndex(pack.entities);
  const restored = roundTrip(built);

  it('gives back every entity of the built-in pack exactly as built', () => {
    expect(restored.entities.length).toBe(built.entities.length);
    expect(entityTexts(restored.entities, built.entities.length)).toEqual(entityTexts(built.entities, built.entities.length));
    // The pack has entities with context words, related actors and roles: the optional fields are exercised.
    expect(built.entities.some((e) => e.context)).toBe(true);
    expect(built.entities.some((e) => e.related)).toBe(true);
    expect(built.entities.some((e) => e.roles)).toBe(true);
  });

  it('annotates the seed article (or fixed text without the corpus) exactly as the built matcher', () => {
    const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : FIXED.join('\n\n');
    const blocks = splitParagraphs(text).map((p) => p.text);
    const expected = annotateBlocks(built, blocks);
    expect(expected.flat().length).toBeGreaterThan(10);
    expect(annotateBlocks(restored, blocks)).toEqual(expected);
  });

  it('keeps optional fields and a kind this build does not list', () => {
    const entities: IndexedEntity[] = [
      { id: 'a', kind: 'term', name: 'Truce', prior: 0.25, context: [] },
      {
        id: 'b',
        kind: 'person',
        name: 'Ana \u0000 "Lima"',
        prior: 0.1 + 0.2,
        related: ['a'],
        roles: [{ label: 'Mayor', from: '2020-01-01' }, { label: 'Judge' }],
      },
      { id: 'c', kind: 'future-kind' as IndexedEntity['kind'], name: 'Ω', prior: 1 },
    ];
    const index = { ...buildMatchIndex([]), entities };
    expect(entityTexts(roundTrip(index).entities, 3)).toEqual(entityTexts(entities, 3));
  });

  it('stores the entities of a large knowledge base in under 60 % of their bytes as JSON objects', () => {
    const index = buildMatchIndex(syntheticEntities(10_000));
    const stored = toStored(index, 's');
    const asObjects = new TextEncoder().encode(index.entities.map((e) => JSON.stringify(e)).join('')).length;
    expect(stored.entityBytes.length / asObjects).toBeLessThan(0.6);
  });

  it('refuses a record of an older format, so the worker rebuilds it', () => {
    const stored = toStored(built, 's');
    expect(fromStored({ ...stored, format: 2 }, 's')).toBeNull();
    expect(fromStored(stored, 's')).not.toBeNull();
  });
});
