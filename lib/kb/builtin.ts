import { validatePack } from '../pack/validate';
import type { GlossDb } from './db';
import { applySourcePack, type ApplyResult } from './apply-pack';

export const BUILTIN_SOURCE_ID = 'builtin';

/**
 * Imports the embedded pack; refuses it whole, changing nothing, if it does not validate. The user's
 * choices for the built-in source (turned off, ranked below another pack) survive the re-import that
 * every extension update does.
 */
export async function importBuiltinPack(db: GlossDb, json: unknown): Promise<number> {
  return (await importBuiltinPackWithResult(db, json)).entityCount;
}

export async function importBuiltinPackWithResult(db: GlossDb, json: unknown): Promise<ApplyResult & { entityCount: number }> {
  const result = validatePack(json);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(
      `The built-in pack is invalid (${result.problems.length} problems; first: ${first?.path}: ${first?.message})`,
    );
  }
  const now = Date.now();
  const applied = await applySourcePack(
    db,
    {
      id: BUILTIN_SOURCE_ID,
      kind: 'builtin',
      name: result.pack.name,
      enabled: true,
      priority: 0,
      lastAttempt: now,
      lastSuccess: now,
      lastResult: 'Imported from the copy that ships with Gloss.',
    },
    result.pack,
    { keepSettings: true },
  );
  return { ...applied, entityCount: result.pack.entities.length };
}

/** Whether the stored built-in pack is missing or older than the embedded one. */
export async function builtinNeedsImport(db: GlossDb, embeddedVersion: string): Promise<boolean> {
  const source = await db.sources.get(BUILTIN_SOURCE_ID);
  return !source || source.version !== embeddedVersion;
}
