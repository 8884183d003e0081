/**
 * Builds the embedded default pack from the inputs in data/ (see data/README.md): countries and territories
 * (i18n-iso-countries + data/countries.json), heads of state and government (data/leaders/*.csv + hand
 * corrections) and the hand-written entities of data/curated/*.json, which win where they share an id with a
 * generated entity. Deterministic: the same inputs give the same bytes, so CI can check that the committed
 * pack is up to date (`npm run pack:build -- --check`).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validatePack } from '../lib/pack/validate';
import type { Entity, Pack, PackMeta } from '../lib/pack/types';
import { buildCountries, type CountryRef } from './pack/countries';
import { buildLeaders, readCuratedLeaderRows, readLeaderRows } from './pack/leaders';
import { buildMinisters } from './pack/ministers';
import { aliasCollisions, canonical, dropCollidingForeignAliases, mergeEntity } from './pack/merge';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const packPath = join(root, 'assets/packs/world-news.json');
export const collisionsPath = join(root, 'data/alias-collisions.json');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export interface BuildReport {
  pack: Pack;
  /** Non-English country names dropped because another entity has the same alias. */
  droppedForeignAliases: string[];
  /** Open-ended leader roles closed by the start of a successor in the data. */
  supersededRoles: string[];
}

export function buildDefaultPackWithReport(): BuildReport {
  const meta = readJson<PackMeta>(join(root, 'data/pack-meta.json'));

  const rows = [...readLeaderRows(root), ...readCuratedLeaderRows(root).rows];
  const refs = new Map<string, CountryRef>();
  for (const r of rows)
    if (r.country !== '' && !refs.has(r.countryid)) refs.set(r.countryid, { countryid: r.countryid, country: r.country });
  const countries = buildCountries(root, [...refs.values()]);
  const leaders = buildLeaders(root, rows, (ref) => countries.entityIdFor(ref));

  const byId = new Map<string, Entity>();
  for (const e of [...countries.entities, ...leaders.entities]) {
    if (byId.has(e.id)) throw new Error(`generated id ${e.id} twice`);
    byId.set(e.id, e);
  }
  // A minister who is also a head of state or government keeps one entity: the leader's text wins.
  for (const e of buildMinisters(root, meta.asOf)) {
    const leader = byId.get(e.id);
    byId.set(e.id, leader ? mergeEntity(e, leader) : e);
  }
  const curatedDir = join(root, 'data/curated');
  const curatedIds = new Set<string>();
  for (const file of readdirSync(curatedDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    for (const e of readJson<Entity[]>(join(curatedDir, file))) {
      if (curatedIds.has(e.id)) throw new Error(`data/curated: id ${e.id} is written twice`);
      curatedIds.add(e.id);
      const generated = byId.get(e.id);
      byId.set(e.id, generated ? mergeEntity(generated, e) : canonical(e));
    }
  }

  const entities = [...byId.values()].map(canonical);
  const droppedForeignAliases = dropCollidingForeignAliases(entities);
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { pack: { ...meta, entities }, droppedForeignAliases, supersededRoles: leaders.superseded };
}

export function buildDefaultPack(): Pack {
  return buildDefaultPackWithReport().pack;
}

/** The committed form of a pack. */
export function serializePack(pack: Pack): string {
  return JSON.stringify(pack, null, 1) + '\n';
}

/** Alias collisions (folded alias → entity ids) that data/alias-collisions.json does not list. */
export function unlistedCollisions(pack: Pack): Map<string, string[]> {
  const listed = readJson<Record<string, string[]>>(collisionsPath);
  const out = new Map<string, string[]>();
  for (const [alias, ids] of aliasCollisions(pack.entities)) {
    const allowed = listed[alias];
    if (!allowed || ids.some((id) => !allowed.includes(id))) out.set(alias, ids);
  }
  return out;
}

function main(): void {
  const { pack, droppedForeignAliases, supersededRoles } = buildDefaultPackWithReport();
  const result = validatePack(pack);
  if (!result.ok) {
    for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
    process.exit(1);
  }
  const text = serializePack(pack);
  if (process.argv.includes('--check')) {
    if (readFileSync(packPath, 'utf8') !== text) {
      console.error('assets/packs/world-news.json is out of date: run npm run pack:build');
      process.exit(1);
    }
  } else writeFileSync(packPath, text);
  if (process.argv.includes('--verbose')) {
    console.log(
      `Dropped ${droppedForeignAliases.length} non-English aliases that another entity shares:\n  ${droppedForeignAliases.join('\n  ')}`,
    );
    console.log(`Closed ${supersededRoles.length} open-ended roles at a successor's start:\n  ${supersededRoles.join('\n  ')}`);
  }
  const unlisted = unlistedCollisions(pack);
  if (unlisted.size > 0) {
    console.warn(`${unlisted.size} alias collisions not listed in data/alias-collisions.json:`);
    for (const [alias, ids] of unlisted) console.warn(`  "${alias}": ${ids.join(', ')}`);
  }
  const byKind = new Map<string, number>();
  for (const e of pack.entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  console.log(`World news pack: ${pack.entities.length} entities, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`);
  console.log(
    [...byKind]
      .sort()
      .map(([k, n]) => `  ${k}: ${n}`)
      .join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
