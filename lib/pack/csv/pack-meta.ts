/** The pack around the rows: its name, licence and dates as the importer was given them. */
import type { Entity } from '../types';
import { LIMITS } from '../validate';

export interface CsvPackMeta {
  id: string;
  name: string;
  license: string;
  attribution: string;
  asOf: string;
  homepage?: string;
  /** Defaults to `asOf`, so a re-import of fresher facts reads as a newer version. */
  version?: string;
  description?: string;
}

// validate.ts scans over-long text with a slow regular expression before rejecting it, so these are
// measured here and replaced by a placeholder on the way in.
const META_TEXT: Array<[keyof CsvPackMeta, number]> = [
  ['name', LIMITS.name],
  ['license', LIMITS.label],
  ['attribution', LIMITS.description],
  ['version', 50],
  ['description', LIMITS.description],
];

export const META_MAX: Partial<Record<keyof CsvPackMeta, number>> = Object.fromEntries(META_TEXT);

export function overlongMeta(meta: CsvPackMeta): Array<keyof CsvPackMeta> {
  return META_TEXT.filter(([k, max]) => {
    const value: unknown = meta?.[k];
    return typeof value === 'string' && value.length > max;
  }).map(([k]) => k);
}

export function buildPack(meta: CsvPackMeta, overlong: Array<keyof CsvPackMeta>, entities: Entity[]): unknown {
  const m: Partial<CsvPackMeta> = meta ?? {};
  const get = (k: keyof CsvPackMeta) => (overlong.includes(k) ? 'x' : m[k]);
  return {
    format: 1,
    id: m.id,
    name: get('name'),
    version: get('version') ?? m.asOf,
    license: get('license'),
    attribution: get('attribution'),
    ...(m.homepage !== undefined && { homepage: m.homepage }),
    ...(m.description !== undefined && { description: get('description') }),
    asOf: m.asOf,
    entities,
  };
}
