import { useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { ENTITY_KINDS, type EntityKind } from '@/lib/pack/types';
import type { CardEntityInput } from '@/lib/messaging/user-protocol';
import type { Result } from '@/lib/messaging/result';

export interface AddEntityActions {
  /** Saves a new entity of the reader's own through the worker; the page is marked again after. */
  addEntity(entity: CardEntityInput): Promise<Result<string>>;
  /** Keeps the card open while the reader fills the form in. */
  setPinned(pinned: boolean): void;
}

/** What the article gives to start from: the words, a kind guess, what it says of them, the page. */
export interface AddEntityPrefill {
  name: string;
  kind: EntityKind;
  description: string;
  source: string | null | undefined;
}

type State = { step: 'closed' } | { step: 'form' } | { step: 'saving' } | { step: 'saved'; name: string };

/**
 * "Add to my entities" in an unknown actor's card: a short form filled in from the article, saved
 * without leaving the page. Opening it pins the card, so moving the pointer to type does not close it.
 */
export function AddToMyEntities({ prefill, actions }: { prefill: AddEntityPrefill; actions: AddEntityActions }) {
  const [state, setState] = useState<State>({ step: 'closed' });
  const [value, setValue] = useState<CardEntityInput>(() => ({
    kind: prefill.kind,
    name: prefill.name,
    description: prefill.description,
    sources: prefill.source ? [prefill.source] : [],
  }));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof CardEntityInput>(key: K, v: CardEntityInput[K]) => setValue((s) => ({ ...s, [key]: v }));

  if (state.step === 'saved') {
    return (
      <p class="gloss-added" role="status">
        {t('card_added', 'Added “$1” to your entities. Gloss marks it from now on.', [state.name])}
      </p>
    );
  }
  if (state.step === 'closed') {
    return (
      <p class="gloss-add">
        <button
          type="button"
          class="gloss-button"
          onClick={(e) => {
            if (!e.isTrusted) return;
            actions.setPinned(true);
            setState({ step: 'form' });
          }}
        >
          {t('card_addToMine', 'Add to my entities')}
        </button>
      </p>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!e.isTrusted || state.step === 'saving') return;
    setState({ step: 'saving' });
    setError(null);
    const reply = await actions.addEntity(value).catch((x: unknown): Result<string> => ({ ok: false, error: String(x) }));
    if (reply.ok) setState({ step: 'saved', name: value.name.trim() });
    else {
      setError(reply.error.replace(/^malformed "addEntityFromCard" request: /, ''));
      setState({ step: 'form' });
    }
  };
  return (
    <form class="gloss-add-form" onSubmit={(e) => void submit(e)}>
      <label>
        <span>{t('card_addName', 'Name')}</span>
        <input value={value.name} maxLength={200} required onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('card_addKind', 'Kind')}</span>
        <select value={value.kind} onChange={(e) => set('kind', e.currentTarget.value as EntityKind)}>
          {ENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('card_addDescription', 'What it is, in a few words')}</span>
        <textarea
          rows={2}
          maxLength={2_000}
          required
          value={value.description}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
      </label>
      {value.sources[0] && (
        <p class="gloss-muted">{t('card_addSource', 'Source: this page ($1)', [new URL(value.sources[0]).hostname])}</p>
      )}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="gloss-button" disabled={state.step === 'saving'}>
        {state.step === 'saving' ? t('card_addSaving', 'Saving…') : t('card_addSave', 'Save to my entities')}
      </button>
    </form>
  );
}
