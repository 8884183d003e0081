/**
 * `npm run pack:build`: builds every pack of the catalogue (scripts/pack/catalogue.ts) from the inputs in
 * data/ (see data/README.md) and writes assets/packs/<short>.json. `-- --check` writes nothing and fails if a
 * committed pack differs from what the inputs give, byte for byte. `-- --verbose` also prints the non-English
 * aliases dropped for colliding and the leader roles closed by a successor's start. Prints each pack's
 * entity counts by kind (the README's table).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_PACKS } from '../lib/pack/builtin-packs';
import type { Entity, Pack } from '../lib/pack/types';
import { validatePack } from '../lib/pack/validate';
import { buildCatalogue, defaultSetEntities, packPathOf, root, serializePack } from './pack/catalogue';
import { aliasCollisions } from './pack/merge';
import { countsBlock, withCounts } from './pack/readme-counts';
import { buildWorldNews } from './pack/world-news';

/** The repository's root (re-exported for tests written before the catalogue). */
export { root };
export const collisionsPath = join(root, 'data/alias-collisions.json');
/** The core pack, World news (the only built-in pack before the catalogue). */
export const packPath = packPathOf(BUILTIN_PACKS[0]!);

/** Alias collisions (folded alias → entity ids) over the given entities that data/alias-collisions.json does not list. */
export function unlistedCollisions(entities: readonly Entity[]): Map<string, string[]> {
  const listed = JSON.parse(readFileSync(collisionsPath, 'utf8')) as Record<string, string[]>;
  const out = new Map<string, string[]>();
  for (const [alias, ids] of aliasCollisions(entities)) {
    const allowed = listed[alias];
    if (!allowed || ids.some((id) => !allowed.includes(id))) out.set(alias, ids);
  }
  return out;
}

/** "World news: 1,036 entities, 688.8 KiB" and one line per kind. */
export function describeCounts(pack: Pack, bytes: number): string {
  const byKind = new Map<string, number>();
  for (const e of pack.entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const withRoles = pack.entities.filter((e) => e.kind === 'person' && (e.roles?.length ?? 0) > 0).length;
  return [
    `${pack.name} (${pack.id}): ${pack.entities.length.toLocaleString('en')} entities, ${(bytes / 1024).toFixed(1)} KiB; ${withRoles} people with dated roles`,
    ...[...byKind].sort().map(([k, n]) => `  ${k}: ${n}`),
  ].join('\n');
}

function main(): void {
  const check = process.argv.includes('--check');
  const { packs, droppedForeignAliases } = buildCatalogue();
  let failed = false;
  for (const { entry, pack } of packs) {
    const result = validatePack(pack);
    if (!result.ok) {
      for (const p of result.problems) console.error(`${entry.short}: ${p.path}: ${p.message}`);
      failed = true;
      continue;
    }
    const path = packPathOf(entry);
    const text = serializePack(pack);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
        console.error(`assets/packs/${entry.short}.json is out of date: run npm run pack:build`);
        failed = true;
      }
    } else writeFileSync(path, text);
    console.log(describeCounts(pack, Buffer.byteLength(text)));
    if (pack.entities.length === 0) console.log('  (empty: not imported by the extension)');
  }
  const all = defaultSetEntities(packs.map((p) => p.pack));
  const withRoles = all.filter((e) => e.kind === 'person' && (e.roles?.length ?? 0) > 0).length;
  console.log(
    `Default set: ${all.length.toLocaleString('en')} entities, ${withRoles.toLocaleString('en')} people with dated roles`,
  );
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const counted = withCounts(
    readme,
    countsBlock(
      packs.map(({ entry, pack }) => ({ pack, short: entry.short })),
      { entities: all.length, withRoles },
    ),
  );
  if (counted !== readme) {
    if (check) {
      console.error('README.md: the table of pack counts is out of date: run npm run pack:build');
      failed = true;
    } else writeFileSync(readmePath, counted);
  }
  if (process.argv.includes('--verbose')) {
    const { supersededRoles } = buildWorldNews(root, packs[0]!.pack.asOf);
    console.log(
      `Dropped ${droppedForeignAliases.length} non-English aliases that another entity shares:\n  ${droppedForeignAliases.join('\n  ')}`,
    );
    console.log(`Closed ${supersededRoles.length} open-ended roles at a successor's start:\n  ${supersededRoles.join('\n  ')}`);
  }
  const unlisted = unlistedCollisions(all);
  if (unlisted.size > 0) {
    console.warn(`${unlisted.size} alias collisions not listed in data/alias-collisions.json:`);
    for (const [alias, ids] of unlisted) console.warn(`  "${alias}": ${ids.join(', ')}`);
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
