import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md and the README's folder table are the map a newcomer reads first. A file moved
 * or renamed without the map following it fails here, naming what the map still points at.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every file git knows (committed or new and not ignored), relative to the root. */
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(ROOT, f)));
const BASENAMES = new Set(FILES.map((f) => basename(f)));
const SOURCE = FILES.filter((f) => /^(lib|entrypoints|components|scripts|tests|bench)\/.*\.tsx?$/.test(f))
  .map((f) => read(f))
  .join('\n');

/** The `code spans` of a Markdown text. */
const codeSpans = (md: string) => [...md.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

const looksLikePath = (s: string) => /^[\w@~./*-]+$/.test(s) && (s.includes('/') || /\.(tsx?|md|json|css)$/.test(s));

/** A path as the map writes it: from the root, a folder (trailing slash or glob), or a file name met earlier in the row. */
function pointsAtSomething(span: string): boolean {
  const path = span.replace(/\/\*.*$/, '/').replace(/\/$/, '');
  if (existsSync(join(ROOT, path))) return span.endsWith('/') ? statSync(join(ROOT, path)).isDirectory() : true;
  return !path.includes('/') && BASENAMES.has(path);
}

describe('docs/architecture.md', () => {
  const md = read('docs/architecture.md');
  const spans = codeSpans(md);

  it('names files and folders that exist', () => {
    const paths = spans.filter(looksLikePath);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !pointsAtSomething(p))).toEqual([]);
  });

  it('names functions, constants and messages the code defines', () => {
    // Words in code spans (`kbChanged`, `CONTENT_SCRIPT_MAY_SEND`, message names): each stands in the source.
    const names = spans.filter((s) => /^[A-Za-z_]\w*$/.test(s));
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !new RegExp(`\\b${n}\\b`).test(SOURCE))).toEqual([]);
  });

  it('answers where a mention is found, linked and drawn, and where a source is synced', () => {
    for (const step of ['**Find mentions**', '**Link**', '**Draw**', '**Sync**']) expect(md).toContain(step);
  });
});

describe("the README's folder table", () => {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('| folder'), readme.indexOf('\n\n', readme.indexOf('| folder')));
  // The first column of each row: the folders (and a few files) the row is about.
  const listed = table
    .split('\n')
    .flatMap((row) => codeSpans(row.split('|')[1] ?? ''))
    .map((s) => s.replace(/\/$/, ''));

  it('names only folders and files that exist', () => {
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((p) => !existsSync(join(ROOT, p.replace(/\/\*.*$/, ''))))).toEqual([]);
  });

  it('lists every folder of the code: each top-level folder, each folder of lib/ and entrypoints/', () => {
    const folders = new Set<string>();
    for (const f of FILES) {
      const parts = f.split('/');
      if (parts.length < 2 || parts[0]!.startsWith('.')) continue;
      folders.add(parts[0]!);
      if ((parts[0] === 'lib' || parts[0] === 'entrypoints') && parts.length > 2) folders.add(`${parts[0]}/${parts[1]}`);
    }
    // A folder is listed when it, or a folder inside it (`tests/unit`), stands in the table.
    const unlisted = [...folders].filter((d) => !listed.some((p) => p === d || p.startsWith(`${d}/`)));
    expect(unlisted.sort()).toEqual([]);
  });
});
