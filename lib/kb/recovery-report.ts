import type { ProblemReason } from './schema-check';

/**
 * What Gloss did about a damaged knowledge base, kept in `storage.local` under RECOVERY_REPORT_KEY
 * (not in IndexedDB: the report must survive the database it is about). The options page shows it
 * until the user dismisses it; `describeRecovery` gives the words.
 */
export const RECOVERY_REPORT_KEY = 'glossKbRecovery';

interface Counts {
  notes: number;
  personalEntities: number;
  sources: number;
  /** Entities of sources other than the built-in pack (which is imported again whole). */
  entities: number;
}

export interface RecoveryReport {
  at: number;
  /** 'caches': only derived data (counters, stored matcher or search index) was bad and was dropped. */
  reason: ProblemReason | 'caches';
  detail: string;
  foundVersion?: number;
  /** What the rebuilt knowledge base holds of the user's data. */
  kept: Counts;
  /** Rows that could not be read or did not pass the checks, and were left out. */
  dropped: { notes: number; entities: number; sources: number };
  /** Of `kept`, what came from the second copy in storage.local rather than from the database. */
  fromCopy: { notes: number; personalEntities: number; sources: number };
  /** Names of the sources fetched again. */
  refetch: string[];
  /** Set when the rebuild itself failed: Gloss runs on what it could open, and says so. */
  failed?: string;
  /** Set by the options page when the user has read it. */
  seen?: boolean;
}

const WHY: Record<RecoveryReport['reason'], string> = {
  downgraded: 'Gloss found a knowledge base written by a newer version of Gloss, which this version cannot read safely',
  damaged: 'Gloss found its knowledge base damaged',
  unreadable: 'Gloss could not open its knowledge base',
  'open-failed': 'Gloss could not open its knowledge base',
  malformed: 'Gloss found unreadable records in its knowledge base',
  missing: 'Gloss found its knowledge base gone',
  caches: 'Gloss found its saved indexes damaged',
};

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The report in sentences, for the options page. */
export function describeRecovery(r: RecoveryReport): string[] {
  const lines = [`${WHY[r.reason]} (${r.detail}).`];
  if (r.failed) {
    lines.push(`Rebuilding it failed: ${r.failed}. Export your data from Settings → Data while Gloss still runs.`);
    return lines;
  }
  if (r.reason === 'caches') {
    lines.push('It dropped them and built them again; none of your data was affected.');
    return lines;
  }
  lines.push(
    `It rebuilt the knowledge base and kept ${n(r.kept.notes, 'note')}, ${n(r.kept.personalEntities, 'entity', 'entities')} of your own and ${n(r.kept.sources, 'source')}; the built-in pack was imported again.`,
  );
  const copied = r.fromCopy.notes + r.fromCopy.personalEntities + r.fromCopy.sources;
  if (copied > 0) {
    lines.push(
      `${n(r.fromCopy.notes, 'note')}, ${n(r.fromCopy.personalEntities, 'entity', 'entities')} and ${n(r.fromCopy.sources, 'source')} came from the second copy Gloss keeps of your data.`,
    );
  }
  const dropped = r.dropped.notes + r.dropped.entities + r.dropped.sources;
  if (dropped > 0) {
    lines.push(
      `Left out as unreadable: ${n(r.dropped.notes, 'note')}, ${n(r.dropped.entities, 'entity', 'entities')}, ${n(r.dropped.sources, 'source')}.`,
    );
  }
  if (r.refetch.length > 0) lines.push(`Fetching again: ${r.refetch.join(', ')}.`);
  return lines;
}
