import { EntityCard } from '@/components/EntityCard';
import { t } from '@/components/i18n';
import type { EntityView } from '@/lib/messaging/protocol';
import type { PageMention } from '@/lib/page/highlighter';

export interface HoverCardState {
  mention: PageMention;
  entity: EntityView | null;
  error?: string;
}

/** The card's content: the entity when linked, or what Gloss knows of an ambiguous mention. */
export function HoverCard({ state }: { state: HoverCardState }) {
  if (state.entity) return <EntityCard entity={state.entity} />;
  return (
    <article class="gloss-entity">
      <header>
        <h2 class="gloss-name">{state.mention.surface}</h2>
      </header>
      <p class="gloss-description">
        {state.error ??
          (state.mention.candidates.length > 1
            ? t('ambiguous', 'This name could mean $1 different entries in your knowledge base.', [
                String(state.mention.candidates.length),
              ])
            : t('notFound', 'No entry for this name.'))}
      </p>
    </article>
  );
}
