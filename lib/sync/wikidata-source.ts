import type { SourceRecord } from '../kb/db';
import { wikidataEntitiesUrl, wikidataResponseToEntities } from '../pack/import-wikidata';
import type { Entity, Pack } from '../pack/types';
import { validatePack } from '../pack/validate';
import { getWikidataJson, namePositions, WIKIDATA_BATCH } from './wikidata-api';
import type { SyncFailure, SyncNotes } from './status';
import type { Fetched, SyncDeps } from './sync-source';

export const WIKIDATA_SOURCE_ID = 'wikidata';

/**
 * Refreshes, from Wikidata, the entities other enabled sources link to it (`wd:Q…` ids): labels,
 * aliases, descriptions and positions held. What is sent: the ids, the reader's languages and the
 * fields asked for, to the Wikidata API; nothing about the pages being read.
 *
 * The whole refresh is one pack: if any request fails, nothing is written and the previous refresh
 * stays. An entity Wikidata cannot describe (no label or description in the reader's languages) is
 * left out, so the pack's own text keeps showing for it.
 */
export async function buildWikidataPack(
  deps: SyncDeps,
  source: SourceRecord,
  progress: (received: number) => Promise<void>,
): Promise<Fetched> {
  const { db } = deps;
  // The stored entities are exactly those an enabled source other than Wikidata gives (a Wikidata-only
  // entity is never kept), merged in the reader's order; their ids are the primary key, so `wd:` is a range.
  const linked = await db.entities.where(':id').startsWith('wd:').toArray();
  // The kind is the pack author's call: Wikidata's classes map to kinds only roughly.
  const kindOf = new Map(linked.map((e) => [e.id, e.kind]));
  const ids = [...kindOf.keys()].sort();
  const instance = source.url ?? deps.wikidataInstance;
  const langs = deps.languages.length > 0 ? deps.languages : ['en'];
  let received = 0;
  const counted = async (bytes: number) => {
    received += bytes;
    await progress(received);
  };

  const entities: Entity[] = [];
  let skipped = 0;
  for (let i = 0; i < ids.length; i += WIKIDATA_BATCH) {
    const got = await getWikidataJson(deps, wikidataEntitiesUrl(ids.slice(i, i + WIKIDATA_BATCH), langs, instance));
    if (!got.ok) return { ...stopped(got), kind: 'failed' };
    await counted(got.received);
    const batch = wikidataResponseToEntities(got.json, { lang: langs });
    if (batch.problems.some((p) => p.path === 'error' || p.path === '(response)' || p.path === 'entities'))
      return { kind: 'failed', failure: { code: 'wikidata-error', detail: batch.problems[0]!.message } };
    skipped += batch.problems.length;
    entities.push(...batch.entities);
  }

  const named = await namePositions(deps, entities, langs, instance, counted);
  if (!named.ok) return { ...stopped(named), kind: 'failed' };
  const { unnamed } = named;
  const refreshed = named.entities.map((e): Entity => ({ ...e, kind: kindOf.get(e.id) ?? e.kind }));

  const today = new Date(deps.now()).toISOString().slice(0, 10);
  const pack: Pack = {
    format: 1,
    id: WIKIDATA_SOURCE_ID,
    name: 'Wikidata',
    version: today,
    license: 'CC0 1.0',
    attribution: 'Wikidata contributors',
    homepage: 'https://www.wikidata.org/',
    asOf: today,
    description:
      'Labels, aliases, descriptions and positions held, refreshed from Wikidata for the entities your other sources link to it.',
    entities: refreshed,
  };
  const valid = validatePack(pack);
  if (!valid.ok)
    return {
      kind: 'failed',
      failure: { code: 'wikidata-invalid', detail: `${valid.problems[0]?.path}: ${valid.problems[0]?.message}` },
    };
  const notes: SyncNotes = {
    ...(ids.length === 0 && { nothingLinked: true }),
    ...(skipped > 0 && { skipped }),
    ...(unnamed > 0 && { unnamed }),
    ...((skipped > 0 || unnamed > 0) && { languages: langs }),
  };
  return { kind: 'pack', pack: valid.pack, warnings: [], ...(Object.keys(notes).length > 0 && { notes }) };
}

/** One request failed: the whole refresh stops, and the status says which request and why. */
const stopped = (got: { failure: SyncFailure; retryAfterMs?: number }) => ({
  failure: { code: 'wikidata-stopped' as const, cause: got.failure },
  ...(got.retryAfterMs !== undefined && { retryAfterMs: got.retryAfterMs }),
});
