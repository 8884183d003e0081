import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, '.output/cli/gloss.mjs');

let dir: string;
beforeAll(() => {
  // The build a reader runs: one plain JavaScript file that node starts without tsx or TypeScript.
  execFileSync('npm', ['run', '--silent', 'gloss:build'], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'gloss-cli-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gloss(args: string[]) {
  return spawnSync(process.execPath, [BUNDLE, ...args], {
    cwd: dir,
    env: { ...process.env, GLOSS_CACHE_DIR: join(dir, 'cache') },
    encoding: 'utf8',
  });
}

describe('the CLI bundle (npm run gloss:build)', () => {
  it('prints its usage for --help and exits 0', () => {
    const r = gloss(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: gloss annotate/);
  });

  it('refuses an unknown option in plain words, with the usage', () => {
    const r = gloss(['annotate', '--colour']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("gloss: Unknown option '--colour'");
    expect(r.stderr).toContain('usage: gloss');
  });

  it('annotates a text file with the built-in packs, found beside the bundle', () => {
    const file = join(dir, 'article.txt');
    writeFileSync(file, 'Emmanuel Macron met Olaf Scholz in Berlin on Tuesday.');
    const r = gloss(['annotate', file, '--date', '2024-05-01']);
    expect(r.status, r.stderr).toBe(0);
    const surfaces = (JSON.parse(r.stdout) as { mentions: { surface: string }[] }).mentions.map((m) => m.surface);
    expect(surfaces).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Olaf Scholz', 'Berlin']));
  });
});
