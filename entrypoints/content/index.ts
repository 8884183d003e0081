import './card/card.css';
import './card/actor-details.css';
import { ok } from '@/lib/messaging/result';
import { tabMessaging } from '@/lib/messaging/tab-protocol';
import { nextTask } from '@/lib/page/slices';
import { loadSessionBundle } from './load-session';
import type { PageSessionHandle } from './session-api';
import { isActiveHere, watchSwitches } from './site-switch';

/**
 * The content script proper is only the switch: it answers the popup's "which page is this?", decides
 * whether Gloss is on here, and only then, in a task of its own, loads the rest (content-session.js).
 * A page where Gloss is off never evaluates it, and a page where it is on pays for it after its own
 * first task rather than inside it.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // card.css is built as content-scripts/content.css and put in the card's shadow root by card/shadow-host.ts:
  // the card lives in content-session.js, where WXT's 'ui' mode would look for that script's CSS.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const startedAt = performance.now();
    // In the content script's own world (the page cannot see it): end-to-end tests tell from it that the
    // script ran on a page where Gloss is off, and so loaded nothing else.
    (globalThis as { __glossStartedAt?: number }).__glossStartedAt = startedAt;
    ctx.onInvalidated(tabMessaging.onMessage('pageUrl', () => ok(location.href)));
    let session: Promise<PageSessionHandle> | null = null;
    const load = async () => {
      await nextTask(ctx.signal);
      const made = (await loadSessionBundle()).createSession(ctx, startedAt);
      ctx.onInvalidated(() => made.stop());
      return made;
    };
    // Switching Gloss off for this site, or pausing it, takes effect at once, and so does switching back.
    const apply = async () => {
      const active = await isActiveHere();
      if (ctx.isInvalid) return;
      if (active) {
        session ??= load();
        session.catch(() => (session = null));
        const running = await session;
        if (!running.active && !ctx.isInvalid) await running.start();
      } else {
        (await session)?.stop();
      }
    };
    const applySafely = () => apply().catch(reportFailure);
    watchSwitches(() => void applySafely(), ctx.signal);
    await applySafely();
  },
});

/** A load cut short by the extension going away is expected; anything else is for a developer's console. */
function reportFailure(e: unknown): void {
  if (e instanceof DOMException && e.name === 'AbortError') return;
  console.debug('Gloss:', e);
}
