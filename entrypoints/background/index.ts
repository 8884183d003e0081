import { browser } from 'wxt/browser';
import { registerKbHandlers } from './kb-handlers';
import { registerUserHandlers } from './user-handlers';
import { ensureBuiltin } from './knowledge';

export default defineBackground({
  main() {
    // Listeners are registered synchronously so a worker woken by a message can answer it.
    registerKbHandlers();
    registerUserHandlers();
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install' || reason === 'update') {
        ensureBuiltin(true).catch((e: unknown) => console.error('Gloss: importing the built-in pack failed', e));
      }
    });
  },
});
