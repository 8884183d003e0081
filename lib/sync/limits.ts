const HOUR = 3_600_000;

/** How far Gloss goes for one source. Tests pass smaller values; the extension uses these. */
export interface SyncLimits {
  /** Largest body accepted, counted as it streams in (decoded bytes, so a compressed bomb is caught too). */
  maxBytes: number;
  /** Longest a whole download may take. */
  timeLimitMs: number;
  /** Longest the server may send nothing, before or during the body. */
  stallMs: number;
  /** Bytes kept in memory before they are staged to IndexedDB, so a stopped worker can resume. */
  flushBytes: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  maxBytes: 32 * 1024 * 1024,
  timeLimitMs: 5 * 60_000,
  stallMs: 30_000,
  flushBytes: 256 * 1024,
};

export const SCHEDULE = {
  /** No automatic sync runs more often than this, whatever the setting or the server says. */
  minIntervalMs: HOUR,
  defaultIntervalHours: 24,
  wikidataIntervalHours: 7 * 24,
  maxIntervalHours: 30 * 24,
  /** A server's freshness lifetime is honoured up to this; beyond it, Gloss checks anyway. */
  maxFreshnessMs: 30 * 24 * HOUR,
  /** Back-off after a failure: first retry after 1 h, doubling, at most 12 h. */
  firstRetryMs: HOUR,
  maxRetryMs: 12 * HOUR,
  /** While the browser says it is offline, look again this often (an `online` event also wakes it). */
  offlineRecheckMs: 15 * 60_000,
} as const;

export const HOUR_MS = HOUR;

/** How often a running sync says it is alive, even while the server sends nothing. */
export const BEAT_EVERY_MS = 10_000;
