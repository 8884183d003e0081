import { useEffect, useState } from 'preact/hooks';
import { EntityCard } from '@/components/EntityCard';
import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import { pageDb } from '@/lib/kb/page-db';
import type { StoredEntity } from '@/lib/kb/db';
import { tabMessaging, type PageActor } from '@/lib/messaging/tab-protocol';

type State = { actors: PageActor[] } | { unreachable: true } | { error: string } | null;

/** How often to ask again while a page is still being read: the content script answers once it has marked the page. */
const RETRIES = 6;
const RETRY_MS = 800;
/** Then the list follows the page (new content, Gloss paused or resumed) while the popup is open. */
const REFRESH_MS = 2_000;

/** The actors and terms Gloss marked in a tab, most mentioned first; a click shows the first mention. */
export function OnThisPage({ tabId, loads, why }: { tabId: number; loads: number; why: string | null }) {
  const [state, setState] = useState<State>(null);
  const [revealed, setRevealed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const reply = await tabMessaging.sendMessage('pageActors', {}, tabId);
        if (!live) return;
        const next: State = reply.ok ? { actors: reply.value } : { error: reply.error };
        setState((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
        timer = setTimeout(() => void ask(), REFRESH_MS);
      } catch {
        // No content script answered: not an http(s) page, Gloss off there, or the page is still loading.
        if (!live) return;
        if (tries++ < RETRIES) timer = setTimeout(() => void ask(), RETRY_MS);
        else {
          setState((current) => (current && 'unreachable' in current ? current : { unreachable: true }));
          timer = setTimeout(() => void ask(), REFRESH_MS);
        }
      }
    };
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, loads]);

  const reveal = (entityId: string) => {
    setRevealed(entityId);
    // A mention that vanished (the page changed) is not worth an alarm: the card still opens.
    void tabMessaging.sendMessage('revealMention', { entityId }, tabId).catch(() => undefined);
  };

  return (
    <section class="on-page" aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">{t('onThisPage', 'On this page')}</h2>
      {/* Paused, or off on this site: say so rather than "nothing found". */}
      {why && <p class="muted">{why}</p>}
      {!why && state === null && <p class="muted">{t('readingPage', 'Reading the page…')}</p>}
      {state && 'error' in state && <p role="alert">{state.error}</p>}
      {!why && state && ('unreachable' in state || ('actors' in state && state.actors.length === 0)) && (
        <p class="muted">{t('nothingOnPage', 'Gloss has marked nothing on this page.')}</p>
      )}
      {!why && state && 'actors' in state && state.actors.length > 0 && (
        <ul class="actors" aria-label={t('actorsLabel', 'Actors and terms, most mentioned first')}>
          {state.actors.map((a) => (
            <ActorRow key={a.entityId ?? `?${a.name}`} actor={a} onReveal={reveal} open={revealed === a.entityId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ActorRow({ actor, onReveal, open }: { actor: PageActor; onReveal: (id: string) => void; open: boolean }) {
  const [entity, setEntity] = useState<StoredEntity | null>(null);
  useEffect(() => {
    if (open && actor.entityId && !entity)
      void pageDb()
        .entities.get(actor.entityId)
        .then((e) => setEntity(e ?? null));
  }, [open, actor.entityId, entity]);
  const count = t(actor.count === 1 ? 'mentionOne' : 'mentionMany', actor.count === 1 ? '1 mention' : '$1 mentions', [
    String(actor.count),
  ]);
  const body = (
    <>
      <span class="actor-name">{actor.name}</span>
      <span class="actor-kind">{kindLabel(actor.kind)}</span>
      <span class="badge" aria-hidden="true">
        {actor.count}
      </span>
      <span class="visually-hidden">, {count}</span>
    </>
  );
  return (
    <li data-entity-id={actor.entityId ?? undefined}>
      {actor.entityId ? (
        <button
          type="button"
          class="actor"
          aria-expanded={open}
          title={t('revealTitle', 'Show the first mention on the page')}
          onClick={() => onReveal(actor.entityId!)}
        >
          {body}
        </button>
      ) : (
        // An ambiguous name has no single entity to show or scroll to.
        <div class="actor ambiguous" title={t('ambiguousTitle', 'Could mean more than one entity')}>
          {body}
        </div>
      )}
      {open && entity && (
        <div class="actor-card">
          <EntityCard entity={entity} headingLevel={3} />
        </div>
      )}
    </li>
  );
}
