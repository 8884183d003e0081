import { exportBackup } from '@/lib/kb/backup';
import { pageDb } from '@/lib/kb/page-db';
import { readSettings } from '@/lib/settings/items';
import { entitiesCount, notesCount, sourcesCount } from '@/lib/ui/counts';
import { t } from '@/lib/ui/i18n';

/** Exports everything as one JSON file the browser downloads; answers what it holds, in words. */
export async function downloadBackup(): Promise<string> {
  const backup = await exportBackup(pageDb(), await readSettings());
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `gloss-backup-${backup.exportedAt.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const entities = backup.sources.reduce((n, s) => n + s.entities.length, 0);
  return t('exportedCounts', 'Exported $1 from $2 and $3.', [
    entitiesCount(entities),
    sourcesCount(backup.sources.length),
    notesCount(backup.notes.length),
  ]);
}

/** downloadBackup as the message the page shows: what was exported, or why it failed, in plain words. */
export async function downloadBackupMessage(): Promise<{ error: boolean; text: string }> {
  try {
    return { error: false, text: await downloadBackup() };
  } catch (e) {
    return { error: true, text: e instanceof Error ? e.message : String(e) };
  }
}
