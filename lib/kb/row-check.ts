import { ENTITY_KINDS } from '../pack/types';
import { bucketOf, parseWholeRow, WHOLE_SOURCE } from './bucket-of';
import type { GlossDb } from './db';

/**
 * Structural checks of stored rows: not the full pack rules (every write already passed those), just
 * what the code reading a row relies on, so a row damaged on disk is found before it breaks a card,
 * the matcher or the options page.
 */

const KINDS = new Set<string>(ENTITY_KINDS);
const SOURCE_KINDS = new Set(['builtin', 'pack-url', 'csv-url', 'wikidata', 'personal']);

const isText = (x: unknown): x is string => typeof x === 'string';
const isTextList = (x: unknown) => Array.isArray(x) && x.every(isText);
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** What is wrong with an entity as packs give it, or null. */
function packEntityProblem(e: unknown): string | null {
  if (!isObject(e)) return 'not an object';
  if (!isText(e.id) || e.id === '') return 'no id';
  if (!isText(e.name) || e.name.trim() === '') return 'no name';
  if (!KINDS.has(e.kind as string)) return 'no known kind';
  if (!isText(e.description)) return 'no description';
  if (!isTextList(e.sources)) return 'sources is not a list of links';
  if (
    e.alternateName !== undefined &&
    !(Array.isArray(e.alternateName) && e.alternateName.every((a) => isObject(a) && isText(a.text)))
  )
    return 'malformed other names';
  if (e.roles !== undefined && !(Array.isArray(e.roles) && e.roles.every((r) => isObject(r) && isText(r.label))))
    return 'malformed roles';
  return null;
}

/** What is wrong with a stored (merged) entity, or null. */
export function storedEntityProblem(e: unknown): string | null {
  const base = packEntityProblem(e);
  if (base) return base;
  const s = e as Record<string, unknown>;
  if (!isTextList(s.searchKeys)) return 'no search keys';
  if (!isTextList(s.sourceIds) || (s.sourceIds as string[]).length === 0) return 'no sources it came from';
  return null;
}

function variantBucketProblem(v: unknown): string | null {
  if (!isObject(v) || !isText(v.sourceId) || typeof v.bucket !== 'number') return 'no source or bucket';
  const whole = v.bucket === WHOLE_SOURCE;
  const entities = whole ? parseWholeRow(v.json) : v.entities;
  if (!Array.isArray(entities)) return whole ? 'the whole row is not a list of entities in JSON' : 'entities is not a list';
  for (const e of entities) {
    const entity = packEntityProblem(e);
    if (entity) return `entity: ${entity}`;
    // An entity in the wrong bucket would be invisible to every lookup by id.
    if (!whole && bucketOf((e as { id: string }).id) !== v.bucket)
      return `entity ${(e as { id: string }).id} is in the wrong bucket`;
  }
  return null;
}

function noteProblem(n: unknown): string | null {
  if (!isObject(n) || !isText(n.entityId)) return 'no entity id';
  if (!isText(n.text)) return 'text is not text';
  if (typeof n.updatedAt !== 'number' || !Number.isFinite(n.updatedAt)) return 'no time';
  return null;
}

function sourceProblem(s: unknown): string | null {
  if (!isObject(s) || !isText(s.id) || s.id === '') return 'no id';
  if (!SOURCE_KINDS.has(s.kind as string)) return 'no known kind';
  if (!isText(s.name)) return 'no name';
  if (typeof s.enabled !== 'boolean') return 'enabled is not true or false';
  if (typeof s.priority !== 'number' || !Number.isFinite(s.priority)) return 'no rank';
  if (s.url !== undefined && !isText(s.url)) return 'address is not text';
  return null;
}

export interface RowProblem {
  table: string;
  key: string;
  what: string;
}

const CHECKS: [table: 'sources' | 'variantBuckets' | 'entities' | 'notes', check: (row: unknown) => string | null][] = [
  ['sources', sourceProblem],
  ['variantBuckets', variantBucketProblem],
  ['entities', storedEntityProblem],
  ['notes', noteProblem],
];

/** Reads every row of the tables the code relies on; returns the first `limit` problems and the rows read. */
export async function checkRows(db: GlossDb, limit = 20): Promise<{ problems: RowProblem[]; rows: number }> {
  const problems: RowProblem[] = [];
  let rows = 0;
  for (const [table, check] of CHECKS) {
    await db.table(table).each((row: unknown, cursor) => {
      rows++;
      const what = check(row);
      if (what && problems.length < limit) problems.push({ table, key: JSON.stringify(cursor.primaryKey), what });
    });
  }
  return { problems, rows };
}

export const describeRowProblems = (problems: readonly RowProblem[]) =>
  problems
    .slice(0, 3)
    .map((p) => `${p.table} ${p.key}: ${p.what}`)
    .join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
