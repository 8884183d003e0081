import { useEffect, useRef, useState } from 'preact/hooks';
import { shownVersion } from '@/lib/ui/source-version';
import { t } from '@/lib/ui/i18n';
import { pageDb } from '@/lib/kb/page-db';
import { SafeLink } from '@/components/SafeLink';
import { SourceAddForm } from '@/components/SourceAddForm';
import { hasOrigin, requestOrigin } from '@/lib/sync/source-permissions';
import { Switch } from '@/components/Switch';
import { useLiveQuery } from '@/components/use-live-query';
import { WikidataSourceToggle } from '@/components/WikidataSourceToggle';
import '@/components/sources.css';
import type { SourceRecord } from '@/lib/kb/db';
import { sendMessage } from '@/lib/messaging/protocol';
import type { RemovalPreview } from '@/lib/messaging/sync-protocol';
import { describeStatus } from '@/lib/sync/describe';
import { isNetworkSource } from '@/lib/sync/schedule';
import { hostOf } from '@/lib/sync/words';

const KIND_LABEL: Record<SourceRecord['kind'], () => string> = {
  builtin: () => t('sourceKindBuiltin', 'Built in'),
  'pack-url': () => t('sourceKindPackShort', 'Pack'),
  'csv-url': () => t('sourceKindCsvShort', 'CSV glossary'),
  wikidata: () => t('sourceKindWikidata', 'Refreshed from Wikidata'),
  personal: () => t('sourceKindPersonal', 'Your own entities'),
};

const INTERVALS = [1, 6, 12, 24, 72, 168, 720];
const intervalLabel = (h: number) =>
  h === 1
    ? 'Every hour'
    : h < 24
      ? `Every ${h} hours`
      : h === 24
        ? 'Every day'
        : h === 168
          ? 'Every week'
          : h === 720
            ? 'Every 30 days'
            : `Every ${h / 24} days`;

/**
 * The sources the knowledge base is built from: what each holds, under which licence, where its sync
 * stands (in words), and the user's controls. The rows are read straight from IndexedDB and follow
 * every write the worker makes (Dexie broadcasts them), so progress shows without polling.
 */
export function SourcesSection() {
  const { value: sources, error } = useLiveQuery(() => pageDb().sources.toArray(), []);
  const [now, setNow] = useState(Date.now());
  const [kept, setKept] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    // Asks the worker once, which imports the built-in pack if a first run has not yet.
    void sendMessage('listSources', {});
    void askToKeepStorage().then(setKept);
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);
  const ordered = [...(sources ?? [])].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  const report = (r: { ok: boolean; error?: string }) => setMessage(r.ok ? null : (r.error ?? null));
  const anyNetwork = ordered.some((s) => s.enabled && isNetworkSource(s));

  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sourcesHeading', 'Sources')}</h2>
      <p class="muted">
        {t(
          'sourcesIntro',
          'Gloss knows what these sources say. Where two give the same entity, the one higher in the list is shown first and the card shows the other too.',
        )}
      </p>
      {(error || message) && <p role="alert">{error ?? message}</p>}
      {sources === undefined && !error && <p class="muted">{t('loading', 'Loading…')}</p>}
      {sources && (
        <table class="sources-table">
          <thead>
            <tr>
              <th>{t('sourceName', 'Name')}</th>
              <th>{t('sourceEntities', 'Entities')}</th>
              <th>{t('sourceAsOf', 'Facts as of')}</th>
              <th>{t('sourceLicense', 'Licence and attribution')}</th>
              <th>{t('sourceStatus', 'Status')}</th>
            </tr>
          </thead>
          {ordered.map((s, i) => (
            <SourceRows key={s.id} source={s} rank={i} count={ordered.length} now={now} onResult={report} />
          ))}
        </table>
      )}
      {anyNetwork && (
        <p>
          <button type="button" class="button" onClick={() => void sendMessage('syncNow', {}).then(report)}>
            {t('syncAllNow', 'Check all sources now')}
          </button>
        </p>
      )}
      <SourceAddForm />
      <WikidataSourceToggle source={ordered.find((s) => s.kind === 'wikidata')} />
      {kept !== null && (
        <p class="muted">
          {kept
            ? t('storageKept', 'The browser keeps Gloss’s knowledge base even when disk space runs low.')
            : t(
                'storageNotKept',
                'The browser may clear Gloss’s knowledge base when disk space runs low; Gloss then starts again from the built-in pack and your sources sync again.',
              )}
        </p>
      )}
    </section>
  );
}

