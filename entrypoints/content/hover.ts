import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type EntityView } from '@/lib/messaging/protocol';
import type { Highlighter, PageMention } from '@/lib/page/highlighter';
import type { CardUi } from './card-ui';

/** Timing of Wikipedia's page previews: fetch early, show after a rest, forgive a brief exit. */
export const FETCH_DELAY_MS = 150;
export const SHOW_DELAY_MS = 500;
export const HIDE_DELAY_MS = 300;

/** Opens the card when the pointer rests on a mention and closes it when the pointer leaves both. */
export function trackHover(ctx: ContentScriptContext, highlighter: Highlighter, card: CardUi): void {
  let current: PageMention | null = null;
  let fetchTimer = 0;
  let showTimer = 0;
  let hideTimer = 0;
  let lookup: Promise<{ entity: EntityView | null; error?: string }> | null = null;
  let pending = false;

  const cancelOpen = () => {
    clearTimeout(fetchTimer);
    clearTimeout(showTimer);
  };
  const scheduleHide = () => {
    clearTimeout(hideTimer);
    hideTimer = ctx.setTimeout(() => {
      card.hide();
      current = null;
    }, HIDE_DELAY_MS);
  };
  const fetchEntity = (m: PageMention) => {
    lookup ??= m.entityId
      ? sendMessage('getEntity', { id: m.entityId }).then(
          (r) => (r.ok ? { entity: r.value } : { entity: null, error: r.error }),
          (e: unknown) => ({ entity: null, error: String(e) }),
        )
      : Promise.resolve({ entity: null });
    return lookup;
  };
  const open = (m: PageMention) => {
    cancelOpen();
    clearTimeout(hideTimer);
    current = m;
    lookup = null;
    fetchTimer = ctx.setTimeout(() => void fetchEntity(m), FETCH_DELAY_MS);
    showTimer = ctx.setTimeout(async () => {
      const result = await fetchEntity(m);
      if (current !== m) return;
      const rect = m.range.getClientRects()[0] ?? m.range.getBoundingClientRect();
      card.show({ mention: m, ...result }, rect);
    }, SHOW_DELAY_MS);
  };

  // One hit test per frame, on the latest pointer position: a pointer that stops on a word within a
  // frame of its last move must still be seen there.
  let latest: PointerEvent | null = null;
  const onFrame = () => {
    pending = false;
    const event = latest;
    if (!event) return;
    if (card.contains(event.target, event.composedPath())) {
      clearTimeout(hideTimer);
      return;
    }
    const hit = highlighter.hitTest(event.clientX, event.clientY);
    if (hit === current) {
      if (hit) clearTimeout(hideTimer);
      return;
    }
    cancelOpen();
    if (hit) open(hit);
    else if (card.isShown()) scheduleHide();
    else current = null;
  };
  const onMove = (event: PointerEvent) => {
    latest = event;
    if (pending) return;
    pending = true;
    requestAnimationFrame(onFrame);
  };

  document.addEventListener('pointermove', onMove, { passive: true, signal: ctx.signal });
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && card.isShown()) {
        card.hide();
        current = null;
      }
    },
    { signal: ctx.signal },
  );
  card.onPointerEnter(() => clearTimeout(hideTimer));
  card.onPointerLeave(scheduleHide);
}
