import { WBK } from 'wikibase-sdk';
import { wikidataEntitiesUrl, wikidataResponseToEntities } from '../pack/import-wikidata';
import type { Entity } from '../pack/types';
import { getWikidataJson, namePositions, WIKIDATA_ITEM, type WikidataFetchDeps } from './wikidata-api';
import { failureText } from './status-text';

/** How many items a card lists: enough to find the right person, few enough to read. */
const LOOKUP_LIMIT = 5;
/** Longest name sent: the words of a mention, never a paragraph of the page. */
export const LOOKUP_MAX_CHARS = 120;

export interface LookupDeps extends WikidataFetchDeps {
  instance: string;
  /** Reader languages, best first. */
  languages: readonly string[];
}

/** One item Wikidata holds under the words looked up, as Gloss would store it, and where to read more. */
export interface LookupCandidate {
  entity: Entity;
  /** The item's page on Wikidata. */
  url: string;
}

export type LookupResult = { ok: true; candidates: LookupCandidate[] } | { ok: false; message: string };

/**
 * Looks the words of a mention up on Wikidata, when the reader asks from a card. What is sent: those
 * words and the reader's languages, nothing else about the page. Two requests: a full-text search for
 * items (CirrusSearch, which matches labels and aliases in every language), then the items themselves
 * (plus one for the names of positions they held), so the card can show what the knowledge base
 * would: kind, description, roles with dates.
 */
export async function lookupOnWikidata(deps: LookupDeps, words: string): Promise<LookupResult> {
  const search = words.replace(/\s+/g, ' ').trim().slice(0, LOOKUP_MAX_CHARS);
  if (search === '') return { ok: false, message: 'There are no words to look up.' };
  const langs = deps.languages.length > 0 ? [...deps.languages] : ['en'];
  const found = await getWikidataJson(deps, WBK({ instance: deps.instance }).cirrusSearchPages({ search, limit: LOOKUP_LIMIT }));
  if (!found.ok) return { ok: false, message: failureText(found.failure) };
  const ids = searchTitles(found.json);
  if (ids === null) return { ok: false, message: 'Wikidata’s search answer was not in the expected form.' };
  if (ids.length === 0) return { ok: true, candidates: [] };

  const got = await getWikidataJson(deps, wikidataEntitiesUrl(ids, langs, deps.instance));
  if (!got.ok) return { ok: false, message: failureText(got.failure) };
  const batch = wikidataResponseToEntities(got.json, { lang: langs });
  const named = await namePositions(deps, batch.entities, langs, deps.instance);
  if (!named.ok) return { ok: false, message: failureText(named.failure) };
  // Search order is relevance order; the entities come back keyed by id.
  const byId = new Map(named.entities.map((e) => [e.id, e]));
  const candidates = ids.flatMap((id) => {
    const entity = byId.get(`wd:${id}`);
    return entity ? [{ entity, url: `${deps.instance}/wiki/${id}` }] : [];
  });
  return { ok: true, candidates };
}

/** The item ids of a `list=search` answer, in its order; null when the answer has no such list. */
function searchTitles(json: unknown): string[] | null {
  const search = (json as { query?: { search?: unknown } } | null)?.query?.search;
  if (!Array.isArray(search)) return null;
  const ids = search
    .map((hit) => (hit as { title?: unknown } | null)?.title)
    .filter((t): t is string => typeof t === 'string' && WIKIDATA_ITEM.test(t));
  return [...new Set(ids)].slice(0, LOOKUP_LIMIT);
}
