/**
 * The "United States government" built-in pack (gloss-us-government): every member of Congress on the pack's
 * date, the presidents and vice presidents, cabinet members and senior officials with their predecessors, and
 * the institutions news names that the World news pack does not already have. Inputs and their licences are
 * in data/us-government/ (see data/README.md).
 *
 * One real-world entity has one id across the built-in packs: people and institutions that World news already
 * describes (Donald Trump, the Senate, the FBI…) are not repeated here; `elsewhere` in officials.json lists the
 * people, and the build checks institutions against nothing but this pack's own ids (the catalogue checks the
 * union).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatedFact, Entity, PackMeta } from '../../lib/pack/types';
import { bioguideUrl, PARTY_ADJECTIVE, personEntity, readPeople, wikidataUrl, wikipediaUrl, type Person } from './us-congress';
import { buildAdministrations } from './us-administrations';
import { buildCommittees } from './us-committees';
import { officialRoles, readBio, readHoldings, type BioRow, type OfficialsFile } from './us-officials';

const DIR = 'data/us-government';
const EXECUTIVE_SOURCE = 'https://github.com/unitedstates/congress-legislators/blob/main/executive.yaml';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** A member's roles are sourced from the biographical directory; a president's from the executive file. */
function roleSourceOf(p: Person): string {
  return p.terms.some((t) => t.type === 'sen' || t.type === 'rep') && p.id.bioguide
    ? bioguideUrl(p.id.bioguide)
    : EXECUTIVE_SOURCE;
}

/** Party of each member and president, from their latest term: the description names it. */
const partyOf = new Map<string, string>();

/**
 * The entity id of each party as the congress-legislators files name it ("Democrat" → wd:Q29552), from the
 * Wikidata ids of parties.wikidata.json. Parties without an entry (Independent) relate to nothing.
 */
function readParties(dir: string): Map<string, string> {
  const file = readJson<Record<string, { wikidata: string; label: string }>>(join(dir, 'parties.wikidata.json'));
  const out = new Map<string, string>();
  for (const [key, party] of Object.entries(file)) {
    if (!/^Q[1-9]\d*$/.test(party.wikidata)) throw new Error(`parties.wikidata.json: ${key} has no Wikidata id`);
    out.set(key.charAt(0).toUpperCase() + key.slice(1), `wd:${party.wikidata}`);
  }
  return out;
}

/** Adds `extra` roles to an entity and rewrites its description from the role that leads. */
function withRoles(e: Entity, extra: readonly DatedFact[]): Entity {
  const roles = [...(e.roles ?? [])];
  for (const r of extra) {
    if (!roles.some((x) => x.label === r.label && x.from === r.from)) roles.push(r);
  }
  roles.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0));
  return { ...e, roles, description: describeRoles(roles, partyOf.get(e.id)) };
}

function when(r: DatedFact): string {
  const from = (r.from ?? '').slice(0, 4);
  if (!r.to) return from ? `since ${from}` : '';
  return from === r.to.slice(0, 4) ? from : `${from}–${r.to.slice(0, 4)}`;
}

/**
 * "United States Secretary of State since 2025. Earlier: U.S. Senator for Florida 2011–2025." The lead role is
 * the latest current one, else the latest; other roles still held follow as "Also", then at most three
 * earlier roles.
 */
export function describeRoles(roles: readonly DatedFact[], party?: string): string {
  const current = roles.filter((r) => !r.to);
  const lead = (current.length > 0 ? current : roles).at(-1);
  if (!lead) throw new Error('describeRoles: no role');
  const elected = (r: DatedFact) => /^(U\.S\. |President of|Vice President of)/.test(r.label);
  const text = (r: DatedFact) =>
    `${r.label.replace(/^U\.S\. /, '')}${party && elected(r) ? ` (${party})` : ''} ${when(r)}`.trim();
  const others = roles.filter((r) => r !== lead).reverse();
  // A second role still held (Stephen Miller's two White House posts) is not an earlier one.
  const also = others.filter((r) => !r.to && lead.to === undefined).map(text);
  const earlier = others
    .filter((r) => r.to || lead.to !== undefined)
    .slice(0, 3)
    .map(text);
  return (
    `${text(lead)}.` +
    (also.length > 0 ? ` Also: ${also.join('; ')}.` : '') +
    (earlier.length > 0 ? ` Earlier: ${earlier.join('; ')}.` : '')
  );
}

/** A person known from a holders file only: name and Wikipedia page from Wikidata's sitelinks. */
function holderEntity(qid: string, bio: BioRow | undefined, roles: readonly DatedFact[]): Entity {
  if (!bio?.enwiki) throw new Error(`us-government: no name or Wikipedia title for ${qid} in bio.wikidata-2022-08.csv`);
  const name = bio.enwiki.replace(/\s*\([^)]*\)$/, '');
  const aliases = new Set<string>();
  if (bio.name && bio.name !== name) aliases.add(bio.name);
  // "Christopher A. Wray" is "Christopher Wray" in news.
  const plain = name.replace(/ (?:[A-Z]\. )+/g, ' ').replace(/, Jr\.$/, '');
  if (plain !== name) aliases.add(plain);
  const wikipedia = wikipediaUrl(bio.enwiki);
  return withRoles(
    {
      id: `wd:${qid}`,
      kind: 'person',
      name,
      alternateName: [...aliases].sort().map((text) => ({ text })),
      description: '',
      links: { wikipedia, wikidata: wikidataUrl(qid) },
      related: ['wd:Q30'],
      sources: [wikipedia, wikidataUrl(qid)],
    },
    roles,
  );
}

