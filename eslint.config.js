import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The pure core must run in Node (tests, CLI, benchmarks): no browser, no DOM, no storage. */
const PURE = ['./lib/core', './lib/pack'];
const NOT_IN_PURE = ['./entrypoints', './components', './lib/kb', './lib/page', './lib/messaging', './lib/sync'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'assets/packs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    plugins: { 'import-x': importX },
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
              message: 'The pure core may not depend on browser-side code.',
            })),
            {
              target: './lib',
              from: ['./entrypoints', './components'],
              message: 'lib/ is shared code; entrypoints wire it, not the other way.',
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
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['lib/core/**', 'lib/pack/**'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'indexedDB', 'location'],
    },
  },
);
