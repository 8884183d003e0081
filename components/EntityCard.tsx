import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { describeRole, describeRoleToday, formatPartialDate, rolesAsOf, type RoleWording } from '@/lib/core/roles-as-of';
import { safeHttpUrl, sourceLabel } from '@/lib/core/safe-url';
import type { DatedFact } from '@/lib/pack/types';
import type { EntityView } from '@/lib/messaging/protocol';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { roleWording } from '@/lib/ui/role-wording';
import { EntityAlternatives } from './EntityAlternatives';
import { SafeLink } from './SafeLink';

/** A knowledge source an entity comes from, with the date its facts are as of. */
export interface SourceNote {
  name: string;
  asOf?: string;
}

export interface EntityCardProps {
  entity: EntityView;
  headingLevel?: 2 | 3;
  /** The article's date (YYYY-MM-DD): roles are then shown as of that day and as of today. */
  articleDate?: string;
  /** Today (YYYY-MM-DD), for tests; the reader's calendar day otherwise. */
  today?: string;
  /** Where the entity's facts come from, with dates. */
  sourceNotes?: SourceNote[];
  /** An id for the heading, so a dialog can be labelled by it. */
  headingId?: string;
  /** The country and party of a person, from the entities it is related to. */
  affiliations?: Affiliations;
  /**
   * Compact (the hover card): the name, summary, the roles then and now, `lead` and the sources; "More"
   * opens the rest (every role, the one-line description, other sources' words, `children`).
   */
  compact?: boolean;
  /** Shown in the compact card too, after the roles (the reader's own note). */
  lead?: ComponentChildren;
  /** Sections shown after the facts and before the sources (the hover card's related actors). */
  children?: ComponentChildren;
}

export interface Affiliations {
  country?: string;
  party?: string;
}

const WIKIPEDIA_EN = /^https:\/\/en\.(m\.)?wikipedia\.org\/wiki\//;

/**
 * The sources' link words: the site, and where two links go to the same site (two Wikipedia articles),
 * the page too, so the reader can tell them apart ("en.wikipedia.org: Benjamin Netanyahu").
 */
function sourceLabels(links: readonly string[]): string[] {
  const sites = links.map(sourceLabel);
  return links.map((link, i) => {
    if (sites.indexOf(sites[i]!) === sites.lastIndexOf(sites[i]!)) return sites[i]!;
    let page = '';
    try {
      const last = new URL(link).pathname.split('/').filter(Boolean).at(-1) ?? '';
      page = decodeURIComponent(last).replace(/_/g, ' ');
    } catch {
      page = '';
    }
    return page ? `${sites[i]}: ${page}` : sites[i]!;
  });
}

/** The summary when the pack has one (credited where adapted from Wikipedia), else the one-line description. */
function Summary({ entity }: { entity: EntityView }) {
  const source = entity.summary ? safeHttpUrl(entity.summarySource) : null;
  return (
    <>
      <p class="gloss-description" dir="auto">
        {entity.summary ?? entity.description}
      </p>
      {source && (
        <p class="gloss-credit">
          {WIKIPEDIA_EN.test(source) ? (
            <SafeLink href={source}>{t('card_adaptedFromWikipedia', 'Adapted from English Wikipedia (CC BY-SA 4.0)')}</SafeLink>
          ) : (
            <>
              {t('card_adaptedFrom', 'Adapted from')} <SafeLink href={source}>{sourceLabel(source)}</SafeLink>
            </>
          )}
        </p>
      )}
    </>
  );
}

function AffiliationLine({ affiliations }: { affiliations: Affiliations }) {
  const parts = [
    affiliations.country && t('card_country', 'Country: $1', [affiliations.country]),
    affiliations.party && t('card_party', 'Party: $1', [affiliations.party]),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p class="gloss-affiliation" dir="auto">
      {parts.join(' · ')}
    </p>
  );
}

/** Every role, with dates: the long view that "More" opens. */
function AllRoles({ roles, today, words }: { roles: DatedFact[]; today?: string; words: RoleWording }) {
  return (
    <section class="gloss-all-roles">
      <p class="gloss-label">{t('card_allRoles', 'Roles')}</p>
      <CurrentRoleList roles={roles} today={today} words={words} />
    </section>
  );
}

