import { useEffect, useRef, useState } from 'preact/hooks';
import { EntityPicker } from '@/components/EntityPicker';
import { t } from '@/lib/ui/i18n';
import { pageDb } from '@/lib/kb/page-db';
import { sectionId, type EntityPrefill, type OptionsRoute } from '@/lib/ui/routes';
import type { StoredEntity } from '@/lib/kb/db';
import type { Entity } from '@/lib/pack/types';
import { NoteEditor } from './NoteEditor';
import { NotesList } from './NotesList';
import { PersonalEntities } from './PersonalEntities';
import { PersonalEntityForm } from './PersonalEntityForm';

/**
 * Notes on any entity, and entities of one's own. `#note?entity=…` and `#add?name=…` (from the context
 * menu, or with kind, description and source from a card's Wikidata lookup) land here.
 */
export function NotesSection({ route }: { route: OptionsRoute | null }) {
  const [noteOn, setNoteOn] = useState<StoredEntity | null>(null);
  const [editing, setEditing] = useState<Entity | null>(null);
  const [prefill, setPrefill] = useState<(EntityPrefill & { name: string }) | undefined>(undefined);
  const [status, setStatus] = useState('');
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!route) return;
    if ('note' in route) {
      void pageDb()
        .entities.get(route.note)
        .then((e) => {
          if (e) setNoteOn(e);
          else setStatus(t('noSuchEntity', 'There is no entity “$1” in your knowledge base.', [route.note]));
          section.current?.scrollIntoView();
        });
    } else if ('add' in route) {
      setEditing(null);
      setPrefill({ ...route.prefill, name: route.add });
      document.getElementById('personal-form')?.scrollIntoView();
    }
  }, [route]);

  const done = (message: string) => {
    setNoteOn(null);
    setStatus(message);
  };

  return (
    <section id={sectionId('notes')} ref={section} tabIndex={-1} aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('notesHeading', 'My notes and entities')}</h2>
      <p role="status" class="status">
        {status}
      </p>
      <h3>{t('notesSubheading', 'Notes')}</h3>
      <p class="muted">{t('notesIntro', 'A note shows on the card of the entity it is on. Notes stay in this browser.')}</p>
      {noteOn ? (
        <NoteEditor entity={noteOn} onDone={done} />
      ) : (
        <EntityPicker id="note-picker" label={t('notePickerLabel', 'Write a note on…')} onPick={setNoteOn} />
      )}
      <NotesList onEdit={setNoteOn} />

      <h3>{t('personalSubheading', 'My entities')}</h3>
      <p class="muted">
        {t(
          'personalIntro',
          'People, groups, places or terms Gloss does not know. Gloss marks them on pages like everything else.',
        )}
      </p>
      <PersonalEntityForm
        editing={editing}
        prefill={prefill}
        onDone={() => {
          setEditing(null);
          setPrefill(undefined);
          setStatus('');
        }}
      />
      <PersonalEntities onEdit={setEditing} onDeleted={setStatus} />
    </section>
  );
}
