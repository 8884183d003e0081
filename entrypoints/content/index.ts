import './card.css';
import { disabledSites, paused } from '@/lib/settings/items';
import { ok } from '@/lib/messaging/result';
import { tabMessaging } from '@/lib/messaging/tab-protocol';
import { isActiveOn } from '@/lib/settings/site-rules';
import { PageSession } from './session';
import { stats } from './stats';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    stats.startedAt = performance.now();
    const session = new PageSession(ctx);
    ctx.onInvalidated(() => session.stop());
    ctx.onInvalidated(tabMessaging.onMessage('pageUrl', () => ok(location.href)));
    // Switching Gloss off for this site, or pausing it, takes effect at once, and so does switching back.
    const apply = async () => {
      const active = isActiveOn(location.href, {
        paused: await paused.getValue(),
        disabledSites: await disabledSites.getValue(),
      });
      if (ctx.isInvalid) return;
      if (active && !session.active) await session.start();
      else if (!active && session.active) session.stop();
    };
    const unwatch = [paused.watch(() => void apply()), disabledSites.watch(() => void apply())];
    ctx.onInvalidated(() => unwatch.forEach((u) => u()));
    await apply();
  },
});
