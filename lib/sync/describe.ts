import type { SourceRecord } from '../kb/db';
import { isNetworkSource } from './schedule';
import { formatBytes } from './words';

export type StatusTone = 'ok' | 'error' | 'busy' | 'off' | 'waiting';

/** A time relative to now, as a person says it: "5 min ago", "in 2 h", "3 days ago". */
function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  // A moment that is now or past reads "just now", never "in less than a minute".
  if (abs < 60_000) return diff <= 0 ? 'just now' : 'in less than a minute';
  // Units are chosen after rounding, so 59.6 minutes reads "1 h", as the hours beside it do.
  const minutes = Math.round(abs / 60_000);
  const hours = Math.round(abs / 3_600_000);
  const unit = minutes < 60 ? `${minutes} min` : hours < 48 ? `${hours} h` : `${Math.round(abs / 86_400_000)} days`;
  return diff < 0 ? `${unit} ago` : `in ${unit}`;
}

/** One line on where a source stands: what its latest sync did, and what happens next. */
export function describeStatus(s: SourceRecord, now: number): { text: string; tone: StatusTone } {
  if (s.syncing) {
    if (s.syncing.phase === 'apply') return { text: 'Syncing: applying the changes…', tone: 'busy' };
    const got = s.syncing.received > 0 ? formatBytes(s.syncing.received) : '';
    const of = s.syncing.total ? ` of ${formatBytes(s.syncing.total)}` : '';
    return { text: got ? `Syncing: ${got}${of} downloaded…` : 'Syncing: contacting the server…', tone: 'busy' };
  }
  if (!s.enabled) return { text: 'Off: its entities are not used. Turn it on to use them again.', tone: 'off' };
  if (!isNetworkSource(s)) {
    const when = s.lastSuccess ? ` Imported ${relativeTime(Math.min(s.lastSuccess, now), now)}.` : '';
    return {
      text: `${s.kind === 'builtin' ? 'Ships with Gloss; updated with it.' : 'Kept in this browser.'}${when}`,
      tone: 'ok',
    };
  }
  const next = s.nextDue && s.nextDue > now ? ` Next ${s.lastError ? 'try' : 'check'} ${relativeTime(s.nextDue, now)}.` : '';
  if (s.lastError) return { text: `${s.lastResult ?? s.lastError}${next}`, tone: 'error' };
  const checked = Math.max(s.lastSuccess ?? 0, s.lastChecked ?? 0);
  // The page's clock ticks every 30 s: a sync that just ended may look a little in the future.
  const last = checked > 0 ? ` Last checked ${relativeTime(Math.min(checked, now), now)}.` : '';
  const tone: StatusTone = checked > 0 ? 'ok' : 'waiting';
  return { text: `${s.lastResult ?? ''}${last}${next}`.trim(), tone };
}
