import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applySourcePacks } from '../../lib/kb/apply-pack';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { endSpan } from '../../lib/kb/spans';
import type { Pack } from '../../lib/pack/types';

// The install bench reads where an import's time went from these spans (bench/default-set-chromium.ts).

const pack: Pack = {
  format: 1,
  id: 'spans',
  name: 'spans',
  version: '1',
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-01-01',
  entities: [{ id: 'p1', kind: 'person', name: 'Ana Lima', description: 'd', sources: ['https://example.org/'] }],
};

let db: GlossDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
  performance.clearMeasures();
});

describe('import spans', () => {
  it('an apply records its steps on the performance timeline', async () => {
    db = openDb(`spans-${Math.random()}`);
    await applySourcePacks(db, [{ source: { id: 'spans', kind: 'builtin', name: 'spans', enabled: true, priority: 0 }, pack }]);
    const names = performance.getEntriesByType('measure').map((m) => m.name);
    for (const step of ['variant-rows', 'merge', 'entity-rows', 'transaction']) expect(names).toContain(`gloss:apply:${step}`);
  });

  it('keeps only the latest span of a name', () => {
    const start = performance.now();
    endSpan('test:step', start);
    endSpan('test:step', start);
    const spans = performance.getEntriesByName('gloss:test:step', 'measure');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.startTime).toBe(start);
  });
});
