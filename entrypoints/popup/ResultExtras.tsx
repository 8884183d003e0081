import { browser } from 'wxt/browser';
import { t } from '@/lib/ui/i18n';
import { pageDb } from '@/lib/kb/page-db';
import { optionsHash } from '@/lib/ui/routes';
import { useLiveQuery } from '@/components/use-live-query';
import type { StoredEntity } from '@/lib/kb/db';

/** Under a search result: the user's note on it, if any, and the way to write or change one. */
export function ResultExtras({ entity }: { entity: StoredEntity }) {
  const { value: note, loaded } = useLiveQuery(() => pageDb().notes.get(entity.id), [entity.id]);
  const open = () => {
    void browser.tabs.create({
      url: browser.runtime.getURL(`/options.html${optionsHash({ section: 'notes', note: entity.id })}`),
    });
    window.close();
  };
  // Until the note is read, "Write a note" would flash before "Edit the note" replaces it.
  if (!loaded) return null;
  return (
    <div class="result-extras">
      {note && (
        <p class="result-note">
          <span class="muted">{t('yourNote', 'Your note')}: </span>
          {note.text}
        </p>
      )}
      <button type="button" class="linklike note-link" onClick={open}>
        {note ? t('editNoteOn', 'Edit the note on $1', [entity.name]) : t('writeNote', 'Write a note on $1', [entity.name])}
      </button>
    </div>
  );
}
