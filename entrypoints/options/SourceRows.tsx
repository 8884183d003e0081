import type { SourceRecord } from '@/lib/kb/db';
import { SourceControlsRow } from './SourceControlsRow';
import { SourceInfoRow } from './SourceInfoRow';
import type { ReportResult } from './source-labels';

/** One source in the table: what it is and where its sync stands, then a row of its controls. */
export function SourceRows({
  source,
  rank,
  count,
  now,
  onResult,
}: {
  source: SourceRecord;
  rank: number;
  count: number;
  now: number;
  onResult: ReportResult;
}) {
  // The controls are labelled by the source's name, which lives in the other row.
  const nameId = `source-name-${source.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <tbody>
      <SourceInfoRow source={source} now={now} nameId={nameId} />
      <SourceControlsRow source={source} rank={rank} count={count} nameId={nameId} onResult={onResult} />
    </tbody>
  );
}
