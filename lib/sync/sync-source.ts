import { applySourcePack, SourceGoneError, type KbChange } from '../kb/apply-pack';
import type { GlossDb, SourceRecord } from '../kb/db';
import type { CsvPackMeta } from '../pack/import-csv';
import type { Pack } from '../pack/types';
import { fetchBody, type ResponseInfo } from './fetch-body';
import { BEAT_EVERY_MS, type SyncLimits } from './limits';
import { decodeBody, parseCsvText, parsePackText } from './parse-body';
import { nextDueAfterFailure, nextDueAfterSuccess } from './schedule';
import { clearStaging, StagedDownload } from './staging';
import type { SourceStatus, SyncFailure, SyncNotes } from './status';
import { buildWikidataPack } from './wikidata-source';
import { hostOf } from './words';

export interface SyncDeps {
  db: GlossDb;
  limits: SyncLimits;
  now: () => number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Reader languages for Wikidata, best first. */
  languages: string[];
  /** Where the Wikidata API lives (tests point it at an emulator). */
  wikidataInstance: string;
  /** Called as a download makes progress: the extension uses it to keep its worker awake. */
  heartbeat?: () => void;
}

export interface SyncOutcome {
  status: 'updated' | 'unchanged' | 'failed' | 'gone';
  source?: SourceRecord;
  /** What changed in the knowledge base; absent when nothing did. */
  change?: KbChange;
}

/** What a source's server gave, before anything is written. */
export type Fetched =
  | { kind: 'unchanged'; info: ResponseInfo }
  | { kind: 'pack'; pack: Pack; info?: ResponseInfo; warnings: string[]; notes?: SyncNotes }
  | { kind: 'failed'; failure: SyncFailure; problems?: string[]; retryAfterMs?: number };

/** How often a download's progress is written while bytes arrive, however slowly. */
const PROGRESS_EVERY_MS = 1_000;

/** Writes a source's status and clears the sentences older versions of Gloss stored instead. */
const withStatus = (status: SourceStatus) => ({ status, lastResult: undefined, lastError: undefined });

/**
 * Syncs one source: download (resuming an interrupted one), check, and apply in one transaction with
 * the new status. Whatever goes wrong, what the knowledge base held from the source stays, and the
 * status records what happened (rendered in words by status-text.ts) and when Gloss tries again.
 */
