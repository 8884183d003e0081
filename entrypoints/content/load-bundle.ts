import type { PublicPath } from 'wxt/browser';
import { nativeBrowser } from './native-browser';

/**
 * A loader for a script built apart from the content script (a web-accessible unlisted script) that
 * hands itself over through a global of the content script's own world. `import()` of an extension URL
 * runs it in that world in Chromium and in Firefox; the script is an IIFE, so the global is the hand-over.
 * Each script loads once per page; a failed load is tried again on the next call.
 */
export function bundleLoader<T>(file: PublicPath, global: string): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= (async () => {
      const world = globalThis as Record<string, unknown>;
      if (!world[global]) await import(/* @vite-ignore */ nativeBrowser().runtime.getURL(file));
      const handedOver = world[global] as T | undefined;
      if (!handedOver) throw new Error(`Gloss: ${file} loaded but did not hand itself over`);
      return handedOver;
    })();
    loading.catch(() => (loading = null));
    return loading;
  };
}
