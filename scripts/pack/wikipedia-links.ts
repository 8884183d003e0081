/**
 * Gives people of the World news pack their English Wikipedia page where an input states it: the Wikipedia
 * title that Wikidata's sitelink gives in a holders table (data/ministers/*.holders.csv, `enwiki`), or an
 * English Wikipedia URL the entity already cites whose title is the person's own name. A card then links the
 * reader to the page, and the evaluation can tell the person apart from a namesake. Never a title made up
 * from a name.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Entity } from '../../lib/pack/types';
import { wikipediaUrl } from './us-congress';

/** Wikidata id → English Wikipedia title, from every holders table under `dir` (first file, by name, wins). */
export function readSitelinks(root: string, dir = 'data/ministers'): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.holders.csv'))
    .sort()) {
    const path = join(root, dir, file);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
    for (const r of parsed.data) {
      const qid = (r.personID ?? '').trim();
      const title = (r.enwiki ?? '').trim();
      if (qid && title && !out.has(qid)) out.set(qid, title);
    }
  }
  return out;
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
  fromCitedPage: number;
}

export function addWikipediaLinks(
  entities: readonly Entity[],
  enwikiByQid: ReadonlyMap<string, string>,
): { entities: Entity[]; counts: WikipediaLinkCounts } {
  const counts: WikipediaLinkCounts = { fromSitelink: 0, fromCitedPage: 0 };
  const out = entities.map((e) => {
    if (e.kind !== 'person' || e.links?.wikipedia) return e;
    const title = e.id.startsWith('wd:') ? enwikiByQid.get(e.id.slice(3)) : undefined;
    const page = title ? wikipediaUrl(title) : ownPageCited(e);
    if (!page) return e;
    if (title) counts.fromSitelink++;
    else counts.fromCitedPage++;
    return {
      ...e,
      links: { ...e.links, wikipedia: page },
      sources: e.sources.includes(page) ? e.sources : [page, ...e.sources],
    };
  });
  return { entities: out, counts };
}
