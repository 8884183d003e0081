import { t } from '@/lib/ui/i18n';
import { Switch } from '@/components/Switch';
import type { SourceRecord } from '@/lib/kb/db';
import { askWorker } from '@/lib/messaging/ask-worker';
import { isNetworkSource } from '@/lib/sync/schedule';
import { syncInterrupted } from '@/lib/sync/describe';
import { RemoveSource } from './RemoveSource';
import { INTERVALS, intervalLabel, SOURCE_COLUMNS, type ReportResult } from './source-labels';

/** What the reader can do to a source: use it, move it, how often to check it, sync it now, remove it. */
export function SourceControlsRow({
  source: s,
  rank,
  count,
  nameId,
  onResult,
  contents,
}: {
  source: SourceRecord;
  rank: number;
  count: number;
  nameId: string;
  onResult: ReportResult;
  /** The list of what the source holds, shown in a row below when open. */
  contents: { open: boolean; toggle: () => void; id: string };
}) {
  const network = isNetworkSource(s);
  // A marker left by a stopped worker is no sync in progress: the reader may start one again.
  const syncingNow = Boolean(s.syncing) && !syncInterrupted(s, Date.now());
  const update = (data: { enabled?: boolean; priority?: number; intervalHours?: number }) =>
    void askWorker('updateSource', { id: s.id, ...data }).then(onResult);
  return (
    <tr class="source-controls" data-controls-for={s.id}>
      <td colSpan={SOURCE_COLUMNS}>
        <div class="row" role="group" aria-labelledby={nameId}>
          <Switch checked={s.enabled} onChange={(enabled) => update({ enabled })} label={t('sourceUse', 'Use')} />
          <button type="button" class="button" disabled={rank === 0} onClick={() => update({ priority: rank - 1 })}>
            {t('sourceUp', 'Move up')}
          </button>
          <button type="button" class="button" disabled={rank === count - 1} onClick={() => update({ priority: rank + 1 })}>
            {t('sourceDown', 'Move down')}
          </button>
          {network && (
            <>
              <label>
                <span class="visually-hidden">{t('sourceInterval', 'How often to check')} </span>
                <select
                  value={String(s.intervalHours ?? 24)}
                  onChange={(e) => update({ intervalHours: Number((e.target as HTMLSelectElement).value) })}
                >
                  {[...new Set([...INTERVALS, s.intervalHours ?? 24])]
                    .sort((a, b) => a - b)
                    .map((h) => (
                      <option key={h} value={String(h)}>
                        {intervalLabel(h)}
                      </option>
                    ))}
                </select>
              </label>
              <button
                type="button"
                class="button"
                disabled={syncingNow || !s.enabled}
                onClick={() => void askWorker('syncNow', { id: s.id }).then(onResult)}
              >
                {syncingNow ? t('sourceSyncing', 'Syncing…') : t('sourceSyncNow', 'Sync now')}
              </button>
            </>
          )}
          <button
            type="button"
            class="button"
            aria-expanded={contents.open}
            aria-controls={contents.open ? contents.id : undefined}
            onClick={contents.toggle}
          >
            {contents.open ? t('sourceContentsHide', 'Hide its entities') : t('sourceContentsShow', 'Show its entities')}
          </button>
          {s.kind !== 'builtin' && <RemoveSource source={s} onResult={onResult} />}
        </div>
      </td>
    </tr>
  );
}