export async function syncSource(deps: SyncDeps, sourceId: string): Promise<SyncOutcome> {
  const { db, now } = deps;
  const source = await db.sources.get(sourceId);
  if (!source) return { status: 'gone' };
  const started = now();
  let marker: NonNullable<SourceRecord['syncing']> = { startedAt: started, phase: 'download', received: 0, beat: started };
  const mark = (next: Partial<NonNullable<SourceRecord['syncing']>>) => {
    marker = { ...marker, ...next, beat: now() };
    return db.sources.update(sourceId, { syncing: marker });
  };
  let lastWrite = 0;
  const progress = async (received: number, total?: number, answered = true) => {
    deps.heartbeat?.();
    lastWrite = now();
    await mark({ received, answered, ...(total !== undefined && { total }) });
  };
  /** Called for every chunk: written at most once a second, so a trickling server still shows its bytes. */
  const arrived = async (received: number, total?: number) => {
    if (now() - lastWrite >= PROGRESS_EVERY_MS) await progress(received, total);
  };
  await db.sources.update(sourceId, { lastAttempt: started, syncing: marker });
  // A sync that waits on a silent server is alive all the same; a worker that stopped beats no more.
  const beat = setInterval(() => void mark({}).catch(() => undefined), BEAT_EVERY_MS);

  let fetched: Fetched;
  try {
    fetched =
      source.kind === 'wikidata'
        ? await buildWikidataPack(deps, source, progress)
        : await downloadSource(deps, source, progress, arrived);
  } catch (e) {
    fetched = { kind: 'failed', failure: { code: 'crashed', detail: e instanceof Error ? e.message : String(e) } };
  } finally {
    clearInterval(beat);
  }
  const at = now();

  if (fetched.kind === 'failed') {
    const failures = (source.failures ?? 0) + 1;
    await db.sources.update(sourceId, {
      failures,
      nextDue: nextDueAfterFailure(failures, at, fetched.retryAfterMs),
      ...withStatus({ code: 'failed', failure: fetched.failure, kept: source.lastSuccess !== undefined }),
      problems: fetched.problems,
      syncing: undefined,
    });
    return { status: 'failed', source: await db.sources.get(sourceId) };
  }

  if (fetched.kind === 'unchanged') {
    await db.sources.update(sourceId, {
      lastChecked: at,
      failures: 0,
      nextDue: nextDueAfterSuccess(source, at, fetched.info.freshMs),
      ...withStatus({ code: 'not-modified' }),
      problems: undefined,
      syncing: undefined,
    });
    return { status: 'unchanged', source: await db.sources.get(sourceId) };
  }

  await mark({ phase: 'apply', received: 0 });
  const { pack, info } = fetched;
  const record: Omit<SourceRecord, 'entityCount'> = {
    ...source,
    name: source.kind === 'pack-url' ? pack.name : source.name,
    lastAttempt: started,
    lastSuccess: at,
    lastChecked: at,
    failures: 0,
    nextDue: nextDueAfterSuccess(source, at, info?.freshMs),
  };
  for (const key of ['syncing', 'lastError', 'lastResult', 'problems', 'etag', 'lastModified'] as const) delete record[key];
  if (info?.etag) record.etag = info.etag;
  if (info?.lastModified) record.lastModified = info.lastModified;
  try {
    const notes: SyncNotes = {
      ...fetched.notes,
      ...(fetched.warnings.length > 0 && { warnings: fetched.warnings.length, firstWarning: fetched.warnings[0] }),
    };
    const noted = Object.keys(notes).length > 0 ? { notes } : {};
    const entities = pack.entities.length;
    const result = await applySourcePack(db, record, withoutImages(pack), {
      keepSettings: true,
      mustExist: true,
      finish: (r): Partial<SourceRecord> => ({
        status:
          r.added + r.updated + r.removed === 0
            ? { code: 'same-content', entities, ...noted }
            : {
                code: 'updated',
                version: pack.version,
                added: r.added,
                changed: r.updated,
                removed: r.removed,
                entities,
                ...noted,
              },
      }),
    });
    const changed = result.changed.length + result.deleted.length > 0;
    return {
      status: 'updated',
      source: await db.sources.get(sourceId),
      ...(changed && { change: { changed: result.changed, deleted: result.deleted } }),
    };
  } catch (e) {
    if (e instanceof SourceGoneError) {
      // Removed while it synced: drop what the download staged for it.
      await clearStaging(db, sourceId);
      return { status: 'gone' };
    }
    // The transaction rolled back (quota, a closing database): the old data is intact; say so and retry later.
    const failures = (source.failures ?? 0) + 1;
    const failure: SyncFailure = { code: 'save-failed', detail: e instanceof Error ? e.message : String(e) };
    await db.sources.update(sourceId, {
      failures,
      nextDue: nextDueAfterFailure(failures, now()),
      ...withStatus({ code: 'failed', failure, kept: source.lastSuccess !== undefined }),
      syncing: undefined,
    });
    return { status: 'failed', source: await db.sources.get(sourceId) };
  }
}

