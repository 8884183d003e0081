import type { ComponentChildren } from 'preact';
import { t } from '@/lib/ui/i18n';

/** The card's controls' state, owned by the card controller (it outlives one render). */
export interface CardChromeState {
  pinned: boolean;
  /** Where this mention is among the page's marks of the same entity or words; null with only one. */
  position: { index: number; count: number } | null;
  /** The site "Off on this site" turns Gloss off for. */
  site: string | null;
  /** Opened by "Next mention": focus goes back to that button, so Enter keeps jumping. */
  focusNext?: boolean;
}

export interface CardChromeActions {
  /** Keeps the card open while the reader reads (or lets it close with the pointer again). */
  setPinned(pinned: boolean): void;
  /** Moves the card to the next mention of the same entity or words on the page. */
  nextMention(): void;
  /** Switches Gloss off for this site: the marks and the card go at once. */
  offHere(): void;
}

/**
 * Only the reader's own clicks act: a page script could click a button of the card if it ever reached
 * it, and these change what Gloss does on the page.
 */
const trusted = (act: () => void) => (e: MouseEvent) => e.isTrusted && act();

/** The card's frame: a pin in the corner, the card's content, then the page-level controls. */
export function CardChrome({
  state,
  actions,
  children,
}: {
  state: CardChromeState;
  actions: CardChromeActions;
  children: ComponentChildren;
}) {
  const { pinned, position, site, focusNext } = state;
  return (
    <>
      <div class="gloss-toolbar">
        <button
          type="button"
          class="gloss-icon-button gloss-pin"
          aria-pressed={pinned}
          aria-label={t('card_pin', 'Pin card')}
          title={
            pinned
              ? t('card_unpinHint', 'Pinned: Escape or a click outside closes it')
              : t('card_pinHint', 'Keep this card open while you read')
          }
          onClick={trusted(() => actions.setPinned(!pinned))}
        >
          {/* Drawn, not an emoji: a system without an emoji font shows an emoji as an empty box. */}
          <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
            <path
              d="M5 1h6v1.5l-1 1V7l2.5 2.5V11H8.75v4L8 16l-.75-1v-4H3.5V9.5L6 7V3.5l-1-1z"
              fill={pinned ? 'currentColor' : 'none'}
              stroke="currentColor"
              stroke-width="1.2"
              stroke-linejoin="round"
            />
          </svg>
        </button>
      </div>
      {children}
      <div class="gloss-page-controls">
        {position && (
          <span class="gloss-mention-position">
            <span class="gloss-muted">
              {t('card_mentionOf', 'Mention $1 of $2 here', [String(position.index + 1), String(position.count)])}
            </span>{' '}
            <button
              type="button"
              class="gloss-link-button"
              data-focus-first={focusNext ? '' : undefined}
              onClick={trusted(actions.nextMention)}
            >
              {t('card_nextMention', 'Next mention')}
            </button>
          </span>
        )}
        {site && (
          <button type="button" class="gloss-link-button gloss-off-here" onClick={trusted(actions.offHere)}>
            {t('card_offOnSite', 'Off on this site')}
          </button>
        )}
      </div>
    </>
  );
}
