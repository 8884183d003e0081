/**
 * Card summaries (data/curated/summaries.json): two or three sentences per entity, adapted from English
 * Wikipedia's lead sections (CC BY-SA 4.0, credited on the card through `summarySource`). They are applied
 * after every pack is built so that one file serves all packs, whichever pack an entity lives in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../lib/pack/types';
import { canonical } from './merge';

export interface SummaryEntry {
  summary: string;
  summarySource: string;
}

const summariesPath = (rootDir: string): string => join(rootDir, 'data/curated/summaries.json');

export function readSummaries(rootDir: string): Record<string, SummaryEntry> {
  const path = summariesPath(rootDir);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  for (const [id, value] of Object.entries(raw)) {
    const entry = value as Partial<SummaryEntry> | null;
    if (typeof entry?.summary !== 'string' || typeof entry.summarySource !== 'string')
      throw new Error(`${path}: ${id} needs a "summary" and a "summarySource" (both strings)`);
    if (!entry.summarySource.startsWith('https://en.wikipedia.org/wiki/'))
      throw new Error(`${path}: ${id}: summarySource must be an English Wikipedia page, not ${entry.summarySource}`);
  }
  return raw as Record<string, SummaryEntry>;
}

/**
 * The entities of each pack with their summaries, in canonical key order. Fails on an id that is in no pack:
 * a typo would otherwise silently drop a summary.
 */
export function applySummaries(rootDir: string, packs: readonly Entity[][]): Entity[][] {
  const summaries = readSummaries(rootDir);
  const ids = new Set(packs.flat().map((e) => e.id));
  const missing = Object.keys(summaries).filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`${summariesPath(rootDir)}: these ids are in no pack: ${missing.join(', ')}`);
  return packs.map((entities) =>
    entities.map((e) => {
      const s = summaries[e.id];
      return s ? canonical({ ...e, summary: s.summary, summarySource: s.summarySource }) : e;
    }),
  );
}
