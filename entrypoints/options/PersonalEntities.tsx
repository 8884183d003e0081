import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import { useLiveQuery } from '@/components/use-live-query';
import { listPersonal } from '@/lib/kb/personal';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Entity } from '@/lib/pack/types';
import { ConfirmButton } from './ConfirmButton';

/** The user's own entities, as they wrote them; live. */
export function PersonalEntities({ onEdit, onDeleted }: { onEdit: (e: Entity) => void; onDeleted: (message: string) => void }) {
  const { value: entities } = useLiveQuery(() => listPersonal(pageDb()), []);
  if (!entities) return null;
  if (entities.length === 0) return <p class="muted">{t('noPersonal', 'None yet.')}</p>;
  return (
    <ul class="item-list" aria-label={t('personalListLabel', 'Your entities')}>
      {[...entities]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => (
          <li key={e.id} data-personal-id={e.id}>
            <div class="item-head">
              <strong>{e.name}</strong> <span class="muted">{kindLabel(e.kind)}</span>
            </div>
            {e.alternateName && e.alternateName.length > 0 && (
              <p class="muted small">{t('alsoCalled', 'Also: $1', [e.alternateName.map((a) => a.text).join(', ')])}</p>
            )}
            <p>{e.description}</p>
            <div class="row">
              <button type="button" class="button" aria-label={t('editThing', 'Edit $1', [e.name])} onClick={() => onEdit(e)}>
                {t('edit', 'Edit')}
              </button>
              <ConfirmButton
                label={t('delete', 'Delete')}
                accessibleLabel={t('deleteThing', 'Delete $1', [e.name])}
                question={t('confirmDeletePersonal', 'Delete it, and your note on it?')}
                onConfirm={() =>
                  void sendMessage('deletePersonalEntity', { id: e.id }).then((r) =>
                    onDeleted(r.ok ? t('entityDeleted', '$1 deleted.', [e.name]) : r.error),
                  )
                }
              />
            </div>
          </li>
        ))}
    </ul>
  );
}
