import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../tests/e2e/support/paths';

/** Folders whose files end up in the built extension. */
const SOURCES = ['entrypoints', 'components', 'lib', 'assets', 'public', 'wxt.config.ts', 'package.json'];

function newest(path: string): { file: string; mtime: number } | null {
  if (!existsSync(path)) return null;
  const stat = statSync(path);
  if (!stat.isDirectory()) return { file: path, mtime: stat.mtimeMs };
  let best: { file: string; mtime: number } | null = null;
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found && (!best || found.mtime > best.mtime)) best = found;
  }
  return best;
}

/**
 * Whether a build exists, and whether a source file changed after it was made: a bench that measures
 * an old build must say so, not pass its figures off as the code's.
 */
export function buildFreshness(buildDir: string): { missing: boolean; stale: string | null } {
  const manifest = join(buildDir, 'manifest.json');
  if (!existsSync(manifest)) return { missing: true, stale: null };
  const built = statSync(manifest).mtimeMs;
  const changed = SOURCES.map((s) => newest(join(ROOT, s)))
    .filter((f): f is { file: string; mtime: number } => f !== null)
    .sort((a, b) => b.mtime - a.mtime)[0];
  const stale =
    changed && changed.mtime > built
      ? `the build in ${buildDir} is older than ${relative(ROOT, changed.file)} (changed ${Math.round((changed.mtime - built) / 60_000)} min after the build): the browser figures are of the build, not of the current code.`
      : null;
  return { missing: false, stale };
}
