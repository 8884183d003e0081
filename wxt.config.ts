import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_PACKS, builtinPackFile } from './lib/pack/builtin-packs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const WXT_CONTEXT = 'wxt/utils/content-script-context';
const QUIET_CONTEXT = fileURLToPath(new URL('./entrypoints/content/quiet-context.ts', import.meta.url));

/**
 * WXT's content-script entry constructs its own context, which announces every start to the page and
 * obeys a page's forged announcement (see entrypoints/content/quiet-context.ts). Every import of that
 * module, the entry's included, gets Gloss's subclass instead; the subclass itself gets WXT's.
 */
function quietContentScripts(): Plugin {
  return {
    name: 'gloss-quiet-content-scripts',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== WXT_CONTEXT || importer === QUIET_CONTEXT) return null;
      return this.resolve(QUIET_CONTEXT, importer, { ...options, skipSelf: true });
    },
  };
}

// The manifest asks for as little as works: the content script needs to read news pages, nothing else
// is requested up front. Network sources ask for their origin when the user adds them (optional).
export default defineConfig({
  // GLOSS_OUT_DIR lets parallel test runs build into separate folders instead of racing on one.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), quietContentScripts()] }),
  hooks: {
    // Each built-in pack ships as a file the worker reads when it imports it (entrypoints/background/knowledge.ts):
    // bundled into background.js, it was parsed again at every worker start. Shipped without the committed
    // file's indentation: a fifth fewer bytes for the install to read (about 1 s for the four at load 11).
    'build:publicAssets': (wxt, files) => {
      for (const entry of BUILTIN_PACKS) {
        const committed = readFileSync(resolve(wxt.config.root, `assets/packs/${entry.short}.json`), 'utf8');
        files.push({ contents: JSON.stringify(JSON.parse(committed)), relativeDest: builtinPackFile(entry) });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (display, sites, pause) in storage.local.
    // contextMenus: "Explain with Gloss" / "Add to Gloss" on selected text (no install warning).
    // activeTab: the popup learns the current page's site (to switch Gloss off there) only when the
    // user opens it; content-script matches do not reveal tab URLs (no install warning either).
    // alarms: scheduled source syncs. A source's origin is asked for when the user adds it, not here.
    // unlimitedStorage: the knowledge base is kept from eviction and quota (a 100,000-entity one is
    // hundreds of MB); without it Firefox would prompt when the options page asks to persist storage.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Loaded by the content script: the rest of Gloss once it knows Gloss is on for the page
    // (entrypoints/content-session.ts), the card's drawing code on the first hover (entrypoints/card-view.ts)
    // and the card's CSS. Chrome gives them a per-session address, so a page cannot probe for them to
    // learn that Gloss is installed.
    web_accessible_resources: [
      {
        resources: ['content-session.js', 'card-view.js', 'content-scripts/content.css'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
