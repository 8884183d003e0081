import { BUILTIN_PACKS, type BuiltinPackEntry } from '../pack/builtin-packs';
import { validatePack } from '../pack/validate';
import type { GlossDb } from './db';
import { applySourcePack, type ApplyResult } from './apply-pack';

/** The source id of the core pack, World news (the only built-in pack before the catalogue). */
export const BUILTIN_SOURCE_ID = BUILTIN_PACKS[0]!.sourceId;

/**
 * Imports the embedded pack; refuses it whole, changing nothing, if it does not validate. The user's
 * choices for the built-in source (turned off, ranked below another pack) survive the re-import that
 * every extension update does.
 */
export async function importBuiltinPack(db: GlossDb, json: unknown, entry?: BuiltinPackEntry): Promise<number> {
  return (await importBuiltinPackWithResult(db, json, entry)).entityCount;
}

/**
 * Imports one pack of the catalogue (World news when `entry` is not given) as a source of its own. At its
 * first import a pack is on if it belongs to the default set, ranked in catalogue order.
 */
export async function importBuiltinPackWithResult(
  db: GlossDb,
  json: unknown,
  entry: BuiltinPackEntry = BUILTIN_PACKS[0]!,
): Promise<ApplyResult & { entityCount: number }> {
  const result = validatePack(json);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(
      `The built-in pack ${entry.short} is invalid (${result.problems.length} problems; first: ${first?.path}: ${first?.message})`,
    );
  }
  const now = Date.now();
  const applied = await applySourcePack(
    db,
    {
      id: entry.sourceId,
      kind: 'builtin',
      name: result.pack.name,
      enabled: entry.defaultOn,
      priority: Math.max(0, BUILTIN_PACKS.indexOf(entry)),
      lastAttempt: now,
      lastSuccess: now,
      status: { code: 'builtin-imported' },
    },
    result.pack,
    { keepSettings: true },
  );
  return { ...applied, entityCount: result.pack.entities.length };
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
