import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import { BUILTIN_PACKS } from '../pack/builtin-packs';
import type { Pack } from '../pack/types';
import { validatePack } from '../pack/validate';

const packsDir = join(import.meta.dirname, '../../assets/packs');

export interface LoadedPack {
  pack: Pack;
  index: MatchIndex;
  wikipediaOf(id: string): string | null;
}

function readPack(path: string): Pack {
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
  return result.pack;
}

/**
 * The packs a fresh install turns on, read as one: the core pack's metadata with the entities of all of them
 * (the catalogue keeps each id in one pack only).
 */
function readDefaultSet(): Pack {
  const packs = BUILTIN_PACKS.filter((p) => p.defaultOn).map((p) => readPack(join(packsDir, `${p.short}.json`)));
  return { ...packs[0]!, entities: packs.flatMap((p) => p.entities) };
}

/**
 * Reads and validates a pack file, or without a path the built-in default set; throws with every problem
 * listed if a pack is invalid.
 */
export function loadPack(path?: string): LoadedPack {
  const pack = path === undefined ? readDefaultSet() : readPack(path);
  const links = new Map(pack.entities.map((e) => [e.id, e.links?.wikipedia ?? null]));
  return { pack, index: buildMatchIndex(pack.entities), wikipediaOf: (id) => links.get(id) ?? null };
}
