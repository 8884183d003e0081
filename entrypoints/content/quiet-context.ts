import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often a running script checks that its extension is still there. */
const ORPHAN_CHECK_MS = 2_000;

/**
 * WXT's content-script context, minus its announcement. WXT tells older copies of a script to stop by
 * posting "`<extension id>`:content:wxt:content-script-started" to the page (target "*") and by an event on
 * `document`: any page can read the first (it names the extension, so the page learns Gloss is installed)
 * and forge the second (switching Gloss off: marks gone, later content unmarked). Here nothing is posted
 * and nothing the page sends is obeyed. An older copy stops when its own extension is gone instead: after
 * an update or a reload, Chromium leaves its scripts running without `runtime.id`, which the check below
 * notices; Firefox unloads them itself. A page cannot take `runtime.id` away from Gloss.
 *
 * wxt.config.ts puts this class in place of WXT's for the content scripts (the `quietContentScripts`
 * plugin), since WXT constructs the context itself.
 */
export class QuietContentScriptContext extends ContentScriptContext {
  constructor(...args: ConstructorParameters<typeof ContentScriptContext>) {
    super(...args);
    const check = setInterval(() => {
      // The getter notices a missing runtime id and invalidates the context.
      if (browser.runtime?.id == null || this.isInvalid) clearInterval(check);
      if (browser.runtime?.id == null) this.notifyInvalidated();
    }, ORPHAN_CHECK_MS);
    this.onInvalidated(() => clearInterval(check));
  }

  override stopOldScripts(): void {}

  override listenForNewerScripts(): void {}
}

export { QuietContentScriptContext as ContentScriptContext };
