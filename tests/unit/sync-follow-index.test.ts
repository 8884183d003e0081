import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Entity, Pack } from '../../lib/pack/types';
import { patchMatchIndex } from '../../lib/sync/patch-match-index';
import { entity } from './support/sync-fixtures';

const world = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;

describe('the matcher following a sync', () => {
  it('patches entities whose names did not change, and annotates as a rebuild would', () => {
    const before = [
      entity('a', 'Ana Lima', { alternateName: [{ text: 'Lima' }] }),
      entity('b', 'Lima', { kind: 'place', prior: 0.4 }),
    ];
    const index = buildMatchIndex(before);
    const after = [before[0]!, { ...before[1]!, prior: 0.95, description: 'Capital of Peru.' }];
    expect(patchMatchIndex(index, [after[1]!])).toBe(true);
    const text = 'Ana Lima flew to Lima.';
    expect(annotate(index, text)).toEqual(annotate(buildMatchIndex(after), text));
  });

  it.each([
    ['a new entity', [entity('c', 'Cy Dunn')]],
    ['a renamed entity', [entity('a', 'Ana Souza', { alternateName: [{ text: 'Lima' }] })]],
    ['a new alias', [entity('a', 'Ana Lima', { alternateName: [{ text: 'Lima' }, { text: 'A. Lima' }] })]],
    ['a case rule that changes with the kind', [entity('a', 'Ana Lima', { kind: 'term', alternateName: [{ text: 'Lima' }] })]],
  ])('refuses %s, so the caller rebuilds', (_name, changed: Entity[]) => {
    const index = buildMatchIndex([entity('a', 'Ana Lima', { alternateName: [{ text: 'Lima' }] })]);
    const snapshot = JSON.stringify(index.entities);
    expect(patchMatchIndex(index, changed)).toBe(false);
    expect(JSON.stringify(index.entities)).toBe(snapshot);
  });

  it('is much cheaper than a rebuild on the built-in pack', () => {
    buildMatchIndex(world.entities); // warm up
    const rebuildStart = performance.now();
    const index = buildMatchIndex(world.entities);
    const rebuildMs = performance.now() - rebuildStart;
    // A refresh of positions and descriptions for 100 entities.
    const changed = world.entities.slice(0, 100).map((e) => ({ ...e, description: `${e.description} (refreshed)` }));
    const patchStart = performance.now();
    expect(patchMatchIndex(index, changed)).toBe(true);
    const patchMs = performance.now() - patchStart;
    console.log(
      `matcher on ${world.entities.length} entities: rebuild ${rebuildMs.toFixed(1)} ms, patch of 100 ${patchMs.toFixed(1)} ms`,
    );
    expect(patchMs).toBeLessThan(rebuildMs);
  });
});
