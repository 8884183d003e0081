import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';

/** Whether the browser promised to keep the knowledge base, asked for once when the page opens. */
export function StorageNote() {
  const [kept, setKept] = useState<boolean | null>(null);
  useEffect(() => {
    void askToKeepStorage().then(setKept);
  }, []);
  if (kept === null) return null;
  return (
    <p class="muted">
      {kept
        ? t('storageKept', 'The browser keeps Gloss’s knowledge base even when disk space runs low.')
        : t(
            'storageNotKept',
            'The browser may clear Gloss’s knowledge base when disk space runs low; Gloss then starts again from the built-in pack and your sources sync again.',
          )}
    </p>
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
