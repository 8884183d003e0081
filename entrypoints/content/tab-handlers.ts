import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ok, err } from '@/lib/messaging/result';
import { tabMessaging } from '@/lib/messaging/tab-protocol';
import type { Highlighter } from '@/lib/page/highlighter';
import { summariseActors } from '@/lib/page/page-actors';

const FLASH = 'gloss-flash';

/** Answers the popup: which actors are on this page, and show me the first mention of one. */
export function answerTabMessages(ctx: ContentScriptContext, highlighter: Highlighter): void {
  const removers = [
    tabMessaging.onMessage('pageActors', () => ok(summariseActors(highlighter.all))),
    tabMessaging.onMessage('revealMention', ({ data }) => {
      const first = highlighter.all.find((m) => m.entityId === data.entityId);
      if (!first) return err(`no mention of ${data.entityId} on this page`);
      const el = first.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      CSS.highlights.set(FLASH, new Highlight(first.range));
      ctx.setTimeout(() => CSS.highlights.delete(FLASH), 1_500);
      return ok(true);
    }),
  ];
  ctx.onInvalidated(() => removers.forEach((remove) => remove()));
}
