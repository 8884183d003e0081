import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { fromStored, toStored } from '../core/index-store';
import { buildMatchIndex, type MatchIndex } from '../core/match-index';
import { BUILTIN_PACKS } from '../pack/builtin-packs';
import type { Pack } from '../pack/types';
import { validatePack } from '../pack/validate';
import { codeStampOf } from './code-stamp';
import { stampFile } from './file-stamp';

const packsDir = join(import.meta.dirname, '../../assets/packs');
// The code a cached index depends on: this file in the bundle, the core and pack sources when run from source.
const codeStamp = codeStampOf(fileURLToPath(import.meta.url), [
  join(import.meta.dirname, '../core'),
  join(import.meta.dirname, '../pack'),
]);

export interface LoadedPack {
  index: MatchIndex;
  wikipediaOf(id: string): string | null;
}

function parsePack(path: string, raw: Buffer): Pack {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new Error(`${path}: not a readable JSON file (${(e as Error).message})`);
  }
  const result = validatePack(json);
  if (!result.ok) {
    throw new Error(`${path}: invalid pack\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  return result.pack;
}

function readRaw(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`${path}: cannot read the pack (${(e as Error).message})`);
  }
}

/** What the cache keeps: the compiled index (the form IndexedDB stores) and each entity's Wikipedia URL. */
interface CachedIndex {
  stored: unknown;
  wikipedia: Map<string, string>;
}

/**
 * Where compiled indexes are kept between runs: validating and compiling the default set takes over a
 * second, reading it back a few milliseconds. GLOSS_CACHE_DIR overrides; "off" turns the cache off.
 */
function cacheDir(): string | null {
  const dir = process.env.GLOSS_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gloss');
  return dir === 'off' ? null : dir;
}

function readCache(file: string, stamp: string): LoadedPack | null {
  let cached: CachedIndex;
  try {
    cached = deserialize(readFileSync(file)) as CachedIndex;
  } catch {
    return null;
  }
  const index = fromStored(cached?.stored, stamp);
  if (!index || !(cached.wikipedia instanceof Map)) return null;
  return { index, wikipediaOf: (id) => cached.wikipedia.get(id) ?? null };
}

function writeCache(file: string, dir: string, value: CachedIndex): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a concurrent run never reads half a file.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, serialize(value));
    renameSync(part, file);
  } catch {
    // A cache that cannot be written costs the next run a rebuild, nothing else.
  }
}

/**
 * Reads and validates a pack file, or without a path the built-in default set (the packs a fresh install
 * turns on, read as one: the catalogue keeps each id in one pack only), and compiles its index; throws with
 * every problem listed if a pack is invalid. The compiled index is cached under the hash of the packs' bytes
 * (of their file status once settled: stampFile) and of the code that compiles them, so a run whose packs and
 * code have not changed starts without reading, parsing, validating or compiling them.
 */
export function loadPack(path?: string): LoadedPack {
  const paths =
    path === undefined ? BUILTIN_PACKS.filter((p) => p.defaultOn).map((p) => join(packsDir, `${p.short}.json`)) : [path];
  const hash = createHash('sha256');
  hash.update(codeStamp).update('\0');
  // A settled pack is stamped by its file status (stampFile): its bytes are read only when the cache misses.
  const read = paths.map((p) => {
    try {
      return stampFile(hash, p);
    } catch {
      // Not there or not readable: readRaw says so in plain words.
      const raw = readRaw(p);
      hash.update(raw);
      return raw;
    }
  });
  const stamp = `cli:${hash.digest('hex').slice(0, 32)}`;
  const dir = cacheDir();
  const file = dir ? join(dir, `index-${stamp.slice(4)}.v8`) : null;
  const hit = file ? readCache(file, stamp) : null;
  if (hit) return hit;

  const entities = paths.flatMap((p, i) => parsePack(p, read[i] ?? readRaw(p)).entities);
  const index = buildMatchIndex(entities);
  const wikipedia = new Map<string, string>();
  for (const e of entities) if (e.links?.wikipedia) wikipedia.set(e.id, e.links.wikipedia);
  if (file && dir) writeCache(file, dir, { stored: toStored(index, stamp), wikipedia });
  return { index, wikipediaOf: (id) => wikipedia.get(id) ?? null };
}
