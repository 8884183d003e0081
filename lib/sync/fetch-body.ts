import { freshnessMs, retryAfterMs } from './cache-headers';
import type { SyncLimits } from './limits';
import type { SyncFailure } from './status';
import { hostOf } from './words';

/** What a download of a source expects; anything else is refused before its body is read. */
type Expected = 'json' | 'csv';

export interface FetchBodyRequest {
  url: string;
  expect: Expected;
  limits: SyncLimits;
  /** Validators of the content held: a 304 answer then means "unchanged". */
  validators?: { etag?: string; lastModified?: string };
  /** Continue an interrupted download: ask for the bytes after `offset`, if the file is still `ifRange`. */
  resume?: { offset: number; ifRange: string };
  fetch?: typeof fetch;
  signal?: AbortSignal;
  now?: () => number;
  /** Called once the response is accepted, before any body byte. */
  onStart?(info: ResponseInfo): Promise<void> | void;
  /** Receives the body as it streams in; awaited, so a slow sink slows the download instead of filling memory. */
  onChunk?(chunk: Uint8Array, received: number): Promise<void> | void;
}

export interface ResponseInfo {
  status: number;
  contentType: string;
  etag?: string;
  lastModified?: string;
  /** How long the server says the content stays fresh. */
  freshMs?: number;
  /** Bytes the whole file has, when the server said. */
  total?: number;
  /** Whether this response continues `resume.offset` (206) rather than starting over. */
  resumed: boolean;
  /** A compressed transfer cannot be resumed by byte offset: the offsets are of the decoded body. */
  resumable: boolean;
}

type FailureReason =
  'network' | 'dropped' | 'timeout' | 'stalled' | 'http' | 'too-large' | 'content-type' | 'aborted' | 'redirected-elsewhere';

export type FetchBodyResult =
  | { kind: 'not-modified'; info: ResponseInfo }
  | { kind: 'body'; info: ResponseInfo; received: number; chunks: Uint8Array[] }
  | { kind: 'failed'; reason: FailureReason; failure: SyncFailure; retryAfterMs?: number; status?: number };

const WEB_PAGE = /^(text\/html|application\/xhtml\+xml)$/;
const NEVER = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.openxmlformats|msword)/;

/**
 * Fetches one source's file with the limits that keep a broken or hostile server from hurting the
 * knowledge base: a conditional request (a 304 changes nothing), a time limit for the whole download
 * and for silence, a size limit enforced while streaming (a 50 MB answer is cut at the limit, not
 * read whole), content-type checks, and no cookies. Never throws: every failure is a typed cause.
 */
