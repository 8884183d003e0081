import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Gloss on one page (PageSession), as the content script's start-up sees it. */
export interface PageSessionHandle {
  readonly active: boolean;
  start(): Promise<void>;
  stop(): void;
}

/**
 * Everything Gloss does on a page once it runs there (scan, highlights, card, keyboard, the popup's
 * questions), built apart from the content script as `content-session.js` and loaded only where Gloss
 * is on. The content script itself is a few kilobytes: evaluating all of Gloss in the page's first
 * task after load was its longest task on heavy pages.
 */
export interface SessionBundle {
  /** A stopped session; `startedAt` is when the content script started (performance.now()). */
  createSession(ctx: ContentScriptContext, startedAt: number): PageSessionHandle;
}

/** Where the loaded bundle hands itself over: a global of the content script's world, which pages cannot see. */
export const SESSION_GLOBAL = '__glossSession';
export const SESSION_FILE = '/content-session.js';
