import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { entitiesCount, sourcesCount } from '@/lib/ui/counts';
import { askWorker } from '@/lib/messaging/ask-worker';
import { downloadBackupMessage } from './download-backup';

/**
 * "Reset Gloss": back to how it was installed. It asks first, saying what goes, and offers to export
 * everything before anything is removed.
 */
export function ResetGloss() {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const exportFirst = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (asking) exportFirst.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      resetButton.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    refocus.current = true;
    setAsking(false);
  };
  const doExport = async () => {
    setBusy(true);
    setMessage(await downloadBackupMessage());
    setBusy(false);
  };
  const doReset = async () => {
    setBusy(true);
    const reply = await askWorker('resetGloss', {});
    setBusy(false);
    setAsking(false);
    setMessage(
      reply.ok
        ? {
            error: false,
            text: t('resetDone', 'Gloss is as it was installed: $1 from $2 that ship with it, and default settings.', [
              entitiesCount(reply.value.entities),
              sourcesCount(reply.value.sources),
            ]),
          }
        : { error: true, text: reply.error },
    );
  };

  return (
    <div class="reset" data-reset>
      <h3>{t('resetHeading', 'Reset')}</h3>
      <p class="muted">
        {t(
          'resetIntro',
          'Puts Gloss back as it was installed: only the built-in packs, default settings, and none of your sources, notes or entities.',
        )}
      </p>
      {!asking ? (
        <button type="button" class="button danger" ref={resetButton} disabled={busy} onClick={() => setAsking(true)}>
          {t('resetButton', 'Reset Gloss to its defaults…')}
        </button>
      ) : (
        <div class="confirm-box" role="group" aria-labelledby="reset-question" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
          <p id="reset-question">
            {t(
              'resetQuestion',
              'This removes every source you added, your notes, your own entities and your settings. They cannot be brought back unless you export them first.',
            )}
          </p>
          <div class="row">
            <button type="button" class="button primary" ref={exportFirst} disabled={busy} onClick={() => void doExport()}>
              {t('resetExportFirst', 'Export everything first')}
            </button>
            <button type="button" class="button danger" disabled={busy} onClick={() => void doReset()}>
              {t('resetConfirm', 'Reset')}
            </button>
            <button type="button" class="button" onClick={cancel}>
              {t('cancel', 'Cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class={message?.error ? 'error' : 'ok'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
