import { ok, err } from '@/lib/messaging/result';
import { tabMessaging } from '@/lib/messaging/tab-protocol';
import type { Highlighter } from '@/lib/page/highlighter';
import { FLASH_HIGHLIGHT } from '@/lib/page/highlight-style';
import type { Painter } from '@/lib/page/painter';
import { summariseActors } from '@/lib/page/page-actors';
import type { CardController } from './card/controller';

const FLASH_MS = 1_500;

/** Answers the popup: which actors are on this page, and show me the first mention of one. */
export function answerTabMessages(
  signal: AbortSignal,
  highlighter: Highlighter,
  makePainter: () => Painter,
  cards: Pick<CardController, 'shownText' | 'controlAt' | 'focusedControl'>,
): void {
  let flash: Painter | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const removers = [
    tabMessaging.onMessage('pageActors', () => ok(summariseActors(highlighter.shown))),
    tabMessaging.onMessage('shownCard', async () => ok(await cards.shownText())),
    tabMessaging.onMessage('cardControl', async ({ data }) => ok(await cards.controlAt(data.name))),
    tabMessaging.onMessage('focusedCardControl', async () => ok(await cards.focusedControl())),
    tabMessaging.onMessage('revealMention', ({ data }) => {
      const first = highlighter.shown.find((m) => m.entityId === data.entityId);
      if (!first) return err(`no mention of ${data.entityId} on this page`);
      first.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      flash ??= makePainter();
      flash.paint(new Map([[FLASH_HIGHLIGHT, [first.range]]]));
      clearTimeout(timer);
      timer = setTimeout(() => flash?.clear(), FLASH_MS);
      return ok(true);
    }),
  ];
  signal.addEventListener('abort', () => {
    removers.forEach((remove) => remove());
    clearTimeout(timer);
    flash?.clear();
  });
}