export async function fetchBody(req: FetchBodyRequest): Promise<FetchBodyResult> {
  const doFetch = req.fetch ?? globalThis.fetch.bind(globalThis);
  const now = req.now ?? Date.now;
  const host = hostOf(req.url);
  const controller = new AbortController();
  let why: 'timeout' | 'stalled' | 'aborted' | null = null;
  const stop = (reason: 'timeout' | 'stalled' | 'aborted') => {
    why ??= reason;
    controller.abort();
  };
  const overall = setTimeout(() => stop('timeout'), req.limits.timeLimitMs);
  let stall = setTimeout(() => stop('stalled'), req.limits.stallMs);
  const alive = () => {
    clearTimeout(stall);
    stall = setTimeout(() => stop('stalled'), req.limits.stallMs);
  };
  const onOuterAbort = () => stop('aborted');
  req.signal?.addEventListener('abort', onOuterAbort);
  if (req.signal?.aborted) stop('aborted');

  // `received`: body bytes that had arrived when it failed (null: before the server answered).
  const failedBy = (e: unknown, received: number | null = null, total?: number): FetchBodyResult => {
    if (why === 'timeout') return fail('timeout', { code: 'timeout', host, ms: req.limits.timeLimitMs });
    if (why === 'stalled') return fail('stalled', { code: 'stalled', host, ms: req.limits.stallMs });
    if (why === 'aborted') return fail('aborted', { code: 'stopped' });
    // The server had answered and was sending: the connection broke, the address is fine.
    if (received !== null)
      return fail('dropped', { code: 'dropped', host, received, ...(total !== undefined && { total }), kept: false });
    const detail = networkDetail(e);
    return fail('network', { code: 'unreachable', host, ...(detail && { detail }) });
  };

  try {
    const headers: Record<string, string> = {
      accept: req.expect === 'json' ? 'application/json, */*;q=0.5' : 'text/csv, text/plain;q=0.9, */*;q=0.5',
    };
    if (req.validators?.etag) headers['if-none-match'] = req.validators.etag;
    if (req.validators?.lastModified) headers['if-modified-since'] = req.validators.lastModified;
    if (req.resume && req.resume.offset > 0) {
      headers.range = `bytes=${req.resume.offset}-`;
      headers['if-range'] = req.resume.ifRange;
    }
    let response: Response;
    try {
      response = await doFetch(req.url, {
        headers,
        signal: controller.signal,
        // Gloss does its own conditional requests; the HTTP cache would answer them with a stale 200.
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (e) {
      return failedBy(e);
    }
    alive();
    // The reader approved this source's site, not wherever its server points: a redirect to another
    // origin is refused before a byte of its body is read (the browser follows it, so that server did
    // receive one request, without cookies).
    const landed = originOf(response.url);
    if (response.url && landed !== originOf(req.url)) {
      void response.body?.cancel().catch(() => {});
      return fail('redirected-elsewhere', { code: 'redirected', host, to: hostOf(response.url) });
    }
    const h = response.headers;
    const info: ResponseInfo = {
      status: response.status,
      contentType: (h.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
      ...optional('etag', h.get('etag')),
      ...optional('lastModified', h.get('last-modified')),
      ...optional(
        'freshMs',
        freshnessMs({ cacheControl: h.get('cache-control'), expires: h.get('expires'), date: h.get('date') }, now()),
      ),
      resumed: false,
      resumable: !/gzip|br|deflate|compress|zstd/i.test(h.get('content-encoding') ?? ''),
    };
    const retryAfter = retryAfterMs(h.get('retry-after'), now());

    if (response.status === 304) {
      void response.body?.cancel().catch(() => {});
      if (!req.validators?.etag && !req.validators?.lastModified) return fail('http', { code: 'unasked-304', host });
      return { kind: 'not-modified', info };
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      return {
        ...fail('http', { code: 'http', host, status: response.status, statusText: response.statusText }),
        status: response.status,
        ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
      };
    }
    let offset = 0;
    if (response.status === 206) {
      const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(h.get('content-range') ?? '');
      // A compressed part cannot be joined to the bytes kept: their offsets count decoded bytes.
      if (!req.resume || !range || Number(range[1]) !== req.resume.offset || !info.resumable) {
        void response.body?.cancel().catch(() => {});
        return fail('http', { code: 'bad-range', host, contentRange: h.get('content-range') ?? '' });
      }
      offset = req.resume.offset;
      info.resumed = true;
      if (range[3] !== '*') info.total = Number(range[3]);
    } else {
      const length = Number(h.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length >= 0 && info.resumable) info.total = length;
    }

    const typeProblem = contentTypeProblem(info.contentType, req.expect, host);
    if (typeProblem) {
      void response.body?.cancel().catch(() => {});
      return fail('content-type', typeProblem);
    }
    if (info.total !== undefined && info.total > req.limits.maxBytes) {
      void response.body?.cancel().catch(() => {});
      return fail('too-large', { code: 'too-large', host, limit: req.limits.maxBytes, bytes: info.total });
    }
    await req.onStart?.(info);

    const chunks: Uint8Array[] = [];
    let received = offset;
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (e) {
          return failedBy(e, received, info.total);
        }
        if (next.done) break;
        alive();
        received += next.value.byteLength;
        if (received > req.limits.maxBytes) {
          stop('aborted');
          void reader.cancel().catch(() => {});
          return fail('too-large', { code: 'too-large', host, limit: req.limits.maxBytes });
        }
        if (req.onChunk) await req.onChunk(next.value, received);
        else chunks.push(next.value);
        if (why) return failedBy(null, received, info.total);
      }
    }
    return { kind: 'body', info, received, chunks };
  } finally {
    clearTimeout(overall);
    clearTimeout(stall);
    req.signal?.removeEventListener('abort', onOuterAbort);
  }
}

type Failed = Extract<FetchBodyResult, { kind: 'failed' }>;
const fail = (reason: FailureReason, failure: SyncFailure): Failed => ({ kind: 'failed', reason, failure });

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function networkDetail(e: unknown): string {
  // Node names the cause (ECONNREFUSED, ENOTFOUND); browsers only say "Failed to fetch".
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' && cause.message.length < 80 ? cause.message : '';
}

function contentTypeProblem(contentType: string, expect: Expected, host: string): SyncFailure | undefined {
  if (WEB_PAGE.test(contentType)) return { code: 'web-page', host, contentType, expect };
  if (expect === 'json' && /^text\/(csv|tab-separated-values)$/.test(contentType))
    return { code: 'csv-not-pack', host, contentType };
  if (NEVER.test(contentType)) return { code: 'wrong-type', host, contentType, expect };
  return undefined;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
