import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PageTheme } from '@/lib/page/highlight-style';
import { CARD_ELEMENT } from '@/lib/page/page-names';
import type { CardData } from './fetch-data';
import { HEADING_ID } from './heading';
import type { CardChromeState } from './CardChrome';
import type { CardActions } from './HoverCard';
import { loadCardCss } from './css';
import { loadCardView } from './load-view';

export interface CardUi {
  /** Shows the card beside a mention; `focus` moves keyboard focus into it (opened from the keyboard). */
  show(
    data: CardData,
    actions: CardActions,
    anchor: Range,
    opts: { focus: boolean; theme: PageTheme; chrome: CardChromeState },
  ): void;
  /** Draws the shown card again with new control state (pinned, say), where it is. */
  redraw(chrome: CardChromeState): void;
  hide(): void;
  isShown(): boolean;
  /** The words the card shows, as the reader sees them. */
  text(): string;
  /** The centre of a button or link of the card, by its words or label, scrolled into view. */
  controlAt(name: string): { x: number; y: number } | null;
  /** What has keyboard focus in the card: a control's words, '' for the card itself, null outside it. */
  focused(): string | null;
  /** Whether an event's path runs through the card. */
  contains(path: EventTarget[]): boolean;
  /** Says something to screen readers (the keyboard walk). */
  announce(text: string): void;
  onPointerEnter(cb: () => void): void;
  onPointerLeave(cb: () => void): void;
  remove(): void;
}

/**
 * The hover card, in its own shadow root so page CSS can't reach it. What it shows and where it goes is
 * the card view's work (view.tsx), loaded here on first use.
 */
export async function createCardUi(ctx: ContentScriptContext): Promise<CardUi> {
  const [view, css] = await Promise.all([loadCardView(), loadCardCss()]);
  let card!: HTMLDivElement;
  let live!: HTMLDivElement;
  let stopFollowing: (() => void) | null = null;
  let drawn: { data: CardData; actions: CardActions } | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: CARD_ELEMENT,
    // Closed: the card shows the reader's notes and own entities, which no page script may read.
    mode: 'closed',
    css,
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
      view.clear(card);
    },
  });
  ui.mount();

  const hide = () => {
    stopFollowing?.();
    stopFollowing = null;
    card.hidden = true;
    drawn = null;
    view.clear(card);
  };

  return {
    show(data, actions, anchor, { focus, theme, chrome }) {
      stopFollowing?.();
      const dark = theme === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches;
      card.dataset.theme = dark ? 'dark' : 'light';
      drawn = { data, actions };
      card.dataset.pinned = String(chrome.pinned);
      view.render(card, data, actions, chrome);
      // Invisible until placed: a card drawn first at the corner and then moved is a flash.
      if (card.hidden) card.style.visibility = 'hidden';
      card.hidden = false;
      stopFollowing = view.follow(card, anchor, { focus });
    },
    redraw(chrome) {
      if (card.hidden || !drawn) return;
      card.dataset.pinned = String(chrome.pinned);
      view.render(card, drawn.data, drawn.actions, chrome);
    },
    hide,
    isShown: () => !card.hidden,
    text: () => card.innerText,
    controlAt(name) {
      const control = [...card.querySelectorAll<HTMLElement>('button, a[href]')].find(
        (e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() === name,
      );
      if (!control) return null;
      control.scrollIntoView({ block: 'nearest' });
      const r = control.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    focused() {
      const active = (card.getRootNode() as ShadowRoot).activeElement;
      if (!active || !card.contains(active)) return null;
      return active === card ? '' : (active.getAttribute('aria-label') ?? active.textContent ?? '').trim();
    },
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
