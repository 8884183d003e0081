import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { annotateBlocks } from '../../lib/core/annotate';
import { fromStored, toStored } from '../../lib/core/index-store';
import { buildMatchIndex, type MatchIndex } from '../../lib/core/match-index';
import type { Pack } from '../../lib/pack/types';

/**
 * A stored matcher's entities are decoded as they are read (index-store's lazy view): to the code that reads
 * them they must be the array a built matcher has, whatever has been read before.
 */

const pack = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;
const built = buildMatchIndex(pack.entities);
const restored = (): MatchIndex => fromStored(structuredClone(toStored(built, 'stamp')), 'stamp')!;

describe("a stored matcher's entities", () => {
  it('link a chamber through its parliament as the built matcher does (the id table reads them all)', () => {
    // "House of Commons" is generic: its country comes through the parliament it is related to, looked up by id.
    const blocks = ['British lawmakers in the House of Commons voted on Tuesday.'];
    const expected = annotateBlocks(built, blocks);
    expect(expected[0]!.map((m) => m.surface)).toContain('House of Commons');
    expect(annotateBlocks(restored(), blocks)).toEqual(expected);
  });

  it('are all there for array methods, read before or not', () => {
    const index = restored();
    expect(index.entities[3]!.id).toBe(built.entities[3]!.id); // One read: the others are still undecoded.
    expect(index.entities.map((e) => e.id)).toEqual(built.entities.map((e) => e.id));
    expect(index.entities.filter((e) => e.kind === 'country').length).toBe(
      built.entities.filter((e) => e.kind === 'country').length,
    );
  });

  it('become a plain array once every one has been read, with the same entities', () => {
    const index = restored();
    const through = index.entities;
    expect(types.isProxy(through)).toBe(true);
    const all = through.map((e) => e);
    expect(types.isProxy(index.entities)).toBe(false);
    expect(index.entities).toEqual(all);
    expect(JSON.stringify(index.entities)).toBe(JSON.stringify(built.entities));
  });
});
