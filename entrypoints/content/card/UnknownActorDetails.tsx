import { t } from '@/lib/ui/i18n';
import type { UnknownActorView } from './unknown-actor-view';

/**
 * What the article says of an actor the knowledge base lacks, and where else it names them: every
 * descriptor it gives, how many times the actor is mentioned, and a jump to the next mention.
 */
export function UnknownActorDetails({ view, onNext }: { view: UnknownActorView; onNext: () => void }) {
  return (
    <section class="gloss-actor-details">
      {view.descriptors.length > 0 && (
        <>
          <p class="gloss-label">{t('card_articleSays', 'The article says:')}</p>
          <ul class="gloss-descriptors">
            {view.descriptors.map((d) => (
              <li key={d} dir="auto">
                {d}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="gloss-mentions">
        {view.mentions > 1
          ? t('card_mentionedTimes', 'Mentioned $1 times on this page (this is mention $2).', [
              String(view.mentions),
              String(view.position),
            ])
          : t('card_mentionedOnce', 'Mentioned once on this page.')}
        {view.mentions > 1 && (
          <>
            {' '}
            <button
              type="button"
              class="gloss-link-button"
              // Back on this button after a jump, so Enter keeps walking the mentions.
              data-focus-first={view.focusNext ? '' : undefined}
              onClick={(e) => e.isTrusted && onNext()}
            >
              {t('card_nextMention', 'Next mention')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
