import { useState } from 'preact/hooks';
import type { SourceRecord } from '@/lib/kb/db';
import { SourceContents } from './SourceContents';
import { SourceControlsRow } from './SourceControlsRow';
import { SourceInfoRow } from './SourceInfoRow';
import { SOURCE_COLUMNS, type ReportResult } from './source-labels';

/** One source in the table: what it is and where its sync stands, a row of its controls, and what it holds when asked. */
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
  const contentsId = `source-contents-${source.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const [open, setOpen] = useState(false);
  return (
    <tbody>
      <SourceInfoRow source={source} now={now} nameId={nameId} />
      <SourceControlsRow
        source={source}
        rank={rank}
        count={count}
        nameId={nameId}
        onResult={onResult}
        contents={{ open, toggle: () => setOpen((o) => !o), id: contentsId }}
      />
      {open && (
        <tr class="source-contents-row" id={contentsId}>
          <td colSpan={SOURCE_COLUMNS}>
            <SourceContents source={source} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