/** Downloads a pack or CSV file, resuming a staged partial download when the server allows it. */
async function downloadSource(
  deps: SyncDeps,
  source: SourceRecord,
  progress: (received: number, total?: number) => Promise<void>,
  arrived: (received: number, total?: number) => Promise<void>,
): Promise<Fetched> {
  if (!source.url) return { kind: 'failed', failure: { code: 'no-address' } };
  const host = hostOf(source.url);
  const staged = await StagedDownload.open(deps.db, source.id, source.url, deps.limits.flushBytes);
  let total: number | undefined;
  const attempt = (resume: { offset: number; ifRange: string } | undefined) =>
    fetchBody({
      url: source.url!,
      expect: source.kind === 'csv-url' ? 'csv' : 'json',
      limits: deps.limits,
      ...(deps.fetch && { fetch: deps.fetch }),
      ...(deps.signal && { signal: deps.signal }),
      now: deps.now,
      // Only ask "has it changed?" about content the knowledge base actually holds.
      ...(source.lastSuccess !== undefined && {
        validators: {
          ...(source.etag && { etag: source.etag }),
          ...(source.lastModified && { lastModified: source.lastModified }),
        },
      }),
      ...(resume && { resume }),
      onStart: async (info) => {
        total = info.total;
        await staged.start(info);
        await progress(info.resumed && resume ? resume.offset : 0, total);
      },
      onChunk: async (chunk, received) => {
        await staged.push(chunk, received, (r) => progress(r, total));
        await arrived(received, total);
      },
    });
  const resume = staged.resumeFrom();
  let result = await attempt(resume);
  if (resume && result.kind === 'failed' && result.status === 416) {
    // Everything was already staged (the worker stopped while applying): fetch the file again whole.
    await staged.discard();
    result = await attempt(undefined);
  }
  if (result.kind === 'failed') {
    // A cut-off transfer can go on next time; a refused one must start over.
    let failure = result.failure;
    if (['timeout', 'stalled', 'network', 'dropped', 'aborted'].includes(result.reason)) {
      const kept = await staged.keepForResume();
      if (failure.code === 'dropped') failure = { ...failure, kept };
    } else await staged.discard();
    return {
      kind: 'failed',
      failure,
      ...(result.retryAfterMs !== undefined && { retryAfterMs: result.retryAfterMs }),
    };
  }
  if (result.kind === 'not-modified') {
    await staged.discard();
    return { kind: 'unchanged', info: result.info };
  }
  const bytes = await staged.bytes();
  const decoded = decodeBody(bytes);
  const parsed = !decoded.ok
    ? decoded
    : source.kind === 'csv-url'
      ? parseCsvText(decoded.text, csvMeta(source, result.info, deps.now()))
      : parsePackText(decoded.text, host);
  if (!parsed.ok) {
    await staged.discard();
    const { problems } = parsed as { problems?: string[] };
    return { kind: 'failed', failure: parsed.failure, ...(problems && { problems }) };
  }
  // The staged bytes are cleared in the same transaction that applies the pack.
  return { kind: 'pack', pack: parsed.pack, info: result.info, warnings: parsed.warnings };
}

/** A CSV file has no pack header: its name and terms come from the subscription, its date from the server. */
export function csvMeta(
  source: Pick<SourceRecord, 'id' | 'name' | 'url' | 'statedLicense' | 'statedAttribution' | 'homepage'>,
  info: Pick<ResponseInfo, 'lastModified'> | undefined,
  now: number,
): CsvPackMeta {
  const modified = info?.lastModified ? Date.parse(info.lastModified) : NaN;
  const asOf = new Date(Number.isNaN(modified) ? now : modified).toISOString().slice(0, 10);
  const host = hostOf(source.url ?? '');
  return {
    id: source.id.replace(/[^A-Za-z0-9._:-]/g, '-'),
    name: source.name,
    license: source.statedLicense ?? 'Not stated by the publisher',
    attribution: source.statedAttribution ?? host,
    asOf,
    ...(source.homepage && { homepage: source.homepage }),
  };
}

/**
 * A subscribed pack's entities without their images. An image is loaded from its server each time a card
 * or a search result shows it: the pack's host (or whoever it names) would learn when and what the reader
 * looked at. Gloss keeps no image of a network source; the built-in packs and the reader's own entities
 * never go through here.
 */
function withoutImages<P extends { entities: { image?: string }[] }>(pack: P): P {
  if (!pack.entities.some((e) => e.image !== undefined)) return pack;
  return { ...pack, entities: pack.entities.map(({ image: _image, ...rest }) => rest) };
}
