import type { SourceRecord } from '../kb/db';
import { t } from '../ui/i18n';
import { plural } from '../ui/plural';
import { isNetworkSource } from './schedule';
import { isFailure } from './status';
import { bytesOf, statusText } from './status-text';
import { BEAT_EVERY_MS } from './limits';

export type StatusTone = 'ok' | 'error' | 'busy' | 'off' | 'waiting';

/**
 * A sync marker this old outlived its worker: a running sync beats every 10 s and writes each chunk,
 * and no single step (a long apply included) stays silent for a minute and a half.
 */
const INTERRUPTED_AFTER_MS = 9 * BEAT_EVERY_MS;

/** A time relative to now, as a person says it: "5 min ago", "in 2 h", "3 days ago". */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  // A moment that is now or past reads "just now", never "in less than a minute".
  if (abs < 60_000) return diff <= 0 ? t('time_justNow', 'just now') : t('time_inUnderAMinute', 'in less than a minute');
  // Units are chosen after rounding, so 59.6 minutes reads "1 h", as the hours beside it do.
  const minutes = Math.round(abs / 60_000);
  const hours = Math.round(abs / 3_600_000);
  const days = Math.round(abs / 86_400_000);
  const past = diff < 0;
  if (minutes < 60)
    return past ? t('time_minAgo', '$1 min ago', [String(minutes)]) : t('time_inMin', 'in $1 min', [String(minutes)]);
  if (hours < 48) return past ? t('time_hAgo', '$1 h ago', [String(hours)]) : t('time_inH', 'in $1 h', [String(hours)]);
  return past
    ? plural(
        days,
        (n) => t('time_daysAgo_one', '$1 day ago', [n]),
        (n) => t('time_daysAgo_other', '$1 days ago', [n]),
      )
    : plural(
        days,
        (n) => t('time_inDays_one', 'in $1 day', [n]),
        (n) => t('time_inDays_other', 'in $1 days', [n]),
      );
}

/** Whether a source's sync marker was left by a worker that stopped (the sync will go on later). */
export function syncInterrupted(s: SourceRecord, now: number): boolean {
  if (!s.syncing) return false;
  return now - (s.syncing.beat ?? s.syncing.startedAt) > INTERRUPTED_AFTER_MS;
}

function syncingText(syncing: NonNullable<SourceRecord['syncing']>, interrupted: boolean): string {
  const got = bytesOf(syncing.received, syncing.total);
  if (interrupted)
    return syncing.phase === 'apply'
      ? t(
          'status_interruptedApply',
          'Interrupted while applying the changes: the browser stopped Gloss’s background worker. Gloss finishes it at its next run; what it had stays meanwhile.',
        )
      : syncing.received > 0
        ? t(
            'status_interrupted',
            'Interrupted after $1: the browser stopped Gloss’s background worker. Gloss goes on from there at its next run.',
            [got],
          )
        : t(
            'status_interruptedStart',
            'Interrupted before the server answered: the browser stopped Gloss’s background worker. Gloss tries again at its next run.',
          );
  if (syncing.phase === 'apply') return t('status_applying', 'Syncing: applying the changes…');
  if (syncing.received > 0 || syncing.answered) return t('status_downloading', 'Syncing: $1 downloaded…', [got]);
  return t('status_contacting', 'Syncing: contacting the server…');
}

/** One line on where a source stands: what its latest sync did, and what happens next. */
export function describeStatus(s: SourceRecord, now: number): { text: string; tone: StatusTone } {
  if (s.syncing) {
    const interrupted = syncInterrupted(s, now);
    return { text: syncingText(s.syncing, interrupted), tone: interrupted ? 'waiting' : 'busy' };
  }
  if (!s.enabled) return { text: t('status_off', 'Off: its entities are not used. Turn it on to use them again.'), tone: 'off' };
  if (!isNetworkSource(s)) {
    const kept =
      s.kind === 'builtin'
        ? t('status_builtin', 'Ships with Gloss; updated with it.')
        : t('status_local', 'Kept in this browser.');
    const when = s.lastSuccess ? t('status_imported', 'Imported $1.', [relativeTime(Math.min(s.lastSuccess, now), now)]) : '';
    return { text: join(kept, when), tone: 'ok' };
  }
  const failed = isFailure(s.status) || (s.status === undefined && Boolean(s.lastError));
  const next =
    s.nextDue && s.nextDue > now
      ? failed
        ? t('status_nextTry', 'Next try $1.', [relativeTime(s.nextDue, now)])
        : t('status_nextCheck', 'Next check $1.', [relativeTime(s.nextDue, now)])
      : '';
  // Records from before statuses were data keep their sentence until the next sync.
  const result = s.status ? statusText(s.status) : (s.lastResult ?? s.lastError ?? '');
  if (failed) return { text: join(result, next), tone: 'error' };
  const checked = Math.max(s.lastSuccess ?? 0, s.lastChecked ?? 0);
  // The page's clock ticks every 30 s: a sync that just ended may look a little in the future.
  const last = checked > 0 ? t('status_lastChecked', 'Last checked $1.', [relativeTime(Math.min(checked, now), now)]) : '';
  return { text: join(result, last, next), tone: checked > 0 ? 'ok' : 'waiting' };
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
