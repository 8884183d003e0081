import { storage } from 'wxt/utils/storage';
import { t } from '@/lib/ui/i18n';
import { useStorageItem } from '@/components/use-storage-item';
import { describeRecovery, RECOVERY_REPORT_KEY, type RecoveryReport } from '@/lib/kb/recovery-report';

/** Written by the worker when it rebuilt a damaged knowledge base (lib/kb/open-or-recover.ts). */
const recoveryReport = storage.defineItem<RecoveryReport | null>(`local:${RECOVERY_REPORT_KEY}`, { fallback: null });

/**
 * What Gloss did about a damaged knowledge base, at the top of the settings until the reader dismisses
 * it. A failed rebuild is an alert: the reader should export their data while Gloss still runs.
 */
export function RecoveryNotice() {
  const report = useStorageItem(recoveryReport);
  if (!report || report.seen) return null;
  const lines = describeRecovery(report);
  return (
    <section class={`recovery-notice${report.failed ? ' error' : ''}`} role={report.failed ? 'alert' : 'status'}>
      <h2>{t('recoveryHeading', 'Gloss repaired its knowledge base')}</h2>
      <p class="muted">{new Date(report.at).toLocaleString()}</p>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <button type="button" onClick={() => void recoveryReport.setValue({ ...report, seen: true })}>
        {t('recoveryDismiss', 'Got it')}
      </button>
    </section>
  );
}