function RoleList({ roles, date, words }: { roles: DatedFact[]; date?: string; words: RoleWording }) {
  return (
    <ul class="gloss-roles">
      {roles.map((r, i) => (
        <li key={i} dir="auto">
          {describeRole(r, date, words)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Roles as of today: one the data gives as held but confirmed only up to an earlier day says "as of" that
 * day instead of passing for current (lib/core/roles-as-of.ts).
 */
function CurrentRoleList({ roles, today, words }: { roles: DatedFact[]; today?: string; words: RoleWording }) {
  return (
    <ul class="gloss-roles">
      {roles.map((r, i) => (
        <li key={i} dir="auto">
          {describeRoleToday(r, today, undefined, words)}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Then" (the article's day) and "now": who held which office when the story was written, and today. With no
 * role on the article's day, "then" shows the most recent one before it ("President 2017–2021" on a 2023
 * article).
 */
function RolesThenNow({ roles, date, today, words }: { roles: DatedFact[]; date: string; today?: string; words: RoleWording }) {
  const { then, before, now, asOf } = rolesAsOf(roles, date, today);
  const current = [...now, ...asOf];
  if (then.length === 0 && before.length === 0 && current.length === 0) return null;
  const same = asOf.length === 0 && then.length === now.length && then.every((r) => now.includes(r));
  const when = formatPartialDate(date, words);
  if (same) {
    return (
      <section class="gloss-then-now" aria-label={t('card_rolesThenNow', 'Roles then and now')}>
        <p class="gloss-label">{t('card_thenAndNow', 'Then ($1) and now', [when])}</p>
        <RoleList roles={then} date={date} words={words} />
      </section>
    );
  }
  return (
    <section class="gloss-then-now" aria-label={t('card_rolesThenNow', 'Roles then and now')}>
      <p class="gloss-label">{t('card_thenOn', 'Then ($1)', [when])}</p>
      {then.length > 0 ? (
        <RoleList roles={then} date={date} words={words} />
      ) : before.length > 0 ? (
        <>
          <p class="gloss-muted">{t('card_latestBefore', 'No role recorded on that day; the most recent before it:')}</p>
          <RoleList roles={before} date={date} words={words} />
        </>
      ) : (
        <p class="gloss-muted">{t('card_noRoleThen', 'No role recorded on that day.')}</p>
      )}
      <p class="gloss-label">{t('card_now', 'Now')}</p>
      {current.length > 0 ? (
        <CurrentRoleList roles={current} today={today} words={words} />
      ) : (
        <p class="gloss-muted">{t('card_noRoleNow', 'No current role recorded.')}</p>
      )}
    </section>
  );
}

/** Who or what an entity is: the same card in the hover card, the popup and the options page. */
export function EntityCard({
  entity,
  headingLevel = 2,
  articleDate,
  today,
  sourceNotes,
  headingId,
  affiliations,
  compact = false,
  lead,
  children,
}: EntityCardProps) {
  const [expanded, setExpanded] = useState(!compact);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const kind = kindLabel(entity.kind);
  // Images are shown from https only: pack content is untrusted, and a page must not see mixed content.
  const image = safeHttpUrl(entity.image)?.startsWith('https:') ? entity.image : undefined;
  const roles = entity.roles ?? [];
  const words = roleWording();
  const links = [...new Set(entity.sources.filter((s) => safeHttpUrl(s) !== null))];
  const labels = sourceLabels(links);
  const notes =
    sourceNotes && sourceNotes.length > 0
      ? sourceNotes
          .map((n) => (n.asOf ? t('card_sourceAsOf', '$1, as of $2', [n.name, formatPartialDate(n.asOf, words)]) : n.name))
          .join('; ')
      : '';
  return (
    <article class="gloss-entity" data-entity-id={entity.id}>
      <header>
        {image && (
          <img class="gloss-image" src={image} alt="" width={64} height={64} loading="lazy" referrerpolicy="no-referrer" />
        )}
        <Heading class="gloss-name" id={headingId} dir="auto">
          {entity.name}
        </Heading>
        <span class={`gloss-kind gloss-kind-${entity.kind}`}>{kind}</span>
      </header>
      {affiliations && <AffiliationLine affiliations={affiliations} />}
      <Summary entity={entity} />
      {roles.length > 0 &&
        (articleDate ? (
          <RolesThenNow roles={roles} date={articleDate} today={today} words={words} />
        ) : (
          <CurrentRoleList roles={roles} today={today} words={words} />
        ))}
      {lead}
      {compact && (
        <button
          type="button"
          class="gloss-link-button gloss-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('card_less', 'Less') : t('card_more', 'More')}
        </button>
      )}
      {expanded && compact && entity.summary && (
        <p class="gloss-muted" dir="auto">
          {entity.description}
        </p>
      )}
      {expanded && <EntityAlternatives entity={entity} />}
      {expanded && compact && articleDate && roles.length > 1 && <AllRoles roles={roles} today={today} words={words} />}
      {expanded && children}
      {(links.length > 0 || notes) && (
        <footer class="gloss-sources">
          {/* Without a link the footer names where the entity comes from, not "Sources: —". */}
          <span>{links.length > 0 ? t('sources', 'Sources') : t('card_from', 'From')}: </span>
          {/* Links that are not http(s) are dropped here, not left as empty separators. */}
          {links.map((s, i) => (
            <span key={s}>
              {i > 0 && ' · '}
              <SafeLink href={s}>{labels[i]}</SafeLink>
            </span>
          ))}
          {notes && (
            <span class="gloss-source-dates">
              {links.length > 0 && ' — '}
              {notes}
            </span>
          )}
        </footer>
      )}
    </article>
  );
}
