import { WBK } from 'wikibase-sdk';
import type { Entity } from '../pack/types';
import { concatBytes } from './bytes';
import { fetchBody } from './fetch-body';
import type { SyncLimits } from './limits';
import { decodeBody } from './parse-body';
import type { SyncFailure } from './status';

/** The API's limit of ids per wbgetentities request. */
export const WIKIDATA_BATCH = 50;
export const WIKIDATA_ITEM = /^Q[1-9]\d*$/;

export interface WikidataFetchDeps {
  limits: SyncLimits;
  now: () => number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

type Failed = { ok: false; failure: SyncFailure; retryAfterMs?: number };
export type JsonAnswer = { ok: true; json: unknown; received: number } | Failed;

/** One Wikidata API request, under the same time, size and content checks as any source. */
export async function getWikidataJson(deps: WikidataFetchDeps, url: string): Promise<JsonAnswer> {
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
      failure: result.failure,
      ...(result.retryAfterMs !== undefined && { retryAfterMs: result.retryAfterMs }),
    };
  if (result.kind === 'not-modified') return { ok: false, failure: { code: 'unasked-304', host: 'Wikidata' } };
  const text = decodeBody(concatBytes(result.chunks));
  if (!text.ok) return text;
  try {
    return { ok: true, json: JSON.parse(text.text), received: result.received };
  } catch {
    return { ok: false, failure: { code: 'wikidata-not-json' } };
  }
}

/**
 * Positions held come back from Wikidata as item ids; this names them in the reader's languages (one
 * small request per 50 positions). A position with no name in those languages would show as "Q123",
 * so it is left out and counted.
 */
export async function namePositions(
  deps: WikidataFetchDeps,
  entities: Entity[],
  langs: readonly string[],
  instance: string,
  onAnswer: (received: number) => Promise<void> = async () => undefined,
): Promise<{ ok: true; entities: Entity[]; unnamed: number } | Failed> {
  const ids = [...new Set(entities.flatMap((e) => (e.roles ?? []).map((r) => r.label)).filter((l) => WIKIDATA_ITEM.test(l)))];
  const labels = new Map<string, string>();
  const wbk = WBK({ instance });
  for (let i = 0; i < ids.length; i += WIKIDATA_BATCH) {
    const url = wbk.getEntities({
      ids: ids.slice(i, i + WIKIDATA_BATCH) as `Q${number}`[],
      languages: [...langs, 'mul'],
      props: ['labels'],
    });
    const got = await getWikidataJson(deps, url);
    if (!got.ok) return got;
    await onAnswer(got.received);
    for (const [id, label] of labelsIn(got.json, [...langs, 'mul'])) labels.set(id, label);
  }
  let unnamed = 0;
  const named = entities.map((e): Entity => {
    if (!e.roles) return e;
    const roles = e.roles.flatMap((r) => {
      if (!WIKIDATA_ITEM.test(r.label)) return [r];
      const label = labels.get(r.label);
      if (!label) unnamed++;
      return label ? [{ ...r, label }] : [];
    });
    const { roles: _old, ...rest } = e;
    return { ...rest, ...(roles.length > 0 && { roles }) };
  });
  return { ok: true, entities: named, unnamed };
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
