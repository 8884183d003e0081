/**
 * The catalogue of built-in packs: each pack of lib/pack/builtin-packs.ts with the function that builds its
 * entities from data/. The metadata of a pack (name, version, licence, attribution, asOf, description) is in
 * data/<short>/pack-meta.json. To add a generator, register it in BUILDERS below (one line).
 *
 * The packs are built together because they are used together: one real-world entity has one id and lives
 * in one pack only (the build fails otherwise), and non-English aliases that collide are dropped over the
 * union of all packs. A pack may be empty while its data is being written: the build writes the file (so
 * that `--check` and the extension's version imports work) and the extension does not import it
 * (entrypoints/background/knowledge.ts), so the options page never lists an empty pack.
 *
 * Deterministic: the same inputs give the same bytes. A pack's `version` is data/<short>/pack-meta.json's
 * version plus a hash of the pack's content, so an extension update re-imports exactly the packs that changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { BUILTIN_PACKS, type BuiltinPackEntry } from '../../lib/pack/builtin-packs';
import type { Entity, Pack, PackMeta } from '../../lib/pack/types';
import { validatePack } from '../../lib/pack/validate';
import { addTitleCaseAcronyms } from './acronym-forms';
import { addCityNames, readCityNamesConfig } from './city-names-cldr';
import { canonical, dropCollidingForeignAliases } from './merge';
import { addNamesInLanguages, readNamesInLanguages } from './names-in-languages';
import { buildBusinessMedia } from './business-media';
import { settlePartyCollisions } from './parties';
import { applySummaries } from './summaries';
import { buildUsGovernment } from './us-government';
import { buildWorldNews } from './world-news';
import { buildWorldPlaces } from './world-places';

export const root = fileURLToPath(new URL('../..', import.meta.url));

interface CatalogueEntry extends BuiltinPackEntry {
  /** The pack's entities, in any order; the catalogue puts them in canonical form and sorts them. */
  build: Builder;
}

/** Builds a pack's entities from the inputs under `root`; `meta` is the pack's data/<short>/pack-meta.json. */
type Builder = (root: string, meta: PackMeta) => Entity[];

/** The builder of each pack, by short name. */
const BUILDERS: Record<string, Builder> = {
  'world-news': (r, meta) => buildWorldNews(r, meta.asOf).entities,
  'us-government': (r) => buildUsGovernment(r),
  'world-places': (r) => buildWorldPlaces(r),
  'business-media': (r) => buildBusinessMedia(r),
};

const CATALOGUE: readonly CatalogueEntry[] = BUILTIN_PACKS.map((entry) => {
  const build = BUILDERS[entry.short];
  if (!build) throw new Error(`scripts/pack/catalogue.ts: no builder for the pack "${entry.short}"`);
  return { ...entry, build };
});

export const packPathOf = (entry: BuiltinPackEntry): string => join(root, 'assets/packs', `${entry.short}.json`);

interface BuiltPack {
  entry: CatalogueEntry;
  pack: Pack;
}

export interface CatalogueBuild {
  packs: BuiltPack[];
  /** Non-English names dropped because another entity (in any pack) has the same alias. */
  droppedForeignAliases: string[];
}

const byId = (a: Entity, b: Entity): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The committed form of a pack. */
export function serializePack(pack: Pack): string {
  return JSON.stringify(pack, null, 1) + '\n';
}

function readMeta(entry: BuiltinPackEntry, rootDir: string): PackMeta {
  const path = join(rootDir, 'data', entry.short, 'pack-meta.json');
  const meta = JSON.parse(readFileSync(path, 'utf8')) as PackMeta;
  if (meta.id !== entry.packId) throw new Error(`${path}: id is "${meta.id}", the catalogue expects "${entry.packId}"`);
  return meta;
}

/** Builds every pack of the catalogue from data/ under `rootDir`. Throws if an id is in two packs. */
export function buildCatalogue(rootDir = root): CatalogueBuild {
  const owner = new Map<string, string>();
  const built = CATALOGUE.map((entry) => {
    const meta = readMeta(entry, rootDir);
    const entities = entry.build(rootDir, meta).map(canonical);
    for (const e of entities) {
      const other = owner.get(e.id);
      if (other !== undefined) {
        throw new Error(
          other === entry.short
            ? `pack ${entry.short}: id ${e.id} twice`
            : `id ${e.id} is in the packs ${other} and ${entry.short}: one entity lives in one pack (reference it with related)`,
        );
      }
      owner.set(e.id, entry.short);
    }
    return { entry, meta, entities };
  });
  const summarised = applySummaries(
    rootDir,
    built.map((b) => b.entities),
  );
  built.forEach((b, i) => (b.entities = summarised[i]!));
  settlePartyCollisions(built.map((b) => b.entities));
  addTitleCaseAcronyms(built.flatMap((b) => b.entities));
  addCityNames(
    built.flatMap((b) => b.entities),
    readCityNamesConfig(rootDir),
  );
  addNamesInLanguages(
    built.flatMap((b) => b.entities),
    readNamesInLanguages(rootDir),
  );
  const droppedForeignAliases = dropCollidingForeignAliases(built.flatMap((b) => b.entities));
  const packs = built.map(({ entry, meta, entities }) => {
    entities.sort(byId);
    const content = serializePack({ ...meta, entities });
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
    const pack = { ...meta, version: `${meta.version}+${hash}`, entities };
    mustPassValidationUnchanged(pack);
    return { entry, pack };
  });
  return { packs, droppedForeignAliases };
}

/**
 * The extension imports its built-in packs without validating them again (lib/kb/builtin.ts), so a pack is
 * built only if validation accepts it exactly as it is: no problem, and nothing trimmed or dropped.
 */
export function mustPassValidationUnchanged(pack: Pack): void {
  const result = validatePack(pack);
  if (!result.ok) {
    const first = result.problems[0];
    throw new Error(
      `pack ${pack.id} does not validate (${result.problems.length} problems; first: ${first?.path}: ${first?.message})`,
    );
  }
  if (!isDeepStrictEqual(result.pack, pack)) {
    const i = pack.entities.findIndex((e, k) => !isDeepStrictEqual(result.pack.entities[k], e));
    throw new Error(
      `pack ${pack.id}: validation changes ${i >= 0 ? `the entity ${pack.entities[i]!.id}` : 'its metadata'}; fix the data`,
    );
  }
}

/** The entities of every pack turned on at install. */
export function defaultSetEntities(packs: readonly Pack[]): Entity[] {
  const on = new Set(BUILTIN_PACKS.filter((p) => p.defaultOn).map((p) => p.packId));
  return packs.filter((p) => on.has(p.id)).flatMap((p) => p.entities);
}
