import type { EntityView } from '@/lib/messaging/protocol';
import { t } from '@/lib/ui/i18n';

/**
 * What the other sources say of an entity, when more than one gives it (the card shows the
 * first-ranked source's text; see lib/kb/merge-variants.ts). Meant for the card, under the description.
 */
export function EntityAlternatives({ entity }: { entity: Pick<EntityView, 'name' | 'alternatives'> }) {
  const others = entity.alternatives ?? [];
  if (others.length === 0) return null;
  return (
    <details class="gloss-alternatives">
      <summary>{t('alsoDescribedBy', 'Also described by $1', [others.map((o) => o.sourceName).join(', ')])}</summary>
      {others.map((o) => (
        <p key={o.sourceId} dir="auto">
          <strong>{o.sourceName}:</strong> {o.name !== entity.name && <>{o.name} — </>}
          {o.description}
        </p>
      ))}
    </details>
  );
}
