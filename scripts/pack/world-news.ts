/**
 * The entities of the core pack "World news": countries and territories (i18n-iso-countries +
 * data/countries.json), heads of state and government (data/leaders/ + hand corrections), ministers and
 * officials (data/ministers/, scripts/pack/ministers.ts) and the
 * hand-written entities of data/curated/*.json, which win where they share an id with a generated entity.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../lib/pack/types';
import { buildCountries, type CountryRef } from './countries';
import { buildLeaders, readCuratedLeaderRows, readLeaderRows, withRolesDescribed } from './leaders';
import { canonical, mergeEntity } from './merge';
import { buildMinisters } from './ministers';
import { buildParties } from './parties';
import { addWikipediaLinks, readSitelinks, withCuratedPages } from './wikipedia-links';

interface DemonymsFile {
  countries: Record<string, { country: string; demonyms: string[] }>;
}

export interface WorldNewsBuild {
  entities: Entity[];
  /** Open-ended leader roles closed by the start of a successor in the data. */
  supersededRoles: string[];
}

export function buildWorldNews(root: string, asOf: string): WorldNewsBuild {
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
  // A minister who is also a head of state or government keeps one entity: the leader's text wins, unless
  // the leader's offices have all ended (a former prime minister now in another office).
  for (const e of buildMinisters(root, asOf)) {
    const leader = byId.get(e.id);
    if (!leader) byId.set(e.id, e);
    else if (leader.roles?.some((r) => r.to === undefined)) byId.set(e.id, mergeEntity(e, leader));
    else byId.set(e.id, withRolesDescribed(mergeEntity(e, leader)));
  }
  const curatedDir = join(root, 'data/curated');
  const curatedIds = new Set<string>();
  for (const file of readdirSync(curatedDir)
    // summaries.json is not entities: scripts/pack/summaries.ts applies it over all packs.
    .filter((f) => f.endsWith('.json') && f !== 'summaries.json')
    .sort()) {
    for (const e of JSON.parse(readFileSync(join(curatedDir, file), 'utf8')) as Entity[]) {
      if (curatedIds.has(e.id)) throw new Error(`data/curated: id ${e.id} is written twice`);
      curatedIds.add(e.id);
      const generated = byId.get(e.id);
      byId.set(e.id, generated ? mergeEntity(generated, e) : canonical(e));
    }
  }
  // Generated parties never share an id with a curated entity (their ids are Party Facts numbers); their
  // names and acronyms are settled against every pack in catalogue.ts.
  const demonyms = (JSON.parse(readFileSync(join(root, 'data/demonyms.json'), 'utf8')) as DemonymsFile).countries;
  const countryWords = (code: string): string[] => {
    const d = demonyms[code];
    return d ? [d.country, ...d.demonyms] : [];
  };
  for (const e of buildParties(root, (code) => countries.entityIdOfCode(code), countryWords)) byId.set(e.id, e);
  const linked = addWikipediaLinks(withCuratedPages(root, [...byId.values()]), readSitelinks(root));
  return { entities: linked.entities, supersededRoles: leaders.superseded };
}
