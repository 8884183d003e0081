import { BUILTIN_PACKS, builtinPackFile, type BuiltinPackEntry } from '../pack/builtin-packs';
import type { Pack } from '../pack/types';
import { validatePack } from '../pack/validate';
import type { GlossDb } from './db';
import { applySourcePacks, type ApplyResult, type SourcePack } from './apply-pack';

/** The source id of the core pack, World news (the only built-in pack before the catalogue). */
const BUILTIN_SOURCE_ID = BUILTIN_PACKS[0]!.sourceId;

/**
 * Imports the embedded pack; refuses it whole, changing nothing, if it does not validate. The user's
 * choices for the built-in source (turned off, ranked below another pack) survive the re-import that
 * every extension update does.
 */
export async function importBuiltinPack(db: GlossDb, json: unknown, entry?: BuiltinPackEntry): Promise<number> {
  return (await importBuiltinPackWithResult(db, json, entry)).entityCount;
}

export interface BuiltinImportOptions {
  /**
   * The file is one that scripts/pack/catalogue.ts wrote: that build refuses a pack that validation would
   * refuse or change, and npm test checks the committed files again. The worker then checks only that the
   * file is the pack it expects, which saves the validation's cost at install (about a tenth of it).
   */
  builtByCatalogue?: boolean;
}

/**
 * Imports one pack of the catalogue (World news when `entry` is not given) as a source of its own. At its
 * first import a pack is on if it belongs to the default set, ranked in catalogue order.
 */
export async function importBuiltinPackWithResult(
  db: GlossDb,
  json: unknown,
  entry: BuiltinPackEntry = BUILTIN_PACKS[0]!,
  opts: BuiltinImportOptions = {},
): Promise<ApplyResult & { entityCount: number }> {
  return (await importBuiltinPacks(db, [{ json, entry }], opts))[0]!;
}

/**
 * Imports several packs of the catalogue in one transaction (all of them at install): all land or none.
 * A file that is not a valid pack refuses the whole call before anything is written; the caller checks
 * files one by one with builtinPackOf first when one bad file must not hold back the others.
 */
export async function importBuiltinPacks(
  db: GlossDb,
  files: readonly { json: unknown; entry: BuiltinPackEntry }[],
  opts: BuiltinImportOptions = {},
): Promise<(ApplyResult & { entityCount: number })[]> {
  const now = Date.now();
  const items = files.map(({ json, entry }): SourcePack => {
    const pack = builtinPackOf(json, entry, opts);
    return {
      source: {
        id: entry.sourceId,
        kind: 'builtin',
        name: pack.name,
        enabled: entry.defaultOn,
        priority: Math.max(0, BUILTIN_PACKS.indexOf(entry)),
        lastAttempt: now,
        lastSuccess: now,
        status: { code: 'builtin-imported' },
      },
      pack,
    };
  });
  const applied = await applySourcePacks(db, items, { keepSettings: true });
  return applied.map((result, i) => ({ ...result, entityCount: items[i]!.pack.entities.length }));
}

/** The pack in a built-in file, or an error in plain words: validated, or checked for shape only (see BuiltinImportOptions). */
export function builtinPackOf(json: unknown, entry: BuiltinPackEntry, opts: BuiltinImportOptions = {}): Pack {
  return opts.builtByCatalogue ? catalogueFile(json, entry) : validBuiltinPack(json, entry);
}

function validBuiltinPack(json: unknown, entry: BuiltinPackEntry): Pack {
  const result = validatePack(json);
  if (result.ok) return result.pack;
  const first = result.problems[0];
  throw new Error(
    `The built-in pack ${entry.short} is invalid (${result.problems.length} problems; first: ${first?.path}: ${first?.message})`,
  );
}

/** The shape a file of the catalogue must have to be imported unvalidated: its own id, a version, entities with ids. */
function catalogueFile(json: unknown, entry: BuiltinPackEntry): Pack {
  const pack = json as Partial<Pack> | null;
  const fits =
    typeof pack === 'object' &&
    pack !== null &&
    pack.id === entry.packId &&
    typeof pack.version === 'string' &&
    typeof pack.name === 'string' &&
    Array.isArray(pack.entities) &&
    pack.entities.every((e) => typeof e?.id === 'string' && typeof e.name === 'string');
  if (!fits)
    throw new Error(
      `The built-in pack file ${builtinPackFile(entry)} is not the pack ${entry.packId} that the catalogue builds.`,
    );
  return pack as Pack;
}

/** Whether a stored built-in pack is missing or older than the embedded one. */
export async function builtinNeedsImport(
  db: GlossDb,
  embeddedVersion: string,
  sourceId: string = BUILTIN_SOURCE_ID,
): Promise<boolean> {
  const source = await db.sources.get(sourceId);
  return !source || source.version !== embeddedVersion;
}

/**
 * builtinNeedsImport for several packs in one read: a cold worker checks the whole catalogue before its
 * matcher is ready, and one request per pack, one after another, was a round trip each in that wait.
 */
export async function builtinsNeedingImport(
  db: GlossDb,
  packs: readonly { sourceId: string; version: string }[],
): Promise<boolean[]> {
  const stored = await db.sources.bulkGet(packs.map((p) => p.sourceId));
  return packs.map((p, i) => stored[i]?.version !== p.version);
}
