import {
  moveSource,
  previewRemoval,
  removeSourceData,
  setSourceEnabled,
  type KbChange,
  type RemovalPreview,
} from '../kb/apply-pack';
import type { GlossDb, SourceRecord } from '../kb/db';
import { concatBytes } from './bytes';
import { fetchBody } from './fetch-body';
import { SCHEDULE, type SyncLimits } from './limits';
import { decodeBody, parseCsvText, parsePackText } from './parse-body';
import { intervalHoursOf, isNetworkSource } from './schedule';
import { failureText } from './status-text';
import { csvMeta } from './sync-source';
import { WIKIDATA_SOURCE_ID } from './wikidata-source';
import { hostOf } from './words';

export type UrlSourceKind = 'pack-url' | 'csv-url';

/** Checks an address a user typed; returns the canonical URL or a sentence saying what is wrong. */
function checkSourceUrl(input: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'This is not a web address. It should start with https://' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'Gloss reads sources over https:// or http:// only.' };
  if (url.username || url.password)
    return {
      ok: false,
      message: 'Leave the user name and password out of the address: Gloss fetches sources without signing in.',
    };
  url.hash = '';
  return { ok: true, url: url.href };
}

/** A stable id for an address, readable in the database and valid as a pack id. */
function sourceIdFor(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const host = hostOf(url)
    .replace(/[^A-Za-z0-9.-]/g, '-')
    .slice(0, 60);
  return `url:${host}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export interface SourcePreview {
  ok: boolean;
  /** Present when the file is good. */
  name?: string;
  version?: string;
  asOf?: string;
  license?: string;
  attribution?: string;
  homepage?: string;
  description?: string;
  entityCount?: number;
  /** A few names from the file, to recognise it by. */
  sample?: string[];
  warnings?: string[];
  /** Present when the file is refused: why, in words, and its first problems. */
  message?: string;
  problems?: string[];
  /** Set when this address is already subscribed. */
  existingId?: string;
}

/** Downloads and checks a file without subscribing, so the user sees what they would add. */
export async function previewSource(
  db: GlossDb,
  input: { url: string; kind: UrlSourceKind; name?: string; license?: string; attribution?: string },
  opts: { limits: SyncLimits; fetch?: typeof fetch; now: () => number },
): Promise<SourcePreview> {
  const checked = checkSourceUrl(input.url);
  if (!checked.ok) return { ok: false, message: checked.message };
  const existing = await db.sources.get(sourceIdFor(checked.url));
  const base = existing ? { existingId: existing.id } : {};
  const result = await fetchBody({
    url: checked.url,
    expect: input.kind === 'csv-url' ? 'csv' : 'json',
    limits: opts.limits,
    now: opts.now,
    ...(opts.fetch && { fetch: opts.fetch }),
  });
  if (result.kind === 'failed') return { ...base, ok: false, message: failureText(result.failure) };
  if (result.kind === 'not-modified')
    return { ...base, ok: false, message: failureText({ code: 'unasked-304', host: hostOf(checked.url) }) };
  const text = decodeBody(concatBytes(result.chunks));
  if (!text.ok) return { ...base, ok: false, message: failureText(text.failure) };
  const name = input.name?.trim() || defaultName(checked.url);
  const parsed =
    input.kind === 'csv-url'
      ? parseCsvText(
          text.text,
          csvMeta({ id: sourceIdFor(checked.url), name, url: checked.url, ...stated(input) }, result.info, opts.now()),
        )
      : parsePackText(text.text, hostOf(checked.url));
  if (!parsed.ok)
    return { ...base, ok: false, message: failureText(parsed.failure), ...(parsed.problems && { problems: parsed.problems }) };
  const { pack } = parsed;
  return {
    ...base,
    ok: true,
    name: pack.name,
    version: pack.version,
    asOf: pack.asOf,
    license: pack.license,
    attribution: pack.attribution,
    ...(pack.homepage && { homepage: pack.homepage }),
    ...(pack.description && { description: pack.description }),
    entityCount: pack.entities.length,
    sample: pack.entities.slice(0, 12).map((e) => e.name),
    warnings: parsed.warnings.slice(0, 20),
  };
}

/** The licence and credit the reader typed for a CSV file, when they typed any. */
function stated(input: { license?: string; attribution?: string }): Pick<SourceRecord, 'statedLicense' | 'statedAttribution'> {
  const license = input.license?.trim();
  const attribution = input.attribution?.trim();
  return { ...(license && { statedLicense: license }), ...(attribution && { statedAttribution: attribution }) };
}

function defaultName(url: string): string {
  const file = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(file).replace(/\.(csv|tsv|txt|json)$/i, '') || hostOf(url);
}

const nextRank = (sources: readonly SourceRecord[]) => sources.reduce((max, s) => Math.max(max, s.priority + 1), 0);

/** Subscribes to a pack or CSV file at an address; it syncs at once and then on its own schedule. */
export async function addUrlSource(
  db: GlossDb,
  input: { url: string; kind: UrlSourceKind; name?: string; intervalHours?: number; license?: string; attribution?: string },
): Promise<SourceRecord> {
  const checked = checkSourceUrl(input.url);
  if (!checked.ok) throw new Error(checked.message);
  const id = sourceIdFor(checked.url);
  return db.transaction('rw', db.sources, async () => {
    const existing = await db.sources.get(id);
    if (existing) throw new Error(`You already subscribe to this address (as "${existing.name}").`);
    const record: SourceRecord = {
      id,
      kind: input.kind,
      name: input.name?.trim() || defaultName(checked.url),
      url: checked.url,
      enabled: true,
      // New sources rank last: what the user already trusts keeps showing until they move it.
      priority: nextRank(await db.sources.toArray()),
      entityCount: 0,
      intervalHours: intervalHoursOf({
        kind: input.kind,
        ...(input.intervalHours !== undefined && { intervalHours: input.intervalHours }),
      }),
      nextDue: 0,
      ...(input.kind === 'csv-url' && stated(input)),
      status: { code: 'added' },
    };
    await db.sources.add(record);
    return record;
  });
}

/**
 * Turns on the Wikidata source. It ranks first: the user turns it on to see fresher labels and
 * positions than the packs hold (the packs' own text stays one click away on the card).
 */
export function enableWikidataSource(db: GlossDb, instance: string): Promise<{ source: SourceRecord; change: KbChange }> {
  // One transaction: a worker stopped half-way leaves Wikidata off, never on at the wrong rank.
  return db.transaction('rw', db.tables, async () => {
    const existing = await db.sources.get(WIKIDATA_SOURCE_ID);
    if (existing) {
      const change = await setSourceEnabled(db, WIKIDATA_SOURCE_ID, true);
      await db.sources.update(WIKIDATA_SOURCE_ID, { nextDue: 0 });
      return { source: (await db.sources.get(WIKIDATA_SOURCE_ID))!, change };
    }
    await db.sources.add({
      id: WIKIDATA_SOURCE_ID,
      kind: 'wikidata',
      name: 'Wikidata',
      url: instance,
      enabled: true,
      priority: -1,
      entityCount: 0,
      intervalHours: SCHEDULE.wikidataIntervalHours,
      nextDue: 0,
      license: 'CC0 1.0',
      attribution: 'Wikidata contributors',
      homepage: 'https://www.wikidata.org/',
      status: { code: 'wikidata-on' },
    });
    const change = await moveSource(db, WIKIDATA_SOURCE_ID, 0);
    return { source: (await db.sources.get(WIKIDATA_SOURCE_ID))!, change };
  });
}

export interface SourceUpdate {
  id: string;
  enabled?: boolean;
  /** The rank to move the source to (0 = first). */
  priority?: number;
  intervalHours?: number;
}

/** Applies the user's changes to a source's settings; returns what changed in the knowledge base. */
export function updateSource(db: GlossDb, update: SourceUpdate): Promise<{ source: SourceRecord; change: KbChange }> {
  // Every field in one transaction: a worker stopped half-way changes none of them.
  return db.transaction('rw', db.tables, async () => {
    const source = await db.sources.get(update.id);
    if (!source) throw new Error(`There is no source "${update.id}".`);
    const change: KbChange = { changed: [], deleted: [] };
    const merge = (c: KbChange) => {
      change.changed.push(...c.changed);
      change.deleted.push(...c.deleted);
      if (c.reranked) change.reranked = true;
    };
    if (update.enabled !== undefined) {
      merge(await setSourceEnabled(db, update.id, update.enabled));
      // Turned back on after a long pause: look at the server soon rather than at the old due time.
      if (update.enabled && isNetworkSource(source) && !source.enabled) await db.sources.update(update.id, { nextDue: 0 });
    }
    if (update.priority !== undefined) merge(await moveSource(db, update.id, update.priority));
    if (update.intervalHours !== undefined) {
      const intervalHours = intervalHoursOf({ kind: source.kind, intervalHours: update.intervalHours });
      const last = Math.max(source.lastSuccess ?? 0, source.lastChecked ?? 0);
      await db.sources.update(update.id, {
        intervalHours,
        // A shorter interval brings the next check forward; a failed source keeps its back-off.
        ...(last > 0 && !source.failures && { nextDue: last + intervalHours * 3_600_000 }),
      });
    }
    return { source: (await db.sources.get(update.id))!, change };
  });
}

export { previewRemoval, type RemovalPreview };

/** Removes a source and what only it gave. The built-in pack can be turned off but not removed: every update would bring it back. */
export async function removeSource(db: GlossDb, id: string): Promise<{ preview: RemovalPreview; change: KbChange }> {
  const source = await db.sources.get(id);
  if (!source) throw new Error(`There is no source "${id}".`);
  if (source.kind === 'builtin') throw new Error('A built-in pack cannot be removed; turn it off instead.');
  const preview = await previewRemoval(db, id);
  // removeSourceData drops the source's staged download with it.
  const change = await removeSourceData(db, id);
  return { preview, change };
}
