import { useState } from 'preact/hooks';
import { EntityCard } from '@/components/EntityCard';
import { t } from '@/lib/ui/i18n';
import { SafeLink } from '@/components/SafeLink';
import { kindLabel } from '@/lib/ui/kind-label';
import { readerLanguages } from '@/lib/ui/reader-languages';
import { wikipediaSearchUrl } from '@/lib/page/wikipedia-search';
import type { CandidateView, CardData } from './fetch-data';
import type { CardChromeActions } from './CardChrome';
import { HEADING_ID } from './heading';
import { UnknownActorDetails } from './UnknownActorDetails';
import { WikidataLookup, type LookupActions } from './WikidataLookup';
import { AddToMyEntities, type AddEntityActions } from './AddToMyEntities';

export interface CardActions extends LookupActions, CardChromeActions, AddEntityActions {
  /** Shows the card of a related actor's first mention on this page. */
  showRelated(entityId: string): void;
  /** Stops marking these words on this page. */
  hideHere(): void;
  /** Links these words to another entry, on this page. */
  choose(entityId: string): void;
  loadCandidates(): Promise<CandidateView[]>;
  /** An unknown actor's next mention on the page: scrolls there, marks it and opens its card. */
  nextMention(): void;
}

function WrongMatch({ data, actions }: { data: CardData; actions: CardActions }) {
  const [open, setOpen] = useState(false);
  const [candidates, setCandidates] = useState<CandidateView[] | null>(null);
  const toggle = () => {
    setOpen(!open);
    if (!open && candidates === null) void actions.loadCandidates().then(setCandidates, () => setCandidates([]));
  };
  return (
    <section class="gloss-wrong">
      <button type="button" class="gloss-link-button" aria-expanded={open} onClick={toggle}>
        {t('card_wrongMatch', 'Wrong match?')}
      </button>
      {open && (
        <div class="gloss-wrong-panel">
          {candidates === null && <p class="gloss-muted">{t('card_loading', 'Loading…')}</p>}
          {candidates && candidates.length > 0 && (
            <>
              <p class="gloss-label">{t('card_otherEntries', '“$1” could also mean:', [data.mention.surface])}</p>
              <ul class="gloss-candidates">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <button type="button" class="gloss-link-button" onClick={() => actions.choose(c.id)}>
                      <span dir="auto">{c.name}</span>
                    </button>
                    <span class="gloss-muted" dir="auto">
                      {' '}
                      — {c.description}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {candidates && candidates.length === 0 && (
            <p class="gloss-muted">{t('card_noOtherEntries', 'No other entity in your knowledge base has these words.')}</p>
          )}
          <button type="button" class="gloss-button" onClick={actions.hideHere}>
            {t('card_hideHere', 'Don’t mark “$1” on this page', [data.mention.surface])}
          </button>
        </div>
      )}
    </section>
  );
}

function Note({ note }: { note: string | null }) {
  if (!note) return null;
  return (
    <section class="gloss-note">
      <p class="gloss-label">{t('card_yourNote', 'Your note')}</p>
      <p dir="auto">{note}</p>
    </section>
  );
}

function Extras({ data, actions }: { data: CardData; actions: CardActions }) {
  return (
    <>
      {data.related.length > 0 && (
        <section class="gloss-related">
          <p class="gloss-label">{t('card_alsoOnPage', 'Also on this page')}</p>
          <ul>
            {data.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="gloss-link-button" onClick={() => actions.showRelated(r.id)}>
                  <span dir="auto">{r.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <WrongMatch data={data} actions={actions} />
    </>
  );
}

/** An actor the knowledge base lacks: what the article says of them, and where to look them up. */
function UnknownActorCard({ data, actions }: { data: CardData; actions: CardActions }) {
  const m = data.mention;
  return (
    <article class="gloss-entity gloss-unknown">
      <header>
        <h2 class="gloss-name" id={HEADING_ID} dir="auto">
          {m.surface}
        </h2>
        <span class="gloss-kind">{kindLabel(m.kind)}</span>
      </header>
      <p class="gloss-description">{t('card_notInKb', 'Not in your knowledge base.')}</p>
      {data.unknownActor && <UnknownActorDetails view={data.unknownActor} onNext={actions.nextMention} />}
      <p class="gloss-actions">
        <SafeLink href={wikipediaSearchUrl(m.surface, data.pageLang)}>{t('card_searchWikipedia', 'Search Wikipedia')}</SafeLink>
        {' · '}
        <button type="button" class="gloss-link-button" onClick={actions.hideHere}>
          {t('card_hideHereShort', 'Don’t mark it here')}
        </button>
      </p>
      <AddToMyEntities
        prefill={{
          name: data.actorName ?? m.surface,
          kind: m.kind,
          description: (data.unknownActor?.descriptors ?? m.unknown?.descriptors ?? []).join('; '),
          source: data.pageUrl,
        }}
        actions={actions}
      />
      {data.unknownActor?.lookupOn && (
        <WikidataLookup words={data.unknownActor.name} languages={readerLanguages(data.pageLang)} actions={actions} />
      )}
    </article>
  );
}

/** The card's content: the entity when linked, else what Gloss knows of the words. */
export function HoverCard({ data, actions }: { data: CardData; actions: CardActions }) {
  if (data.mention.unknown) return <UnknownActorCard data={data} actions={actions} />;
  if (data.entity) {
    return (
      <EntityCard
        entity={data.entity}
        articleDate={data.articleDate}
        sourceNotes={data.sourceNotes}
        headingId={HEADING_ID}
        affiliations={data.affiliations}
        compact
        lead={<Note note={data.note} />}
      >
        <Extras data={data} actions={actions} />
      </EntityCard>
    );
  }
  const ambiguous = data.mention.candidates.length > 1;
  return (
    <article class="gloss-entity">
      <header>
        <h2 class="gloss-name" id={HEADING_ID} dir="auto">
          {data.mention.surface}
        </h2>
      </header>
      <p class="gloss-description">
        {data.error ??
          (ambiguous
            ? t('ambiguous', 'This name could mean $1 different entities in your knowledge base.', [
                String(data.mention.candidates.length),
              ])
            : t('notFound', 'No entity has this name.'))}
      </p>
      <WrongMatch data={data} actions={actions} />
    </article>
  );
}