/**
 * Presidents and vice presidents whose last term ended on or after `since`, with the name news uses: the
 * executive file gives legal names ("James Earl Carter") and a Wikidata id only for the recent ones.
 */
function executivePeople(root: string, cfg: OfficialsFile['executive']): Person[] {
  const out: Person[] = [];
  for (const p of readPeople(root, 'executive.yaml')) {
    if (p.terms.every((t) => t.end <= cfg.since)) continue;
    const known = cfg.names[String(p.id.govtrack)];
    if (!p.id.wikidata && !known) throw new Error(`officials.json: executive.names has no entry for govtrack ${p.id.govtrack}`);
    if (!known) {
      out.push(p);
      continue;
    }
    const { qid, name, wikipedia } = known;
    out.push({
      ...p,
      id: { ...p.id, ...(qid ? { wikidata: qid } : {}), wikipedia },
      name: { first: p.name.first, last: p.name.last, official_full: name },
    });
  }
  return out;
}

export function buildUsGovernment(root: string): Entity[] {
  const dir = join(root, DIR);
  const asOf = readJson<PackMeta>(join(dir, 'pack-meta.json')).asOf;
  const cfg = readJson<OfficialsFile>(join(dir, 'officials.json'));
  const byId = new Map<string, Entity>();
  partyOf.clear();
  const put = (e: Entity) => {
    if (e.id in cfg.elsewhere) return;
    const prior = byId.get(e.id);
    byId.set(e.id, prior ? withRoles(prior, e.roles ?? []) : e);
  };

  const executive = executivePeople(root, cfg.executive);
  const parties = readParties(dir);
  const people: Person[] = [
    ...readPeople(root, 'legislators-current.2025-02-03.yaml'),
    ...readPeople(root, 'legislators-historical.excerpt.yaml'),
    ...readPeople(root, 'legislators-former.yaml'),
    ...executive,
  ];
  for (const p of people) {
    if (!p.terms.some((t) => t.start <= asOf)) continue;
    const e = personEntity(p, asOf, roleSourceOf(p));
    const party = p.terms.filter((t) => t.start <= asOf).at(-1)?.party;
    if (party && PARTY_ADJECTIVE[party]) partyOf.set(e.id, PARTY_ADJECTIVE[party]);
    // The party of the latest term relates the person to the party's entity (World news has it).
    const partyId = party ? parties.get(party) : undefined;
    put(withRoles(partyId ? { ...e, related: [...(e.related ?? []), partyId] } : e, []));
  }

  const bio = readBio(dir);
  const roles = officialRoles(readHoldings(dir, cfg), cfg, asOf);
  const curated = new Map(cfg.people.map((p) => [p.id, p]));
  // People named in the news on the pack's date without an office yet (nominees awaiting the Senate).
  for (const p of cfg.people) if (!roles.has(p.id) && !byId.has(p.id)) roles.set(p.id, []);
  for (const [id, list] of roles) {
    if (id in cfg.elsewhere) continue;
    const known = byId.get(id);
    if (known) {
      byId.set(id, withRoles(known, list));
      continue;
    }
    const person = curated.get(id);
    if (person) {
      const wikipedia = wikipediaUrl(person.wikipedia);
      const links: Entity['links'] = { wikipedia };
      const sources = [wikipedia];
      if (id.startsWith('wd:')) {
        links.wikidata = wikidataUrl(id.slice(3));
        sources.push(links.wikidata);
      }
      const base: Entity = {
        id,
        kind: 'person',
        name: person.name,
        alternateName: (person.aliases ?? []).map((text) => ({ text })),
        description: person.note ?? '',
        links,
        related: ['wd:Q30'],
        sources: [...sources, ...(person.sources ?? [])],
      };
      if (list.length === 0 && !person.note) throw new Error(`officials.json: ${id} has no role and no note`);
      const e = list.length > 0 ? withRoles(base, list) : base;
      byId.set(id, person.note && list.length > 0 ? { ...e, description: `${e.description} ${person.note}` } : e);
      continue;
    }
    if (!id.startsWith('wd:')) throw new Error(`officials.json: ${id} has roles but is not in "people"`);
    byId.set(id, holderEntity(id.slice(3), bio.get(id.slice(3)), list));
  }

  for (const [id, texts] of Object.entries(cfg.aliases)) {
    const e = byId.get(id);
    if (!e) throw new Error(`officials.json: aliases for ${id}, which is not in the pack`);
    const have = new Set([e.name, ...(e.alternateName ?? []).map((a) => a.text)]);
    e.alternateName = [...(e.alternateName ?? []), ...texts.filter((t) => !have.has(t)).map((text) => ({ text }))];
  }

  const bodies = [
    ...readJson<Entity[]>(join(dir, 'institutions.json')),
    ...buildCommittees(root),
    ...buildAdministrations(executive, asOf),
  ];
  for (const e of bodies) {
    if (byId.has(e.id)) throw new Error(`institutions.json: id ${e.id} is already in the pack`);
    byId.set(e.id, e);
  }
  return [...byId.values()];
}
