import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HoverCard, type HoverCardState } from './HoverCard';

export interface CardUi {
  show(state: HoverCardState, anchor: DOMRect): void;
  hide(): void;
  isShown(): boolean;
  contains(target: EventTarget | null, path: EventTarget[]): boolean;
  onPointerEnter(cb: () => void): void;
  onPointerLeave(cb: () => void): void;
}

/** The hover card, in its own shadow root so page CSS can't reach it, positioned with floating-ui. */
export async function createCardUi(ctx: ContentScriptContext): Promise<CardUi> {
  let card!: HTMLDivElement;
  const ui = await createShadowRootUi(ctx, {
    name: 'gloss-card',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      card = document.createElement('div');
      card.className = 'gloss-card';
      card.setAttribute('role', 'tooltip');
      card.hidden = true;
      container.append(card);
    },
    onRemove() {
      render(null, card);
    },
  });
  ui.mount();
  return {
    show(state, anchor) {
      render(<HoverCard state={state} />, card);
      card.hidden = false;
      const reference = { getBoundingClientRect: () => anchor };
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    },
    hide() {
      card.hidden = true;
    },
    isShown: () => !card.hidden,
    contains: (_target, path) => path.includes(ui.shadowHost),
    onPointerEnter: (cb) => card.addEventListener('pointerenter', cb),
    onPointerLeave: (cb) => card.addEventListener('pointerleave', cb),
  };
}
