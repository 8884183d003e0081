import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Identifies the code that compiles a pack into an index, so the CLI's index cache is also keyed by it:
 * a new matcher must never answer from an index an older matcher compiled. A bundled CLI (one .mjs file)
 * is identified by its bytes; a run from source (tsx) by the size and change time of every source file
 * of the given folders, which costs a millisecond instead of hashing them.
 */
export function codeStampOf(entryFile: string, sourceDirs: readonly string[]): string {
  const hash = createHash('sha256');
  if (!entryFile.endsWith('.ts')) hash.update(readFileSync(entryFile));
  else for (const dir of sourceDirs) stampFolder(hash, dir);
  return hash.digest('hex').slice(0, 16);
}

function stampFolder(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const info = statSync(path);
    if (info.isDirectory()) stampFolder(hash, path);
    else hash.update(`${path}\0${info.size}\0${info.mtimeMs}\0`);
  }
}
