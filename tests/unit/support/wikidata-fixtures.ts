import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wikidataEntityToPackEntity } from '../../../lib/pack/import-wikidata';
import type { Entity } from '../../../lib/pack/types';

/** Wikidata API responses for the import tests (from ../shared/data, never shipped) and small helpers around them. */

const DATA = join(process.env.GLOSS_SHARED_DATA ?? '/work/shared/data', 'wikidata');
const haveData = existsSync(DATA);
// Real API responses are not ours to ship, so without them these tests report a skip and pass.
export const skipped = () => {
  if (!haveData) console.log('skipped: shared data absent');
  return !haveData;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are edited in place; their shape is Wikidata's, not ours
export type Json = any;
export const fixture = (file: string): Json => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

export function entityOf(raw: unknown, opts?: Parameters<typeof wikidataEntityToPackEntity>[1]): Entity {
  const result = wikidataEntityToPackEntity(raw, opts);
  if (!result.ok) throw new Error(`expected ok, got: ${result.problem}`);
  return result.entity;
}

export const packWith = (entity: Entity) => ({
  format: 1,
  id: 't',
  name: 't',
  version: '1',
  license: 'CC0',
  attribution: 't',
  asOf: '2025',
  entities: [entity],
});
