import { SESSION_GLOBAL, type SessionBundle } from './content/session-api';
import { PageSession } from './content/session';
import { stats } from './content/stats';

const bundle: SessionBundle = {
  createSession(ctx, startedAt) {
    stats.startedAt = startedAt;
    return new PageSession(ctx);
  },
};

/**
 * Gloss on a page, loaded by the content script once it knows Gloss is on there (see
 * entrypoints/content/session-api.ts). Runs in the content script's world and hands itself over.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[SESSION_GLOBAL] = bundle;
});
