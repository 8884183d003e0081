import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import type { SourceRecord } from '@/lib/kb/db';
import { askWorker } from '@/lib/messaging/ask-worker';
import type { RemovalPreview } from '@/lib/messaging/sync-protocol';
import type { ReportResult } from './source-labels';

/** "Remove": first shows exactly what would leave the knowledge base, then asks. */
export function RemoveSource({ source, onResult }: { source: SourceRecord; onResult: ReportResult }) {
  const [preview, setPreview] = useState<RemovalPreview | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  // Set when the question is dismissed: focus goes back where it came from, not to the page's top.
  const refocus = useRef(false);
  // Focus moves to the question once, when it appears (not on every live update of the row).
  useEffect(() => {
    if (preview) confirm.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      removeButton.current?.focus();
    }
  }, [preview]);
  const ask = async () => {
    const reply = await askWorker('previewRemoval', { id: source.id });
    if (reply.ok) setPreview(reply.value);
    else onResult(reply);
  };
  const cancel = () => {
    refocus.current = true;
    setPreview(null);
  };
  if (!preview)
    return (
      <button type="button" class="button danger" ref={removeButton} onClick={() => void ask()}>
        {t('sourceRemove', 'Remove…')}
      </button>
    );
  const more = preview.removed - preview.removedNames.length;
  return (
    <div
      class="removal"
      role="group"
      aria-label={t('sourceRemoveQuestion', 'Remove “$1”?', [source.name])}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
    >
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
            void askWorker('removeSource', { id: source.id }).then(onResult);
          }}
        >
          {t('sourceRemoveConfirm', 'Remove')}
        </button>
        <button type="button" class="button" onClick={cancel}>
          {t('cancel', 'Cancel')}
        </button>
      </div>
    </div>
  );
}
