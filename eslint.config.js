import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/architecture.md, enforced. tests/unit/lint-rules.test.ts breaks each rule on purpose
 * and expects the error, so a rule that stops matching is noticed.
 */

/** The pure core must run in Node (tests, CLI, benchmarks): no browser, no DOM, no storage, no settings. */
const PURE = ['./lib/core', './lib/pack'];
const NOT_IN_PURE = [
  './entrypoints',
  './components',
  './lib/kb',
  './lib/page',
  './lib/messaging',
  './lib/sync',
  './lib/settings',
  './lib/cli',
  './lib/ui',
];

/** Code that runs in the page: it asks the worker (lib/messaging), it never opens the knowledge base. */
const CONTENT = ['./entrypoints/content', './entrypoints/content-session.ts', './entrypoints/card-view.ts'];
const NOT_IN_CONTENT = ['./lib/kb', './lib/sync', './entrypoints/background'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'assets/packs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    plugins: { 'import-x': importX },
    // Resolves `@/…` and extensionless .ts imports as the build does: an import the rule cannot resolve
    // is an import it cannot check.
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          alias: { '@': [import.meta.dirname] },
          extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...PURE.map((target) => ({
              target,
              from: NOT_IN_PURE,
              message: 'The pure core runs in Node: it may not depend on browser-side code, settings or the CLI.',
            })),
            {
              target: './lib',
              from: ['./entrypoints', './components'],
              message: 'lib/ is shared code; entrypoints wire it, not the other way.',
            },
            ...CONTENT.map((target) => ({
              target,
              from: NOT_IN_CONTENT,
              message: 'Content scripts ask the worker through lib/messaging; they never open the knowledge base or run sync.',
            })),
            {
              target: './entrypoints/background',
              from: './components',
              message: 'The service worker has no UI: components/ belong to the pages and the card.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Only lib/kb talks to IndexedDB.' },
            { name: 'wxt/browser', message: 'Pure code takes data, not browser APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'lib/kb/**',
      'entrypoints/**',
      'components/**',
      'tests/**',
      'scripts/**',
      'bench/**',
      'lib/messaging/**',
      'lib/sync/**',
      'lib/settings/**',
      'lib/ui/**',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['entrypoints/content/**', 'entrypoints/content-session.ts', 'entrypoints/card-view.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Content scripts never open the knowledge base: ask the worker.' }] },
      ],
    },
  },
  {
    files: ['lib/core/**', 'lib/pack/**'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'indexedDB', 'location'],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error; one passed where a void callback is expected
    // (an onSubmit, a listener) runs unhandled.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
