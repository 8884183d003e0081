import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import { useLiveQuery } from '@/components/use-live-query';
import type { StoredEntity } from '@/lib/kb/db';
import { ConfirmButton } from './ConfirmButton';
import { sendMessage } from '@/lib/messaging/protocol';

/** Every note, newest first, with the entity it is on. Follows changes live. */
export function NotesList({ onEdit }: { onEdit: (entity: StoredEntity) => void }) {
  const { value: notes } = useLiveQuery(async () => {
    const db = pageDb();
    const list = await db.notes.orderBy('updatedAt').reverse().toArray();
    const entities = await db.entities.bulkGet(list.map((n) => n.entityId));
    return list.map((note, i) => ({ note, entity: entities[i] }));
  }, []);

  if (!notes) return null;
  if (notes.length === 0) return <p class="muted">{t('noNotes', 'No notes yet.')}</p>;
  return (
    <ul class="item-list" aria-label={t('notesListLabel', 'Your notes')}>
      {notes.map(({ note, entity }) => (
        <li key={note.entityId} data-note-for={note.entityId}>
          <div class="item-head">
            <strong>{entity?.name ?? note.entityId}</strong>{' '}
            <span class="muted">{entity ? kindLabel(entity.kind) : t('entityGone', 'no longer in the knowledge base')}</span>
          </div>
          <p class="note-text">{note.text}</p>
          <p class="muted small">{t('updatedOn', 'Updated $1', [new Date(note.updatedAt).toLocaleString()])}</p>
          <div class="row">
            {entity && (
              <button
                type="button"
                class="button"
                aria-label={t('editNoteOn', 'Edit the note on $1', [entity.name])}
                onClick={() => onEdit(entity)}
              >
                {t('edit', 'Edit')}
              </button>
            )}
            <ConfirmButton
              label={t('delete', 'Delete')}
              accessibleLabel={t('deleteNoteOn', 'Delete the note on $1', [entity?.name ?? note.entityId])}
              question={t('confirmDeleteNote', 'Delete this note?')}
              onConfirm={() => void sendMessage('deleteNote', { entityId: note.entityId })}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
