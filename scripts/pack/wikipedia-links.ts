/**
 * Gives people of the World news pack their English Wikipedia page where an input states it: the Wikipedia
 * title that Wikidata's sitelink gives in a holders table (data/ministers/*.holders.csv, `enwiki`) or that
 * Wikipedia's list of state leaders links (data/leaders/state-leaders.enwiki.csv) for the person's Wikidata id, or, for a person without one (former leaders written from Wikipedia's lists), for the
 * one holder of all the tables who bears exactly their name; else an English Wikipedia URL the entity already
 * cites whose title is the person's own name. A card then links the reader to the page, and the evaluation can
 * tell the person apart from a namesake. Never a title made up from a name.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Entity } from '../../lib/pack/types';
import { wikipediaUrl } from './us-congress';

/** The English Wikipedia titles of the holders tables: by Wikidata id, and by name where one id bears it. */
export interface Sitelinks {
  byQid: ReadonlyMap<string, string>;
  /** Name → title, only for names that a single Wikidata id bears across all the tables. */
  byUniqueName: ReadonlyMap<string, string>;
}

/**
 * Wikidata id → English Wikipedia title of the heads of state and government that Wikipedia's "List of state
 * leaders in 2022" linked (every-politician-scrapers/world-leaders-2021 `data/wikipedia.csv`, all versions).
 */
const STATE_LEADERS = 'data/leaders/state-leaders.enwiki.csv';

/**
 * Wikidata id → English Wikipedia title (Wikidata's sitelink) of every holder in the officeholder tables of 83
 * every-politician-scrapers repositories (`html/holders21.csv`, every committed version, the newest winning):
 * presidents, prime ministers and ministers of most countries since about 2000.
 */
const HOLDERS_ENWIKI = 'data/leaders/holders.enwiki.every-politician-2022.csv';

/**
 * The sitelinks of every holders table under `dir` (for an id in two files, the first file by name wins),
 * then of the state leaders' table.
 */
export function readSitelinks(root: string, dir = 'data/ministers'): Sitelinks {
  const out = new Map<string, string>();
  const idsOfName = new Map<string, Set<string>>();
  const idsOfTitle = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, key: string, qid: string) => m.set(key, (m.get(key) ?? new Set()).add(qid));
  const files = readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.holders.csv'))
    .sort()
    .map((file) => join(root, dir, file));
  // The state leaders' table last: the holders tables give Wikidata's sitelink, the list's links may be redirects.
  for (const extra of [HOLDERS_ENWIKI, STATE_LEADERS]) if (existsSync(join(root, extra))) files.push(join(root, extra));
  for (const path of files) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
    for (const r of parsed.data) {
      const qid = (r.personID ?? '').trim();
      const title = (r.enwiki ?? '').trim();
      if (!qid || !title) continue;
      if (!out.has(qid)) out.set(qid, title);
      // A person is witnessed by their label and by their page's title ("Shinzo Abe" for the label "Shinzō Abe").
      const label = (r.person ?? '').trim();
      if (label) add(idsOfName, label, qid);
      add(idsOfName, title, qid);
      add(idsOfTitle, title, qid);
    }
  }
  const byUniqueName = new Map<string, string>();
  for (const [name, ids] of idsOfName) if (ids.size === 1) byUniqueName.set(name, out.get([...ids][0]!)!);
  // A page titled exactly with the name is the name's own page, whoever else bears the name as a label: "Tony
  // Abbott" is the prime minister's page; the diplomat's is "Tony Abbott (diplomat)".
  for (const [title, ids] of idsOfTitle) if (ids.size === 1) byUniqueName.set(title, out.get([...ids][0]!)!);
  return { byQid: out, byUniqueName };
}

const WIKI = /^https:\/\/en\.wikipedia\.org\/wiki\/([^#?]+)$/;

/** "Frederik_X" → "Frederik X"; "Osman_Hussein_(politician)" → "Osman Hussein". */
function titleName(url: string): string | null {
  const m = WIKI.exec(url);
  if (!m) return null;
  let title: string;
  try {
    title = decodeURIComponent(m[1]!).replace(/_/g, ' ');
  } catch {
    return null;
  }
  return title.replace(/\s*\([^)]*\)$/, '');
}

/** The entity's own page among the URLs it cites: one whose title is its name or one of its aliases. */
function ownPageCited(e: Entity): string | undefined {
  const names = new Set([e.name, ...(e.alternateName ?? []).map((a) => a.text)]);
  const cited = [...e.sources, ...(e.roles ?? []).map((r) => r.source ?? '')];
  return cited.find((url) => {
    const name = titleName(url);
    return name !== null && names.has(name);
  });
}

/** Counts of links added, by where they came from. */
export interface WikipediaLinkCounts {
  fromSitelink: number;
  fromUniqueName: number;
  fromCitedPage: number;
}

export function addWikipediaLinks(
  entities: readonly Entity[],
  sitelinks: Sitelinks,
): { entities: Entity[]; counts: WikipediaLinkCounts } {
  const counts: WikipediaLinkCounts = { fromSitelink: 0, fromUniqueName: 0, fromCitedPage: 0 };
  const out = entities.map((e) => {
    if (e.kind !== 'person' || e.links?.wikipedia) return e;
    const hasQid = e.id.startsWith('wd:');
    const byId = hasQid ? sitelinks.byQid.get(e.id.slice(3)) : undefined;
    // A person with a Wikidata id is never matched by name: the id is the better witness.
    const byName = hasQid ? undefined : sitelinks.byUniqueName.get(e.name);
    const title = byId ?? byName;
    const page = title ? wikipediaUrl(title) : ownPageCited(e);
    if (!page) return e;
    if (byId) counts.fromSitelink++;
    else if (byName) counts.fromUniqueName++;
    else counts.fromCitedPage++;
    return {
      ...e,
      links: { ...e.links, wikipedia: page },
      sources: e.sources.includes(page) ? e.sources : [page, ...e.sources],
    };
  });
  return { entities: out, counts };
}

/** Pages checked by hand for people whose inputs give none (data/leaders/curated-wikipedia-pages.json). */
const CURATED_PAGES = 'data/leaders/curated-wikipedia-pages.json';

interface CuratedPage {
  id: string;
  page: string;
  witness: string;
}

/**
 * Adds each hand-checked page to its person's sources, where `addWikipediaLinks` takes it as a cited page of
 * their own name. Fails on an unknown id, and on a page whose title is not the person's name or alias.
 */
export function withCuratedPages(root: string, entities: readonly Entity[]): Entity[] {
  const path = join(root, CURATED_PAGES);
  if (!existsSync(path)) return [...entities];
  const { pages } = JSON.parse(readFileSync(path, 'utf8')) as { pages: CuratedPage[] };
  const byId = new Map(pages.map((p) => [p.id, p]));
  const out = entities.map((e) => {
    const p = byId.get(e.id);
    if (!p) return e;
    byId.delete(e.id);
    const withPage = { ...e, sources: [p.page, ...e.sources.filter((s) => s !== p.page)] };
    if (e.kind !== 'person' || ownPageCited(withPage) !== p.page)
      throw new Error(`${CURATED_PAGES}: ${p.page} is not the page of ${e.id} (${e.name})`);
    return withPage;
  });
  if (byId.size > 0) throw new Error(`${CURATED_PAGES}: no entity ${[...byId.keys()].join(', ')}`);
  return out;
}
