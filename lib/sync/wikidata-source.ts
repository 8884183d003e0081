import { WBK } from 'wikibase-sdk';
import type { SourceRecord } from '../kb/db';
import { wikidataEntitiesUrl, wikidataResponseToEntities } from '../pack/import-wikidata';
import type { Entity, Pack } from '../pack/types';
import { validatePack } from '../pack/validate';
import { concatBytes } from './bytes';
import { fetchBody } from './fetch-body';
import { decodeBody } from './parse-body';
import type { Fetched, SyncDeps } from './sync-source';
import { count } from './words';

export const WIKIDATA_SOURCE_ID = 'wikidata';
/** The API's limit of ids per wbgetentities request. */
const BATCH = 50;
const ITEM = /^Q[1-9]\d*$/;

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
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id, s]));
  const linked = (await db.variants.where('entityId').startsWith('wd:').toArray()).filter((v) => {
    const s = sources.get(v.sourceId);
    return s?.enabled && s.kind !== 'wikidata';
  });
  // The kind is the pack author's call: Wikidata's classes map to kinds only roughly.
  const kindOf = new Map(linked.map((v) => [v.entityId, v.entity.kind]));
  const ids = [...kindOf.keys()].sort();
  const instance = source.url ?? deps.wikidataInstance;
  const langs = deps.languages.length > 0 ? deps.languages : ['en'];
  let received = 0;

  const getJson = async (
    url: string,
  ): Promise<{ ok: true; json: unknown } | { ok: false; message: string; retryAfterMs?: number }> => {
    const result = await fetchBody({
      url,
      expect: 'json',
      limits: deps.limits,
      now: deps.now,
      ...(deps.fetch && { fetch: deps.fetch }),
      ...(deps.signal && { signal: deps.signal }),
    });
    if (result.kind === 'failed')
      return {
        ok: false,
        message: result.message,
        ...(result.retryAfterMs !== undefined && { retryAfterMs: result.retryAfterMs }),
      };
    if (result.kind === 'not-modified')
      return { ok: false, message: 'Wikidata answered 304 to a request that was not conditional.' };
    received += result.received;
    await progress(received);
    const bytes = concatBytes(result.chunks);
    const text = decodeBody(bytes);
    if (!text.ok) return text;
    try {
      return { ok: true, json: JSON.parse(text.text) };
    } catch {
      return { ok: false, message: 'Wikidata sent an answer that is not complete JSON; the refresh was stopped.' };
    }
  };

  const entities: Entity[] = [];
  let skipped = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const got = await getJson(wikidataEntitiesUrl(ids.slice(i, i + BATCH), langs, instance));
    if (!got.ok) return { kind: 'failed', ...got };
    const batch = wikidataResponseToEntities(got.json, { lang: langs });
    if (batch.problems.some((p) => p.path === 'error' || p.path === '(response)' || p.path === 'entities'))
      return { kind: 'failed', message: batch.problems[0]!.message };
    skipped += batch.problems.length;
    entities.push(...batch.entities);
  }

  // Positions come back as item ids; their names take one more, small request per 50.
  const positions = [...new Set(entities.flatMap((e) => (e.roles ?? []).map((r) => r.label)).filter((l) => ITEM.test(l)))];
  const labels = new Map<string, string>();
  const wbk = WBK({ instance });
  for (let i = 0; i < positions.length; i += BATCH) {
    const url = wbk.getEntities({
      ids: positions.slice(i, i + BATCH) as `Q${number}`[],
      languages: [...langs, 'mul'],
      props: ['labels'],
    });
    const got = await getJson(url);
    if (!got.ok) return { kind: 'failed', ...got };
    for (const [id, label] of labelsIn(got.json, [...langs, 'mul'])) labels.set(id, label);
  }
  let unnamed = 0;
  const refreshed = entities.map((e): Entity => {
    const kind = kindOf.get(e.id) ?? e.kind;
    if (!e.roles) return { ...e, kind };
    // A position Wikidata names in none of the reader's languages would show as "Q123": leave it out.
    const roles = e.roles.flatMap((r) => {
      if (!ITEM.test(r.label)) return [r];
      const label = labels.get(r.label);
      if (!label) unnamed++;
      return label ? [{ ...r, label }] : [];
    });
    const { roles: _old, ...rest } = e;
    return { ...rest, kind, ...(roles.length > 0 && { roles }) };
  });

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
      message: `Wikidata's answer did not make a valid pack: ${valid.problems[0]?.path}: ${valid.problems[0]?.message}`,
    };
  const notes = [
    ids.length === 0 ? 'No entity in your other sources is linked to Wikidata, so there was nothing to refresh.' : '',
    skipped > 0
      ? `${count(skipped, 'entity', 'entities')} could not be refreshed (for example no description in ${langs.join(', ')}); their packs' text stays.`
      : '',
    unnamed > 0 ? `${count(unnamed, 'position')} without a name in ${langs.join(', ')} left out.` : '',
  ].filter(Boolean);
  return { kind: 'pack', pack: valid.pack, warnings: [], ...(notes.length > 0 && { note: notes.join(' ') }) };
}

function labelsIn(json: unknown, langs: readonly string[]): [string, string][] {
  const entities = (json as { entities?: Record<string, { labels?: Record<string, { value?: unknown }> }> } | null)?.entities;
  if (!entities || typeof entities !== 'object') return [];
  const out: [string, string][] = [];
  for (const [id, entity] of Object.entries(entities)) {
    for (const lang of langs) {
      const value = entity?.labels?.[lang]?.value;
      if (typeof value === 'string' && value.trim() !== '' && !/[<>]/.test(value)) {
        out.push([id, value.trim().slice(0, 300)]);
        break;
      }
    }
  }
  return out;
}
