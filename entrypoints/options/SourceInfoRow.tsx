import { useEffect, useState } from 'preact/hooks';
import { shownVersion } from '@/lib/ui/source-version';
import { t } from '@/lib/ui/i18n';
import { SafeLink } from '@/components/SafeLink';
import { hasOrigin, requestOrigin } from '@/lib/sync/source-permissions';
import type { SourceRecord } from '@/lib/kb/db';
import { describeStatus, relativeTime } from '@/lib/sync/describe';
import { isNetworkSource } from '@/lib/sync/schedule';
import { hostOf } from '@/lib/sync/words';
import { SOURCE_KIND_LABEL } from './source-labels';

/** A source's name, size, date, licence and sync status in words, with a way to grant a missing permission. */
export function SourceInfoRow({ source: s, now, nameId }: { source: SourceRecord; now: number; nameId: string }) {
  const status = describeStatus(s, now);
  const network = isNetworkSource(s);
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    if (network && s.url) void hasOrigin(s.url).then(setAllowed);
  }, [network, s.url]);
  return (
    <tr data-source-id={s.id} class={`source-main${s.enabled ? '' : ' source-off'}`}>
      <td>
        <span id={nameId}>{s.homepage ? <SafeLink href={s.homepage}>{s.name}</SafeLink> : s.name}</span>
        {/* A built-in pack says what it holds, as a filter list of uBlock Origin does. */}
        {s.kind === 'builtin' && s.description && <div class="muted source-description">{s.description}</div>}
        <div class="muted">
          {SOURCE_KIND_LABEL[s.kind]()}
          {s.url && s.kind !== 'wikidata' && ` · ${hostOf(s.url)}`}
          {shownVersion(s) && ` · ${t('sourceVersionShort', 'version $1', [shownVersion(s)!])}`}
        </div>
      </td>
      <td class="count">{s.entityCount.toLocaleString()}</td>
      <td>{s.asOf ?? '—'}</td>
      <td class="updated" data-updated>
        {/* When its content was last fetched whole and applied; a "304 unchanged" answer does not count. */}
        {s.lastSuccess ? (
          <time dateTime={new Date(s.lastSuccess).toISOString()} title={new Date(s.lastSuccess).toLocaleString()}>
            {relativeTime(Math.min(s.lastSuccess, now), now)}
          </time>
        ) : (
          t('sourceNeverUpdated', 'Not yet')
        )}
      </td>
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
  );
}