/** Asks once that the browser not evict the knowledge base under storage pressure. */
async function askToKeepStorage(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

function SourceRows({
  source: s,
  rank,
  count,
  now,
  onResult,
}: {
  source: SourceRecord;
  rank: number;
  count: number;
  now: number;
  onResult: (r: { ok: boolean; error?: string }) => void;
}) {
  const status = describeStatus(s, now);
  const network = isNetworkSource(s);
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    if (network && s.url) void hasOrigin(s.url).then(setAllowed);
  }, [network, s.url]);
  const update = (data: { enabled?: boolean; priority?: number; intervalHours?: number }) =>
    void sendMessage('updateSource', { id: s.id, ...data }).then(onResult);
  const nameId = `source-name-${s.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <tbody>
      <tr data-source-id={s.id} class={`source-main${s.enabled ? '' : ' source-off'}`}>
        <td>
          <span id={nameId}>{s.homepage ? <SafeLink href={s.homepage}>{s.name}</SafeLink> : s.name}</span>
          {/* A built-in pack says what it holds, as a filter list of uBlock Origin does. */}
          {s.kind === 'builtin' && s.description && <div class="muted source-description">{s.description}</div>}
          <div class="muted">
            {KIND_LABEL[s.kind]()}
            {s.url && s.kind !== 'wikidata' && ` · ${hostOf(s.url)}`}
            {shownVersion(s) && ` · ${t('sourceVersionShort', 'version $1', [shownVersion(s)!])}`}
          </div>
        </td>
        <td class="count">{s.entityCount.toLocaleString()}</td>
        <td>{s.asOf ?? '—'}</td>
        <td class="licence">
          <div>{s.license ?? '—'}</div>
          {s.attribution &&
            // A long attribution (the built-in pack credits every dataset) folds away instead of stretching the row.
            (s.attribution.length > 80 ? (
              <details class="muted">
                <summary>{t('sourceAttribution', 'Attribution')}</summary>
                {s.attribution}
              </details>
            ) : (
              <div class="muted">{s.attribution}</div>
            ))}
        </td>
        <td class="status">
          <p class={`source-status ${status.tone}`} aria-live="polite">
            {status.text}
          </p>
          {s.problems && s.problems.length > 0 && (
            <details class="source-problems">
              <summary>{t('sourceProblems', 'Show the problems ($1)', [String(s.problems.length)])}</summary>
              <ul>
                {s.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          )}
          {network && s.url && !allowed && (
            <p class="error">
              {t('sourceNeedsPermission', 'Gloss does not have your permission to read $1.', [hostOf(s.url)])}{' '}
              <button
                type="button"
                class="linklike"
                onClick={() => {
                  const asked = requestOrigin(s.url!);
                  void asked.then(setAllowed);
                }}
              >
                {t('sourceAllow', 'Allow')}
              </button>
            </p>
          )}
        </td>
      </tr>
      <tr class="source-controls" data-controls-for={s.id}>
        <td colSpan={5}>
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
                  disabled={Boolean(s.syncing) || !s.enabled}
                  onClick={() => void sendMessage('syncNow', { id: s.id }).then(onResult)}
                >
                  {s.syncing ? t('sourceSyncing', 'Syncing…') : t('sourceSyncNow', 'Sync now')}
                </button>
              </>
            )}
            {s.kind !== 'builtin' && <RemoveSource source={s} onResult={onResult} />}
          </div>
        </td>
      </tr>
    </tbody>
  );
}

/** "Remove": first shows exactly what would leave the knowledge base, then asks. */
function RemoveSource({ source, onResult }: { source: SourceRecord; onResult: (r: { ok: boolean; error?: string }) => void }) {
  const [preview, setPreview] = useState<RemovalPreview | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  // Focus moves to the question once, when it appears (not on every live update of the row).
  useEffect(() => {
    if (preview) confirm.current?.focus();
  }, [preview]);
  const ask = async () => {
    const reply = await sendMessage('previewRemoval', { id: source.id });
    if (reply.ok) setPreview(reply.value);
    else onResult(reply);
  };
  if (!preview)
    return (
      <button type="button" class="button danger" onClick={() => void ask()}>
        {t('sourceRemove', 'Remove…')}
      </button>
    );
  const more = preview.removed - preview.removedNames.length;
  return (
    <div class="removal" role="group" aria-label={t('sourceRemoveQuestion', 'Remove “$1”?', [source.name])}>
      <p>
        {preview.removed === 0
          ? t('sourceRemoveNothing', 'Removing “$1” takes no entity out of Gloss: other sources give all $2 of them.', [
              source.name,
              preview.given.toLocaleString(),
            ])
          : preview.removed === 1
            ? t('sourceRemoveOne', 'Removing “$1” takes 1 entity out of Gloss:', [source.name])
            : t('sourceRemoveSome', 'Removing “$1” takes $2 entities out of Gloss:', [
                source.name,
                preview.removed.toLocaleString(),
              ])}
      </p>
      {preview.removed > 0 && (
        <p class="sample">
          {preview.removedNames.join(', ')}
          {more > 0 && t('sourceRemoveMore', ' and $1 more', [more.toLocaleString()])}.
        </p>
      )}
      {preview.removed > 0 && preview.kept > 0 && (
        <p class="muted">
          {t('sourceRemoveKept', '$1 of its entities stay, because other sources give them too.', [
            preview.kept.toLocaleString(),
          ])}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          class="button danger"
          ref={confirm}
          onClick={() => {
            setPreview(null);
            void sendMessage('removeSource', { id: source.id }).then(onResult);
          }}
        >
          {t('sourceRemoveConfirm', 'Remove')}
        </button>
        <button type="button" class="button" onClick={() => setPreview(null)}>
          {t('cancel', 'Cancel')}
        </button>
      </div>
    </div>
  );
}
