import { useState } from 'preact/hooks';
import { subscriptionName } from '@/lib/ui/subscription-name';
import { askWorker } from '@/lib/messaging/ask-worker';
import type { SourcePreview, UrlSourceKind } from '@/lib/messaging/sync-protocol';
import { t } from '@/lib/ui/i18n';
import { SafeLink } from './SafeLink';
import { requestOrigin } from '@/lib/sync/source-permissions';
import { warningsCount } from '@/lib/ui/counts';
import { workerErrorText } from '@/lib/ui/worker-error';

/**
 * "Add a source": the user gives an address, Gloss asks the browser for permission to read that one
 * server, downloads and checks the file, and shows what it holds before anything is subscribed.
 */
export function SourceAddForm() {
  const [kind, setKind] = useState<UrlSourceKind>('pack-url');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [license, setLicense] = useState('');
  const [attribution, setAttribution] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  /** A CSV file's terms as the reader states them (the file's own `#` lines take precedence). */
  const terms = () =>
    kind === 'csv-url'
      ? { ...(license.trim() && { license: license.trim() }), ...(attribution.trim() && { attribution: attribution.trim() }) }
      : {};

  const onPreview = (event: Event) => {
    event.preventDefault();
    setPreview(null);
    setMessage(null);
    // First thing in the handler: the permission prompt needs the user's click.
    const allowed = requestOrigin(url.trim());
    setBusy(true);
    void (async () => {
      if (!(await allowed)) {
        setMessage({
          text: t(
            'sourcePermissionRefused',
            'Gloss needs your permission to read files from this server; nothing was downloaded.',
          ),
          error: true,
        });
        setBusy(false);
        return;
      }
      const reply = await askWorker('previewSource', {
        url: url.trim(),
        kind,
        ...(name.trim() && { name: name.trim() }),
        ...terms(),
      });
      setBusy(false);
      if (reply.ok) setPreview(reply.value);
      else setMessage({ text: reply.error, error: true });
    })();
  };

  // A click handler returns nothing: the subscription runs on its own and any failure is shown, not lost.
  const onSubscribe = () => {
    setBusy(true);
    void subscribe()
      .catch((error: unknown) => setMessage({ text: workerErrorText(error), error: true }))
      .finally(() => setBusy(false));
  };

  const subscribe = async () => {
    const chosen = subscriptionName(kind, name, preview);
    const reply = await askWorker(
      'addSource',
      kind === 'csv-url'
        ? { kind, url: url.trim(), ...(chosen && { name: chosen }), ...terms() }
        : { kind, url: url.trim(), ...(chosen && { name: chosen }) },
    );
    if (!reply.ok) {
      setMessage({ text: reply.error, error: true });
      return;
    }
    setPreview(null);
    setUrl('');
    setName('');
    setLicense('');
    setAttribution('');
    setMessage({ text: t('sourceAddedNamed', 'Added “$1”; its first sync has started.', [reply.value.name]), error: false });
  };

  return (
    <div class="source-add">
      <h3 id="add-source-heading">{t('addSourceHeading', 'Add a source')}</h3>
      <form onSubmit={onPreview} aria-labelledby="add-source-heading">
        <fieldset>
          <legend>{t('sourceKindLegend', 'What is at the address?')}</legend>
          <label class="check">
            <input type="radio" name="source-kind" checked={kind === 'pack-url'} onChange={() => setKind('pack-url')} />
            {t('sourceKindPack', 'A Gloss pack (JSON)')}
          </label>
          <label class="check">
            <input type="radio" name="source-kind" checked={kind === 'csv-url'} onChange={() => setKind('csv-url')} />
            {t('sourceKindCsv', 'A glossary in CSV (a published spreadsheet)')}
          </label>
        </fieldset>
        <div class="field">
          <label for="source-url">{t('sourceUrl', 'Address of the file')}</label>
          <input
            id="source-url"
            type="url"
            required
            value={url}
            placeholder="https://example.org/glossary.json"
            onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          />
        </div>
        {kind === 'csv-url' && (
          <div class="field">
            <label for="source-name">{t('sourceNameOptional', 'Name to show (optional)')}</label>
            <input id="source-name" type="text" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          </div>
        )}
        {kind === 'csv-url' && (
          <>
            <div class="field">
              <label for="source-license">{t('sourceLicenseField', 'Licence of the file (if it does not state one)')}</label>
              <input
                id="source-license"
                type="text"
                maxLength={300}
                placeholder="CC BY 4.0"
                aria-describedby="source-terms-hint"
                value={license}
                onInput={(e) => setLicense((e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="source-attribution">{t('sourceAttributionField', 'Credit to show (optional)')}</label>
              <input
                id="source-attribution"
                type="text"
                maxLength={300}
                aria-describedby="source-terms-hint"
                value={attribution}
                onInput={(e) => setAttribution((e.target as HTMLInputElement).value)}
              />
            </div>
            <p class="muted" id="source-terms-hint">
              {t(
                'sourceTermsHint',
                'A CSV file can state its own terms in lines at the top, such as “# licence: CC BY 4.0” and “# attribution: The Newsroom”; those win over what you type here.',
              )}
            </p>
          </>
        )}
        <button type="submit" class="button" disabled={busy || url.trim() === ''}>
          {busy && !preview ? t('sourcePreviewing', 'Checking…') : t('sourcePreview', 'Check the file')}
        </button>
        <p class="muted">
          {t(
            'sourceAddPrivacy',
            'Gloss will ask your permission to read that server, then download the file without cookies. It never sends what you read.',
          )}
        </p>
      </form>
      {message && (
        <p role="status" class={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
      {preview && <PreviewPanel preview={preview} busy={busy} onSubscribe={onSubscribe} onCancel={() => setPreview(null)} />}
    </div>
  );
}

function PreviewPanel({
  preview,
  busy,
  onSubscribe,
  onCancel,
}: {
  preview: SourcePreview;
  busy: boolean;
  onSubscribe: () => void;
  onCancel: () => void;
}) {
  if (!preview.ok)
    return (
      <div class="source-preview" role="status">
        <p class="error">{preview.message}</p>
        {preview.problems && preview.problems.length > 0 && (
          <ul class="source-problems">
            {preview.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <div class="source-preview" role="status">
      <p>
        <strong>{preview.homepage ? <SafeLink href={preview.homepage}>{preview.name}</SafeLink> : preview.name}</strong>{' '}
        <span class="muted">
          {t('sourcePreviewVersion', 'version $1, facts as of $2', [preview.version ?? '—', preview.asOf ?? '—'])}
        </span>
      </p>
      {preview.description && <p>{preview.description}</p>}
      <p>
        {preview.entityCount === 1
          ? t('sourcePreviewOne', '1 entity:')
          : t('sourcePreviewCount', '$1 entities, for example:', [(preview.entityCount ?? 0).toLocaleString()])}{' '}
        <span class="sample">{preview.sample?.join(', ')}</span>
      </p>
      <p class="muted">
        {preview.license} · {preview.attribution}
      </p>
      {preview.warnings && preview.warnings.length > 0 && (
        <details class="source-problems">
          <summary>{warningsCount(preview.warnings.length)}</summary>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      {preview.existingId ? (
        <p>{t('sourceAlreadyAdded', 'You already subscribe to this address.')}</p>
      ) : (
        <div class="row">
          <button type="button" class="button primary" disabled={busy} onClick={onSubscribe}>
            {t('sourceSubscribe', 'Subscribe')}
          </button>
          <button type="button" class="button" onClick={onCancel}>
            {t('cancel', 'Cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
