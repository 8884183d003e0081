import { foldText, foldWords } from '../core/fold';
import type { GlossDb, StoredEntity } from './db';

/**
 * Prefix search over names and aliases, case- and diacritic-insensitive. The last word of the query
 * is a prefix; the others must be whole words of the same entity.
 */
export async function searchEntities(db: GlossDb, query: string, limit = 20): Promise<StoredEntity[]> {
  const words = foldWords(query);
  const last = words.at(-1);
  if (!last) return [];
  const whole = foldText(query);
  const hits = await db.entities.where('searchKeys').startsWith(last).limit(500).toArray();
  const seen = new Set<string>();
  const matches = hits.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return words.slice(0, -1).every((w) => e.searchKeys.includes(w));
  });
  const score = (e: StoredEntity) =>
    (e.searchKeys.includes(whole) ? 2 : 0) + (foldText(e.name).startsWith(whole) ? 1 : 0) + (e.prior ?? 0.5);
  return matches.sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name)).slice(0, limit);
}
