import type { SourceRecord } from '../kb/db';
import { HOUR_MS, SCHEDULE } from './limits';

/** Kinds Gloss fetches over the network; the built-in pack and personal sources never are. */
const NETWORK_KINDS: ReadonlySet<SourceRecord['kind']> = new Set(['pack-url', 'csv-url', 'wikidata']);

export const isNetworkSource = (s: SourceRecord): boolean => NETWORK_KINDS.has(s.kind);

export function intervalHoursOf(s: Pick<SourceRecord, 'intervalHours' | 'kind'>): number {
  const fallback = s.kind === 'wikidata' ? SCHEDULE.wikidataIntervalHours : SCHEDULE.defaultIntervalHours;
  const hours = s.intervalHours ?? fallback;
  return Math.min(SCHEDULE.maxIntervalHours, Math.max(1, Number.isFinite(hours) ? hours : fallback));
}

/**
 * When to look again after a success: the user's interval, or longer if the server said its content
 * stays fresh longer (checking earlier would only fetch the same thing), never sooner than an hour.
 */
export function nextDueAfterSuccess(s: Pick<SourceRecord, 'intervalHours' | 'kind'>, now: number, freshMs?: number): number {
  const fresh = Math.min(freshMs ?? 0, SCHEDULE.maxFreshnessMs);
  return now + Math.max(intervalHoursOf(s) * HOUR_MS, fresh, SCHEDULE.minIntervalMs);
}

/** When to try again after the n-th failure in a row: 1 h, 2 h, 4 h, 8 h, then 12 h; a server's Retry-After may ask for longer. */
export function nextDueAfterFailure(failures: number, now: number, retryAfter?: number): number {
  const backoff = Math.min(SCHEDULE.maxRetryMs, SCHEDULE.firstRetryMs * 2 ** Math.max(0, failures - 1));
  return now + Math.max(backoff, Math.min(retryAfter ?? 0, SCHEDULE.maxRetryMs));
}

/** Enabled network sources that are due, stalest first (never synced counts as stalest). */
export function dueSources(sources: readonly SourceRecord[], now: number): SourceRecord[] {
  return sources
    .filter((s) => s.enabled && isNetworkSource(s) && (s.nextDue ?? 0) <= now)
    .sort((a, b) => staleness(a) - staleness(b) || (a.id < b.id ? -1 : 1));
}

const staleness = (s: SourceRecord) => Math.max(s.lastSuccess ?? 0, s.lastChecked ?? 0);

/** The earliest time any enabled network source is due, or null when there is nothing to sync. */
export function nextWake(sources: readonly SourceRecord[]): number | null {
  const times = sources.filter((s) => s.enabled && isNetworkSource(s)).map((s) => s.nextDue ?? 0);
  return times.length === 0 ? null : Math.min(...times);
}
