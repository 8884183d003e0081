import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { askWorker } from '@/lib/messaging/ask-worker';
import { NameClashNote } from './NameClashNote';
import type { EntityPrefill } from '@/lib/ui/routes';
import type { PersonalEntityInput } from '@/lib/messaging/user-protocol';
import { ENTITY_KINDS, type Entity, type EntityKind } from '@/lib/pack/types';

const blank = (prefill?: EntityPrefill & { name: string }): PersonalEntityInput => ({
  kind: prefill?.kind ?? 'person',
  name: prefill?.name ?? '',
  aliases: [],
  description: prefill?.description ?? '',
  sources: prefill?.source ? [prefill.source] : [],
});

export function toInput(e: Entity): PersonalEntityInput {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: (e.alternateName ?? []).map((a) => a.text),
    description: e.description,
    sources: e.sources,
  };
}

/**
 * Adds or edits one of the user's own entities. Saved through the worker, which applies it as the
 * 'personal' source and rebuilds the matcher: pages opened afterwards mark it.
 */
export function PersonalEntityForm({
  editing,
  prefill,
  onDone,
}: {
  /** The entity being changed, or null to add one. */
  editing: Entity | null;
  /** Filled in from the address: a name from the context menu, more from a card's Wikidata lookup. */
  prefill?: EntityPrefill & { name: string };
  /** Called when a save worked or an edit was cancelled; the form says the result itself. */
  onDone: () => void;
}) {
  const [value, setValue] = useState<PersonalEntityInput>(() => (editing ? toInput(editing) : blank(prefill)));
  const [aliasText, setAliasText] = useState(value.aliases.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const savedLine = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const next = editing ? toInput(editing) : blank(prefill);
    setValue(next);
    setAliasText(next.aliases.join('\n'));
    setError(null);
    if (editing || prefill) nameInput.current?.focus();
  }, [editing, prefill]);

  const set = <K extends keyof PersonalEntityInput>(key: K, v: PersonalEntityInput[K]) => {
    setSaved('');
    setValue((s) => ({ ...s, [key]: v }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaved('');
    const entity: PersonalEntityInput = {
      ...value,
      aliases: aliasText
        .split('\n')
        .map((a) => a.trim())
        .filter(Boolean),
      sources: value.sources.map((s) => s.trim()).filter(Boolean),
    };
    const reply = await askWorker('savePersonalEntity', { entity });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error.replace(/^malformed "savePersonalEntity" request: /, ''));
      return;
    }
    // The earlier refusal no longer applies: a red error beside a saved entity would say it was not saved.
    setError(null);
    if (!editing) {
      setValue(blank());
      setAliasText('');
    }
    const message = t('entitySaved', '$1 saved. Pages you open from now on mark it.', [entity.name.trim()]);
    // Said where the reader is, beside the button they pressed, and announced.
    setSaved(message);
    requestAnimationFrame(() => savedLine.current?.scrollIntoView?.({ block: 'nearest' }));
    onDone();
  };

  const heading = editing ? t('editEntity', 'Edit $1', [editing.name]) : t('addEntity', 'Add an entity of your own');
  return (
    <form class="editor" id="personal-form" aria-label={heading} onSubmit={(e) => void submit(e)}>
      <h4>{heading}</h4>
      <div class="grid">
        <label for="pe-name">{t('peName', 'Name')}</label>
        <input
          id="pe-name"
          ref={nameInput}
          type="text"
          required
          maxLength={200}
          value={value.name}
          onInput={(e) => set('name', e.currentTarget.value)}
          aria-describedby="pe-name-clash"
        />
        <NameClashNote id="pe-name-clash" name={value.name} exceptId={editing?.id} />
        <label for="pe-kind">{t('peKind', 'Kind')}</label>
        <select id="pe-kind" value={value.kind} onChange={(e) => set('kind', e.currentTarget.value as EntityKind)}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
        <label for="pe-aliases">{t('peAliases', 'Other names, one per line')}</label>
        <textarea id="pe-aliases" rows={2} value={aliasText} onInput={(e) => setAliasText(e.currentTarget.value)} />
        <label for="pe-description">{t('peDescription', 'What it is (the card shows this)')}</label>
        <textarea
          id="pe-description"
          rows={3}
          required
          maxLength={2_000}
          value={value.description}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
        <label for="pe-source">{t('peSource', 'Link to check it (optional)')}</label>
        <input
          id="pe-source"
          type="url"
          placeholder="https://"
          value={value.sources[0] ?? ''}
          onInput={(e) => set('sources', e.currentTarget.value ? [e.currentTarget.value] : [])}
        />
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p role="status" class="status" ref={savedLine} data-saved>
        {saved}
      </p>
      <div class="row">
        <button type="submit" class="button primary" disabled={busy}>
          {editing ? t('saveChanges', 'Save changes') : t('addIt', 'Add')}
        </button>
        {editing && (
          <button type="button" class="button" onClick={() => onDone()}>
            {t('cancel', 'Cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
