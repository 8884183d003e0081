import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeStampOf } from '../../lib/cli/code-stamp';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-code-stamp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI's index cache is keyed by the code that compiles the index", () => {
  it('a bundle is identified by its bytes: a rebuilt bundle gets a new stamp, the same bytes the same one', () => {
    const bundle = join(dir, 'gloss.mjs');
    writeFileSync(bundle, 'export const matcher = 1;');
    const first = codeStampOf(bundle, []);
    expect(codeStampOf(bundle, [])).toBe(first);
    writeFileSync(bundle, 'export const matcher = 2;');
    expect(codeStampOf(bundle, [])).not.toBe(first);
  });

  it('from source, an edit to any file of the core, in a subfolder too, gives a new stamp', () => {
    const core = join(dir, 'core');
    mkdirSync(join(core, 'names'), { recursive: true });
    writeFileSync(join(core, 'match-index.ts'), 'a');
    writeFileSync(join(core, 'names', 'runs.ts'), 'b');
    const entry = join(dir, 'load-pack.ts');
    writeFileSync(entry, '');
    const first = codeStampOf(entry, [core]);
    expect(codeStampOf(entry, [core])).toBe(first);
    writeFileSync(join(core, 'names', 'runs.ts'), 'bb');
    const second = codeStampOf(entry, [core]);
    expect(second).not.toBe(first);
    utimesSync(join(core, 'match-index.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(codeStampOf(entry, [core])).not.toBe(second);
  });
});
