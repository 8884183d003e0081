import { useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { optionsHash } from '@/lib/ui/routes';
import { SafeLink } from '@/components/SafeLink';
import type { LookupReply } from '@/lib/messaging/sync-protocol';
import type { Result } from '@/lib/messaging/result';

export interface LookupActions {
  lookup(words: string): Promise<Result<LookupReply>>;
  openOptions(hash: string): void;
}

type State = { step: 'idle' } | { step: 'asking' } | { step: 'done'; reply: Result<LookupReply> };

/**
 * "Look it up on Wikidata" for a name the knowledge base lacks, offered only once the reader turned
 * lookups on, with what a click sends: the name and the languages to answer in (lookupOnWikidata), to
 * www.wikidata.org. Nothing is sent until the reader clicks; the answer is shown, not stored: adding it
 * opens the options form filled in, for the reader to check and save.
 */
export function WikidataLookup({
  words,
  languages,
  actions,
}: {
  words: string;
  languages: readonly string[];
  actions: LookupActions;
}) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const ask = (e: MouseEvent) => {
    // A page script can click a button in an open shadow root; only the reader's own click sends words
    // out (or opens a tab, below).
    if (!e.isTrusted) return;
    setState({ step: 'asking' });
    void actions.lookup(words).then(
      (reply) => setState({ step: 'done', reply }),
      (error: unknown) => setState({ step: 'done', reply: { ok: false, error: String(error) } }),
    );
  };

  if (state.step === 'idle')
    return (
      <div class="gloss-lookup-ask">
        <p class="gloss-actions">
          <button type="button" class="gloss-link-button" onClick={ask} aria-describedby="gloss-lookup-sends">
            {t('card_lookUpWikidata', 'Look it up on Wikidata')}
          </button>
        </p>
        <p class="gloss-muted gloss-small" id="gloss-lookup-sends">
          {t(
            'card_lookupSends',
            'Sends “$1” and the languages to answer in ($2) to www.wikidata.org; nothing else from this page.',
            [words, languages.join(', ')],
          )}
        </p>
      </div>
    );
  if (state.step === 'asking')
    return (
      <p class="gloss-muted" role="status">
        {t('card_lookingUp', 'Looking “$1” up on Wikidata…', [words])}
      </p>
    );
  const { reply } = state;
  if (!reply.ok)
    return (
      <p class="gloss-error" role="alert">
        {reply.error}
      </p>
    );
  if (!reply.value.allowed)
    return (
      <div class="gloss-lookup-off" role="status">
        <p>
          {t(
            'card_lookupOff',
            'Looking names up is off. When you turn it on, Gloss sends the words you look up, and nothing else, to www.wikidata.org.',
          )}
        </p>
        <button type="button" class="gloss-button" onClick={(e) => e.isTrusted && actions.openOptions('#sources')}>
          {t('card_lookupTurnOn', 'Turn it on in Gloss’s options')}
        </button>
      </div>
    );
  const { candidates } = reply.value;
  if (candidates.length === 0)
    return (
      <p class="gloss-muted" role="status">
        {t('card_lookupNone', 'Wikidata has no item named “$1”.', [words])}
      </p>
    );
  return (
    <section class="gloss-lookup" aria-label={t('card_lookupResults', 'On Wikidata')}>
      <p class="gloss-label">{t('card_lookupResults', 'On Wikidata')}</p>
      <ul class="gloss-candidates">
        {candidates.map(({ entity, url }) => (
          <li key={entity.id}>
            <span dir="auto" class="gloss-candidate-name">
              {entity.name}
            </span>
            <span class="gloss-muted"> · {kindLabel(entity.kind)}</span>
            {entity.description && (
              <span class="gloss-muted" dir="auto">
                {' '}
                — {entity.description}
              </span>
            )}
            <span class="gloss-candidate-actions">
              {' '}
              <SafeLink href={url}>{t('card_lookupOpen', 'Wikidata')}</SafeLink>
              {' · '}
              <button
                type="button"
                class="gloss-link-button"
                onClick={(e) =>
                  e.isTrusted &&
                  actions.openOptions(
                    optionsHash({
                      section: 'notes',
                      add: entity.name,
                      prefill: { kind: entity.kind, description: entity.description, source: url },
                    }),
                  )
                }
              >
                {t('card_lookupAdd', 'Add to Gloss…')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p class="gloss-muted">{t('card_lookupCredit', 'From Wikidata (CC0), as of today.')}</p>
    </section>
  );
}
