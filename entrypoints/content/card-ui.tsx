import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PageTheme } from '@/lib/page/highlight-style';
import type { CardData } from './card-data';
import { HEADING_ID, HoverCard, type CardActions } from './HoverCard';

export interface CardUi {
  /** Shows the card beside a mention; `focus` moves keyboard focus into it (opened from the keyboard). */
  show(data: CardData, actions: CardActions, anchor: Range, opts: { focus: boolean; theme: PageTheme }): void;
  hide(): void;
  isShown(): boolean;
  /** Whether an event's path runs through the card. */
  contains(path: EventTarget[]): boolean;
  /** Says something to screen readers (the keyboard walk). */
  announce(text: string): void;
  onPointerEnter(cb: () => void): void;
  onPointerLeave(cb: () => void): void;
  remove(): void;
}

/**
 * The hover card, in its own shadow root so page CSS can't reach it, positioned with floating-ui so it
 * flips above a mention near the bottom, shifts along the edge and never leaves the screen.
 */
export async function createCardUi(ctx: ContentScriptContext): Promise<CardUi> {
  let card!: HTMLDivElement;
  let live!: HTMLDivElement;
  let stopFollowing: (() => void) | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'gloss-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      card = document.createElement('div');
      card.className = 'gloss-card';
      card.setAttribute('role', 'dialog');
      card.setAttribute('aria-modal', 'false');
      card.setAttribute('aria-labelledby', HEADING_ID);
      card.tabIndex = -1;
      card.hidden = true;
      live = document.createElement('div');
      live.className = 'gloss-live';
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('role', 'status');
      container.append(card, live);
    },
    onRemove() {
      stopFollowing?.();
      render(null, card);
    },
  });
  ui.mount();

  const hide = () => {
    stopFollowing?.();
    stopFollowing = null;
    card.hidden = true;
    render(null, card);
  };

  return {
    show(data, actions, anchor, { focus, theme }) {
      stopFollowing?.();
      const dark = theme === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches;
      card.dataset.theme = dark ? 'dark' : 'light';
      render(<HoverCard data={data} actions={actions} />, card);
      // Invisible until placed: a card drawn first at the corner and then moved is a flash.
      if (card.hidden) card.style.visibility = 'hidden';
      card.hidden = false;
      const parent = anchor.startContainer.parentElement;
      // A virtual element: the mention's first line box, so a name broken over two lines anchors to its start.
      const reference = {
        getBoundingClientRect: () => anchor.getClientRects()[0] ?? anchor.getBoundingClientRect(),
        ...(parent ? { contextElement: parent } : {}),
      };
      // Focus waits for the card to be placed: an invisible element cannot take focus.
      let focusPending = focus;
      const place = () =>
        void computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply({ availableHeight }) {
                card.style.maxHeight = `${Math.max(140, Math.floor(availableHeight))}px`;
              },
            }),
          ],
        }).then(({ x, y, placement }) => {
          card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
          card.dataset.placement = placement;
          card.style.visibility = '';
          if (focusPending) card.focus();
          focusPending = false;
        });
      stopFollowing = autoUpdate(reference, card, place, { animationFrame: false });
    },
    hide,
    isShown: () => !card.hidden,
    contains: (path) => path.includes(ui.shadowHost),
    announce(text) {
      // Cleared first, so the same words said twice are read twice.
      live.textContent = '';
      setTimeout(() => (live.textContent = text), 50);
    },
    onPointerEnter: (cb) => card.addEventListener('pointerenter', cb),
    onPointerLeave: (cb) => card.addEventListener('pointerleave', cb),
    remove() {
      hide();
      ui.remove();
    },
  };
}
