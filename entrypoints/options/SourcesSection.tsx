import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { SafeLink } from '@/components/SafeLink';
import type { SourceRecord } from '@/lib/kb/db';
import { sendMessage } from '@/lib/messaging/protocol';

/** The sources the knowledge base is built from, with what each holds and under which licence. */
export function SourcesSection() {
  const [sources, setSources] = useState<SourceRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void sendMessage('listSources', {}).then((r) => (r.ok ? setSources(r.value) : setError(r.error)));
  }, []);
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sourcesHeading', 'Sources')}</h2>
      {error && <p role="alert">{error}</p>}
      {sources === null && !error && <p class="muted">{t('loading', 'Loading…')}</p>}
      {sources && (
        <table>
          <thead>
            <tr>
              <th>{t('sourceName', 'Name')}</th>
              <th>{t('sourceEntities', 'Entities')}</th>
              <th>{t('sourceVersion', 'Version')}</th>
              <th>{t('sourceAsOf', 'Facts as of')}</th>
              <th>{t('sourceLicense', 'Licence and attribution')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} data-source-id={s.id}>
                <td>
                  {s.homepage ? <SafeLink href={s.homepage}>{s.name}</SafeLink> : s.name}
                  {s.kind === 'builtin' && <div class="muted">{t('builtinSource', 'Built in')}</div>}
                </td>
                <td>{s.entityCount.toLocaleString()}</td>
                <td>{s.version ?? '—'}</td>
                <td>{s.asOf ?? '—'}</td>
                <td>
                  <div>{s.license}</div>
                  <div class="muted">{s.attribution}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
