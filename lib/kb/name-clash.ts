import { foldText } from '../core/fold';
import type { GlossDb } from './db';
import { PERSONAL_SOURCE_ID } from './personal';
import { searchEntities } from './search';

export interface NameClash {
  id: string;
  name: string;
  kind: string;
  sourceName: string;
}

/**
 * Entities from the reader's sources (not their own) that a new entity's name would share: written
 * as that name or one of its other names. Found through the search index, so it costs one search.
 */
export async function entitiesNamed(db: GlossDb, name: string, exceptId?: string): Promise<NameClash[]> {
  const folded = foldText(name);
  if (folded.length < 2) return [];
  const found = await searchEntities(db, name, 20);
  const same = found.filter(
    (e) =>
      e.id !== exceptId &&
      e.sourceIds.some((s) => s !== PERSONAL_SOURCE_ID) &&
      [e.name, ...(e.alternateName ?? []).map((a) => a.text)].some((n) => foldText(n) === folded),
  );
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s.name]));
  return same.slice(0, 3).map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    sourceName: sources.get(e.sourceIds.find((s) => s !== PERSONAL_SOURCE_ID) ?? '') ?? '',
  }));
}
