import { t } from '@/lib/ui/i18n';
import { kindLabel } from '@/lib/ui/kind-label';
import type { Highlighter, PageMention } from '@/lib/page/highlighter';
import { CARD_ELEMENT } from '@/lib/page/page-names';
import type { CardController } from './controller';

/**
 * Alt+Shift+↓ / Alt+Shift+↑: no browser binds these (Alt+Shift+letter is Firefox's access-key chord, so
 * letters would clash with pages' access keys), and the walk is skipped while the reader types.
 */
export function isWalkKey(e: KeyboardEvent): 'next' | 'previous' | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'ArrowDown') return 'next';
  if (e.key === 'ArrowUp') return 'previous';
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

function isOnScreen(range: Range): boolean {
  const r = range.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}

/**
 * Walks the mentions from the keyboard: the shortcut moves a visible focus mark from mention to mention,
 * says which one it is and opens its card beside it; Enter moves focus into the card; Escape closes the
 * card, and a second Escape ends the walk.
 */
export function trackKeyboard(
  signal: AbortSignal,
  highlighter: Highlighter,
  cards: CardController,
  mark: (m: PageMention | null) => void,
): void {
  let at: PageMention | null = null;
  // Where focus was when the walk last moved: once the reader tabs elsewhere, Enter is the page's again.
  let focusAtWalk: Element | null = null;

  const stop = () => {
    at = null;
    mark(null);
  };
  const move = (direction: 'next' | 'previous') => {
    const list = highlighter.shown;
    if (list.length === 0) return;
    let index = at ? list.indexOf(at) : -1;
    if (index < 0) {
      // Start from the first mention on screen, not the top of the page.
      const onScreen = list.findIndex((m) => m.range.getBoundingClientRect().bottom > 0);
      index = direction === 'next' ? Math.max(onScreen, 0) - 1 : Math.max(onScreen, 0);
    }
    index = (index + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    at = list[index]!;
    focusAtWalk = document.activeElement;
    mark(at);
    if (!isOnScreen(at.range)) at.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const kind = kindLabel(at.kind);
    // The words on the page, and the entry they stand for when it is named otherwise ("truce" → ceasefire).
    const what = at.entityId && at.name !== at.surface ? `${at.surface} (${at.name})` : at.surface;
    void cards.announce(
      t('walk_announce', '$1, $2. $3 of $4. Enter moves into the card, Escape stops.', [
        what,
        kind,
        String(index + 1),
        String(list.length),
      ]),
    );
    // Keyboard focus on a mark opens its card, as the pointer resting on it does; Enter moves into it.
    void cards.open(at, { focus: false, announce: false });
  };

  document.addEventListener(
    'keydown',
    (e) => {
      // Keys a page script dispatches neither walk the marks nor open or close a card.
      if (!e.isTrusted) return;
      const walk = isWalkKey(e);
      if (walk && !isTyping(e.target)) {
        e.preventDefault();
        e.stopPropagation();
        move(walk);
        return;
      }
      if (e.key === 'Escape') {
        if (cards.mention) {
          void cards.close();
          e.stopPropagation();
        } else if (at) {
          stop();
          e.stopPropagation();
        }
        return;
      }
      if (
        e.key === 'Enter' &&
        at &&
        document.activeElement === focusAtWalk &&
        !e.altKey &&
        !e.ctrlKey &&
        !e.metaKey &&
        !isTyping(e.target)
      ) {
        // Enter inside the card belongs to its buttons and links.
        if (e.composedPath().some((t) => t instanceof Element && t.localName === CARD_ELEMENT)) return;
        e.preventDefault();
        e.stopPropagation();
        void cards.open(at, { focus: true });
      }
    },
    { capture: true, signal },
  );
  // Clicking elsewhere in the page ends the walk.
  document.addEventListener('pointerdown', (e) => e.isTrusted && at && !cards.mention && stop(), { passive: true, signal });
  signal.addEventListener('abort', stop);
}
