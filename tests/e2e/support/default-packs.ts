import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_PACKS } from '../../../lib/pack/builtin-packs';
import { ROOT } from './paths';

/** The built-in World news pack as committed. */
export const BUILTIN = JSON.parse(readFileSync(join(ROOT, 'assets/packs/world-news.json'), 'utf8')) as {
  version: string;
  entities: { id: string }[];
};
/** The default set, pack by pack: each built-in pack is imported as a source of its own, in its own write. */
export const DEFAULT_SET = BUILTIN_PACKS.filter((p) => p.defaultOn).map((p) => {
  const pack = JSON.parse(readFileSync(join(ROOT, `assets/packs/${p.short}.json`), 'utf8')) as typeof BUILTIN;
  return { sourceId: p.sourceId, version: pack.version, ids: pack.entities.map((e) => e.id) };
});
export const DEFAULT_IDS = DEFAULT_SET.flatMap((p) => p.ids).sort();
