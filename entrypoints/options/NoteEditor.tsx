import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import type { StoredEntity } from '@/lib/kb/db';
import { sendMessage } from '@/lib/messaging/protocol';

/** Writes, changes or deletes the note on one entity. The note shows on that entity's card. */
export function NoteEditor({ entity, onDone }: { entity: StoredEntity; onDone: (message: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  const [had, setHad] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void pageDb()
      .notes.get(entity.id)
      .then((note) => {
        setText(note?.text ?? '');
        setHad(!!note);
        // After the text is in, so the caret lands at its end.
        setTimeout(() => area.current?.focus());
      });
  }, [entity.id]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (text === null) return;
    const reply =
      text.trim() === ''
        ? await sendMessage('deleteNote', { entityId: entity.id })
        : await sendMessage('setNote', { entityId: entity.id, text: text.trim() });
    if (reply.ok)
      onDone(
        text.trim() === ''
          ? t('noteDeleted', 'Note on $1 deleted.', [entity.name])
          : t('noteSaved', 'Note on $1 saved.', [entity.name]),
      );
    else setError(reply.error);
  };

  const areaId = `note-text-${entity.id}`;
  return (
    <form class="editor" onSubmit={(e) => void save(e)} aria-label={t('noteFormLabel', 'Note on $1', [entity.name])}>
      <p class="editor-title">
        <strong>{entity.name}</strong> <span class="muted">{kindLabel(entity.kind)}</span>
      </p>
      <p class="muted small">{entity.description}</p>
      <label for={areaId}>{t('noteLabel', 'Your note (shown on the card)')}</label>
      <textarea
        id={areaId}
        ref={area}
        maxLength={10_000}
        value={text ?? ''}
        disabled={text === null}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="button primary">
          {t('saveNote', 'Save note')}
        </button>
        <button type="button" class="button" onClick={() => onDone('')}>
          {t('cancel', 'Cancel')}
        </button>
        {had && (
          <button
            type="button"
            class="button danger"
            onClick={() => {
              setText('');
              void sendMessage('deleteNote', { entityId: entity.id }).then((r) =>
                r.ok ? onDone(t('noteDeleted', 'Note on $1 deleted.', [entity.name])) : setError(r.error),
              );
            }}
          >
            {t('deleteNote', 'Delete note')}
          </button>
        )}
      </div>
    </form>
  );
}
