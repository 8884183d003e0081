import { expect } from 'vitest';
import { validatePack } from '../../../lib/pack/validate';
import type { Entity } from '../../../lib/pack/types';

/** A generated pack's entities pass the validator as a pack, and each cites a source a reader can open (https). */
export function expectValidWithOpenSources(entities: readonly Entity[]): void {
  const result = validatePack({
    format: 1,
    id: 'p',
    name: 'p',
    version: '1',
    license: 'l',
    attribution: 'a',
    asOf: '2025-02-03',
    entities,
  });
  expect(result.ok ? [] : result.problems).toEqual([]);
  for (const e of entities)
    expect(
      e.sources.every((s) => /^https:\/\//.test(s)),
      e.id,
    ).toBe(true);
}
