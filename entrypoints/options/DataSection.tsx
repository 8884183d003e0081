import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import { sectionId } from '@/lib/ui/routes';
import { useLiveQuery } from '@/components/use-live-query';
import { parseBackup, summariseBackup } from '@/lib/kb/backup-format';
import { askWorker } from '@/lib/messaging/ask-worker';
import { entitiesCount, notesCount, sourcesCount } from '@/lib/ui/counts';
import { ENTITY_KINDS } from '@/lib/pack/types';
import { downloadBackupMessage } from './download-backup';
import { formatBytes } from './format';
import { ResetGloss } from './ResetGloss';

type Pending = { text: string; name: string; summary: ReturnType<typeof summariseBackup> };

/** What the knowledge base holds, the storage it takes, and export / import of everything as JSON. */
export function DataSection() {
  const { value: counts } = useLiveQuery(async () => {
    const db = pageDb();
    const [byKind, total, notes, sources] = await Promise.all([
      Promise.all(ENTITY_KINDS.map((k) => db.entities.where('kind').equals(k).count())),
      db.entities.count(),
      db.notes.count(),
      db.sources.count(),
    ]);
    return { byKind, total, notes, sources };
  }, []);
  const [storage, setStorage] = useState<StorageEstimate | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // Storage follows the data: estimated again whenever the counts change.
  useEffect(() => {
    void navigator.storage?.estimate().then(setStorage);
  }, [counts]);

  const doExport = async () => {
    setBusy(true);
    setMessage(await downloadBackupMessage());
    setBusy(false);
  };

  const choose = async (file: File | undefined) => {
    setPending(null);
    if (!file) return;
    const text = await file.text();
    // Checked here so the user sees what is wrong before anything is replaced; the worker checks again.
    const checked = parseBackup(text);
    if (!checked.ok) {
      setMessage({ error: true, text: t('importInvalid', 'This file cannot be imported: $1', [checked.problems.join('; ')]) });
      return;
    }
    setMessage(null);
    setPending({ text, name: file.name, summary: summariseBackup(checked.backup) });
  };

  const doImport = async () => {
    if (!pending) return;
    setBusy(true);
    const reply = await askWorker('importBackup', { text: pending.text });
    setBusy(false);
    setPending(null);
    setMessage(
      reply.ok
        ? {
            error: false,
            text: t('importedCounts', 'Imported $1 from $2 and $3.', [
              entitiesCount(reply.value.entities),
              sourcesCount(reply.value.sources),
              notesCount(reply.value.notes),
            ]),
          }
        : { error: true, text: reply.error },
    );
  };

  return (
    <section id={sectionId('data')} tabIndex={-1} aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading', 'Data')}</h2>
      <h3>{t('whatGlossKnows', 'What Gloss knows')}</h3>
      {counts && (
        <table class="counts">
          <caption class="visually-hidden">{t('countsCaptionEntities', 'Entities in the knowledge base by kind')}</caption>
          <tbody>
            {ENTITY_KINDS.map((k, i) => (
              <tr key={k}>
                <th scope="row">{kindLabel(k)}</th>
                <td>{counts.byKind[i]!.toLocaleString()}</td>
              </tr>
            ))}
            <tr class="total">
              <th scope="row">{t('totalEntities', 'All entities')}</th>
              <td data-total-entities>{counts.total.toLocaleString()}</td>
            </tr>
            <tr>
              <th scope="row">{t('notesCount', 'Your notes')}</th>
              <td>{counts.notes.toLocaleString()}</td>
            </tr>
            <tr>
              <th scope="row">{t('sourcesCount', 'Sources')}</th>
              <td>{counts.sources.toLocaleString()}</td>
            </tr>
          </tbody>
        </table>
      )}
      <p class="muted" data-storage>
        {storage?.usage !== undefined
          ? t('storageUsed', 'Gloss takes $1 of this browser’s storage (of $2 it may use).', [
              formatBytes(storage.usage),
              formatBytes(storage.quota ?? 0),
            ])
          : t('storageUnknown', 'This browser does not say how much storage Gloss takes.')}
      </p>
      <h3>{t('exportHeading', 'Export')}</h3>
      <p class="muted">
        {t('exportIntroEntities', 'One JSON file with every source and its entities, your notes and your settings.')}
      </p>
      <button type="button" class="button" disabled={busy} onClick={() => void doExport()}>
        {t('exportButton', 'Export everything')}
      </button>
      <h3>{t('importHeading', 'Import')}</h3>
      <p class="muted">
        {t(
          'importIntro',
          'Importing a Gloss backup replaces the knowledge base, your notes and your settings with what it holds.',
        )}
      </p>
      <label for="import-file">{t('importLabel', 'Choose a Gloss backup file')}</label>{' '}
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {pending && (
        <div class="confirm-box" role="group" aria-labelledby="import-question">
          <p id="import-question">
            {t('importQuestionAll', '$1 holds $2 from $3 and $4. Replace what Gloss has now with it?', [
              pending.name,
              entitiesCount(pending.summary.entities),
              sourcesCount(pending.summary.sources),
              notesCount(pending.summary.notes) + (pending.summary.settings ? t('andSettings', ', and settings') : ''),
            ])}
          </p>
          <div class="row">
            <button type="button" class="button primary" disabled={busy} onClick={() => void doImport()}>
              {t('replaceEverything', 'Replace everything')}
            </button>
            <button type="button" class="button" onClick={() => setPending(null)}>
              {t('cancel', 'Cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class={message?.error ? 'error' : 'ok'}>
        {message?.text ?? ''}
      </p>
      <ResetGloss />
    </section>
  );
}
