import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import type { Entity, Pack } from '../../lib/pack/types';
import { packPathOf, root } from '../../scripts/pack/catalogue';
import { applySummaries, readSummaries } from '../../scripts/pack/summaries';

const summaries = readSummaries(root);
const built = new Map<string, Entity>(
  BUILTIN_PACKS.flatMap((entry) => (JSON.parse(readFileSync(packPathOf(entry), 'utf8')) as Pack).entities).map((e) => [e.id, e]),
);

/** Sentences end in . ! or ? followed by a space and a capital; abbreviations like "D.C." are not ends. */
const sentenceCount = (text: string): number => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

describe('card summaries (data/curated/summaries.json)', () => {
  const entries = Object.entries(summaries);

  it('has summaries', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s is credited, short and not worded as "current"', (_id, { summary, summarySource }) => {
    expect(summarySource).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/[^\s]+$/);
    expect(summary.length).toBeLessThanOrEqual(2_000);
    expect(summary.trim()).toBe(summary);
    expect(sentenceCount(summary)).toBeGreaterThanOrEqual(1);
    expect(sentenceCount(summary)).toBeLessThanOrEqual(3);
    expect(summary).toMatch(/[.!?]$/);
    // The pack is dated ("as of"); a summary that says "current" goes stale without anyone noticing.
    expect(summary).not.toMatch(/\b(current|currently|incumbent)\b/i);
  });

  it.each(entries)('%s is in the built packs with its summary', (id, { summary, summarySource }) => {
    const entity = built.get(id);
    expect(entity, `${id} is in no built pack`).toBeDefined();
    expect(entity!.summary).toBe(summary);
    expect(entity!.summarySource).toBe(summarySource);
  });

  it('the build fails on an id that is in no pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-summaries-'));
    mkdirSync(join(dir, 'data/curated'), { recursive: true });
    writeFileSync(
      join(dir, 'data/curated/summaries.json'),
      JSON.stringify({ 'gloss:nobody': { summary: 'No one.', summarySource: 'https://en.wikipedia.org/wiki/X' } }),
    );
    const entity: Entity = {
      id: 'gloss:somebody',
      kind: 'person',
      name: 'Somebody',
      description: 'Someone.',
      sources: ['https://en.wikipedia.org/wiki/X'],
    };
    expect(() => applySummaries(dir, [[entity]])).toThrow(/gloss:nobody/);
  });

  it('the build refuses a summary source that is not English Wikipedia', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-summaries-'));
    mkdirSync(join(dir, 'data/curated'), { recursive: true });
    writeFileSync(
      join(dir, 'data/curated/summaries.json'),
      JSON.stringify({ 'gloss:somebody': { summary: 'Someone.', summarySource: 'https://example.org/x' } }),
    );
    expect(() => readSummaries(dir)).toThrow(/English Wikipedia/);
  });
});
