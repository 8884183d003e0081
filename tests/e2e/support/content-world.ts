import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Evaluates an expression in Gloss's content-script world of a page (its isolated world, which the page
 * cannot see). Attach before navigating: the world is announced when the script is injected.
 */
export async function contentWorld(context: BrowserContext, page: Page, extensionId: string) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: { id: number; name: string; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
  await cdp.send('Runtime.enable');
  return {
    cdp,
    async evaluate<T>(expression: string): Promise<T | undefined> {
      const world = worlds.filter((w) => w.origin.startsWith(`chrome-extension://${extensionId}`) || w.name === 'Gloss').pop();
      if (!world) return undefined;
      const reply = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      return reply.result.value as T;
    },
  };
}

/** What the content script reports about its work on a page: its own type, so the tests follow it. */
export type { GlossStats as ContentStats } from '../../../entrypoints/content/stats';

export const READ_STATS = 'JSON.parse(JSON.stringify(globalThis.__glossStats ?? null))';
