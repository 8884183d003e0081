import type { WxtBrowser } from 'wxt/browser';

type ExtensionGlobals = { browser?: WxtBrowser; chrome?: WxtBrowser };

/**
 * The browser's own extension API (Firefox's `browser`, Chromium's `chrome`) rather than the polyfill
 * that `wxt/browser` resolves to here: the content script's first task stays free of the polyfill's
 * start-up. Only for calls that behave alike natively in both browsers (promise-returning storage,
 * `runtime.getURL`, event listeners).
 */
export function nativeBrowser(): WxtBrowser {
  const { browser, chrome } = globalThis as ExtensionGlobals;
  const api = browser?.runtime?.id ? browser : chrome;
  if (!api) throw new Error('Gloss: no extension API in this world');
  return api;
}
