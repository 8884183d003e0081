import type { Highlighter, PageMention } from '@/lib/page/highlighter';
import type { CardController } from './controller';

/** Timing of Wikipedia's page previews: fetch early, show after a rest, forgive a brief exit. */
export const FETCH_DELAY_MS = 150;
export const SHOW_DELAY_MS = 500;
export const HIDE_DELAY_MS = 300;

/**
 * Opens the card when a mouse or pen rests on a mention and closes it when the pointer has left both
 * the mention and the card for a moment. A tap (touch) opens it at once; a tap or click elsewhere
 * closes it, pinned or not. Every pointer frame also checks the highlights are still painted: a page script may have
 * cleared the registry.
 */
export function trackPointer(
  signal: AbortSignal,
  highlighter: Highlighter,
  cards: CardController,
  showDelayMs: () => number,
  onFrame: () => void,
): void {
  let current: PageMention | null = null;
  let fetchTimer: ReturnType<typeof setTimeout> | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => [fetchTimer, showTimer, hideTimer].forEach(clearTimeout));

  const cancelOpen = () => {
    clearTimeout(fetchTimer);
    clearTimeout(showTimer);
  };
  const scheduleHide = () => {
    clearTimeout(hideTimer);
    // A pinned card stays until Escape or a click outside (the tap handler below).
    if (cards.pinned) return;
    hideTimer = setTimeout(() => {
      current = null;
      void cards.close();
    }, HIDE_DELAY_MS);
  };
  const open = (m: PageMention) => {
    cancelOpen();
    clearTimeout(hideTimer);
    current = m;
    fetchTimer = setTimeout(() => void cards.prefetch(m), FETCH_DELAY_MS);
    showTimer = setTimeout(() => {
      if (current === m) void cards.open(m, { focus: false });
    }, showDelayMs());
  };
  // On the card, the card's mention is the current one again: a mention crossed on the way there must not
  // open its own card a moment later.
  const onCard = () => {
    cancelOpen();
    clearTimeout(hideTimer);
    current = cards.mention;
  };
  cards.onEnterCard = onCard;
  cards.onLeaveCard = scheduleHide;

  // One hit test per frame, on the latest pointer position: a pointer that stops on a word within a
  // frame of its last move must still be seen there.
  let latest: PointerEvent | MouseEvent | null = null;
  // An event's path is empty once its dispatch is over, so it is kept from the moment it fires.
  let latestPath: EventTarget[] = [];
  let pending = false;
  const frame = async () => {
    pending = false;
    onFrame();
    const event = latest;
    if (!event) return;
    if (await cards.contains(latestPath)) {
      onCard();
      return;
    }
    // While a card is pinned, passing over other marks on the way through the text opens nothing.
    if (cards.pinned) {
      cancelOpen();
      current = cards.mention;
      return;
    }
    const hit = highlighter.hitTest(event.clientX, event.clientY);
    if (hit === current) {
      if (hit) clearTimeout(hideTimer);
      return;
    }
    cancelOpen();
    if (hit) open(hit);
    else if (await cards.isShown()) scheduleHide();
    else current = null;
  };
  const onMove = (event: PointerEvent | MouseEvent) => {
    // Only the reader's own pointer: a page script dispatching moves at each mark must not open cards
    // (and read what they show).
    if (!event.isTrusted) return;
    // A finger's moves are scrolls, not hovers.
    if ('pointerType' in event && event.pointerType === 'touch') return;
    latest = event;
    latestPath = event.composedPath();
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => void frame());
  };

  const onTap = async (event: PointerEvent) => {
    if (!event.isTrusted || !event.isPrimary) return;
    if (await cards.contains(event.composedPath())) return;
    const hit = highlighter.hitTest(event.clientX, event.clientY);
    if (event.pointerType !== 'mouse' && hit) {
      cancelOpen();
      clearTimeout(hideTimer);
      current = hit;
      await cards.open(hit, { focus: false });
      return;
    }
    if (hit && hit === cards.mention) return;
    if (await cards.isShown()) {
      cancelOpen();
      current = null;
      await cards.close();
    }
  };

  // On the window, capturing: as early as a listener added after the page's can be. A page that still
  // swallows pointer moves before Gloss hears them (some sliders and drawing widgets do) rarely swallows
  // the mouse moves the browser sends too; both feed the same once-per-frame hit test.
  const early = { capture: true, passive: true, signal };
  window.addEventListener('pointermove', onMove, early);
  window.addEventListener('mousemove', onMove, early);
  document.addEventListener('pointerup', (e) => void onTap(e), { passive: true, signal });
}
