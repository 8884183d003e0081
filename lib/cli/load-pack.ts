import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import type { Pack } from '../pack/types';
import { validatePack } from '../pack/validate';

export const DEFAULT_PACK = join(import.meta.dirname, '../../assets/packs/world-news.json');

export interface LoadedPack {
  pack: Pack;
  index: MatchIndex;
  wikipediaOf(id: string): string | null;
}

/** Reads and validates a pack file; throws with every problem listed if it is invalid. */
export function loadPack(path = DEFAULT_PACK): LoadedPack {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not a readable JSON file (${(e as Error).message})`);
  }
  const result = validatePack(json);
  if (!result.ok) {
    throw new Error(`${path}: invalid pack\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  const links = new Map(result.pack.entities.map((e) => [e.id, e.links?.wikipedia ?? null]));
  return { pack: result.pack, index: buildMatchIndex(result.pack.entities), wikipediaOf: (id) => links.get(id) ?? null };
}
