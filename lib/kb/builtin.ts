import { validatePack } from '../pack/validate';
import type { GlossDb } from './db';
import { applyPack } from './apply-pack';

export const BUILTIN_SOURCE_ID = 'builtin';

/** Imports the embedded pack; refuses it whole, changing nothing, if it does not validate. */
export async function importBuiltinPack(db: GlossDb, json: unknown): Promise<number> {
  const result = validatePack(json);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(
      `The built-in pack is invalid (${result.problems.length} problems; first: ${first?.path}: ${first?.message})`,
    );
  }
  await applyPack(
    db,
    {
      id: BUILTIN_SOURCE_ID,
      kind: 'builtin',
      name: result.pack.name,
      enabled: true,
      priority: 0,
      lastAttempt: Date.now(),
      lastSuccess: Date.now(),
    },
    result.pack,
  );
  return result.pack.entities.length;
}

/** Whether the stored built-in pack is missing or older than the embedded one. */
export async function builtinNeedsImport(db: GlossDb, embeddedVersion: string): Promise<boolean> {
  const source = await db.sources.get(BUILTIN_SOURCE_ID);
  return !source || source.version !== embeddedVersion;
}
