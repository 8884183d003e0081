import { KIND_LABELS } from '@/lib/core/kind-labels';
import { sourceLabel } from '@/lib/core/safe-url';
import type { DatedFact } from '@/lib/pack/types';
import type { EntityView } from '@/lib/messaging/protocol';
import { t } from './i18n';
import { SafeLink } from './SafeLink';

function period(role: DatedFact): string {
  if (role.from && role.to) return `${role.from}–${role.to}`;
  if (role.from) return t('since', 'since $1', [role.from]);
  if (role.to) return t('until', 'until $1', [role.to]);
  return '';
}

/** Who or what an entity is: the same card in the hover card, the popup and the options page. */
export function EntityCard({ entity, headingLevel = 2 }: { entity: EntityView; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const kind = t(`kind_${entity.kind.replace('-', '_')}`, KIND_LABELS[entity.kind]);
  return (
    <article class="gloss-entity" data-entity-id={entity.id}>
      <header>
        <Heading class="gloss-name">{entity.name}</Heading>
        <span class={`gloss-kind gloss-kind-${entity.kind}`}>{kind}</span>
      </header>
      <p class="gloss-description">{entity.description}</p>
      {entity.roles && entity.roles.length > 0 && (
        <ul class="gloss-roles">
          {entity.roles.map((r, i) => (
            <li key={i}>
              {r.label} {period(r) && <span class="gloss-period">{period(r)}</span>}
            </li>
          ))}
        </ul>
      )}
      <footer class="gloss-sources">
        <span>{t('sources', 'Sources')}: </span>
        {entity.sources.map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            <SafeLink href={s}>{sourceLabel(s)}</SafeLink>
          </span>
        ))}
      </footer>
    </article>
  );
}
