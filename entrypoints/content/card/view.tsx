import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { CardView } from './view-api';
import { CardHelp } from './CardHelp';
import { CardChrome } from './CardChrome';
import { HoverCard } from './HoverCard';

/**
 * Draws the hover card and keeps it placed with floating-ui: below the mention, flipped above it near the
 * bottom, shifted along the edges, never off screen.
 */
export const cardView: CardView = {
  render(card, data, actions, chrome) {
    render(
      <CardChrome state={chrome} actions={actions}>
        <HoverCard data={data} actions={actions} />
        <CardHelp />
      </CardChrome>,
      card,
    );
  },
  clear(card) {
    render(null, card);
  },
  follow(card, anchor, { focus }) {
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
        // A control that asks for it (the card's "next mention" after a jump) takes focus, else the card.
        if (focusPending) (card.querySelector<HTMLElement>('[data-focus-first]') ?? card).focus();
        focusPending = false;
      });
    return autoUpdate(reference, card, place, { animationFrame: false });
  },
};
