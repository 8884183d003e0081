import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { pageDb } from '@/lib/kb/page-db';
import { SourceAddForm } from '@/components/SourceAddForm';
import { useLiveQuery } from '@/components/use-live-query';
import { WikidataSourceToggle } from '@/components/WikidataSourceToggle';
import '@/components/sources.css';
import { sendMessage } from '@/lib/messaging/protocol';
import { askWorker } from '@/lib/messaging/ask-worker';
import { isNetworkSource } from '@/lib/sync/schedule';
import { SourceRows } from './SourceRows';
import { StorageNote } from './StorageNote';

/**
 * The sources the knowledge base is built from: what each holds, under which licence, where its sync
 * stands (in words), and the user's controls. The rows are read straight from IndexedDB and follow
 * every write the worker makes (Dexie broadcasts them), so progress shows without polling.
 */
export function SourcesSection() {
  const { value: sources, error } = useLiveQuery(() => pageDb().sources.toArray(), []);
  const [now, setNow] = useState(Date.now());
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    // Asks the worker once, which imports the built-in pack if a first run has not yet.
    void sendMessage('listSources', {});
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
              <th>{t('sourceLastUpdated', 'Last updated')}</th>
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
          <button type="button" class="button" onClick={() => void askWorker('syncNow', {}).then(report)}>
            {t('syncAllNow', 'Check all sources now')}
          </button>
        </p>
      )}
      <SourceAddForm />
      <WikidataSourceToggle source={ordered.find((s) => s.kind === 'wikidata')} />
      <StorageNote />
    </section>
  );
}
