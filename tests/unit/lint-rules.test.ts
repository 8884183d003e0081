import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each layer rule of eslint.config.js, broken on purpose in a snippet linted at the path it protects
 * (the files do not exist: ESLint lints the text as if it were there). A rule that stops matching, or a
 * resolver that stops resolving `@/` imports, fails here instead of letting the layers erode.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const PROBES = [
  'lib/core/lint-probe.ts',
  'lib/pack/lint-probe.ts',
  'entrypoints/content/lint-probe.ts',
  'entrypoints/background/lint-probe.tsx',
  'components/lint-probe.tsx',
];

const eslint = new ESLint({
  cwd: root,
  // The probes are not on disk, so the type-aware rules get them from a default project.
  overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: PROBES } } } },
});

/** The rule ids reported on `code` linted as if it were the file at `filePath`, unused-variable noise left out. */
async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result!.messages.filter((m) => m.ruleId !== '@typescript-eslint/no-unused-vars');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? '').sort();
}

const PATHS = 'import-x/no-restricted-paths';

// The first lint builds the TypeScript program of the whole project: slow on a busy machine.
const SLOW = { timeout: 300_000 };

describe('layer rules', SLOW, () => {
  it('lib/core may not import lib/settings or lib/cli, by relative or @/ path', async () => {
    const bad = "import { DISPLAY } from '../settings/items';\nimport { loadPack } from '@/lib/cli/load-pack';\n";
    expect(await ruleErrors('lib/core/lint-probe.ts', bad)).toEqual([PATHS, PATHS]);
    expect(await ruleErrors('lib/core/lint-probe.ts', "import { fold } from './fold';\n")).toEqual([]);
  });

  it('lib/pack may not import lib/settings, lib/cli, lib/ui or the browser', async () => {
    const bad = [
      "import { DISPLAY } from '@/lib/settings/items';",
      "import { loadPack } from '../cli/load-pack';",
      "import { t } from '../ui/i18n';",
    ].join('\n');
    expect(await ruleErrors('lib/pack/lint-probe.ts', bad)).toEqual([PATHS, PATHS, PATHS]);
  });

  it('content scripts may not import lib/kb, lib/sync, background code or dexie', async () => {
    const bad = [
      "import { openDb } from '@/lib/kb/db';",
      "import { syncSource } from '../../lib/sync/sync-source';",
      "import { matcher } from '../background/knowledge';",
      "import Dexie from 'dexie';",
    ].join('\n');
    expect(await ruleErrors('entrypoints/content/lint-probe.ts', bad)).toEqual([PATHS, PATHS, PATHS, 'no-restricted-imports']);
    // The card's entry beside the content folder is content code too.
    expect(await ruleErrors('entrypoints/card-view.ts', "import { openDb } from '@/lib/kb/db';\n")).toEqual([PATHS]);
    expect(
      await ruleErrors('entrypoints/content/lint-probe.ts', "import { sendMessage } from '@/lib/messaging/protocol';\n"),
    ).toEqual([]);
  });

  it('background code may not import components/', async () => {
    const bad = "import { Switch } from '@/components/Switch';\n";
    expect(await ruleErrors('entrypoints/background/lint-probe.tsx', bad)).toEqual([PATHS]);
  });
});

describe('promise rules (type-aware)', SLOW, () => {
  it('reports a promise nobody awaits and an async function given where a void callback is expected', async () => {
    const bad = [
      'async function save(): Promise<void> {}',
      'save();',
      "document.addEventListener('click', async () => { await save(); });",
    ].join('\n');
    expect(await ruleErrors('components/lint-probe.tsx', bad)).toEqual([
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
    ]);
    const good = [
      'async function save(): Promise<void> {}',
      'void save();',
      "document.addEventListener('click', () => void save());",
    ].join('\n');
    expect(await ruleErrors('components/lint-probe.tsx', good)).toEqual([]);
  });
});
