import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stampFile } from './file-stamp';

/**
 * Identifies the code that compiles a pack into an index, so the CLI's index cache is also keyed by it:
 * a new matcher must never answer from an index an older matcher compiled. A bundled CLI (one .mjs file)
 * is identified by its bytes, through its file status once it has settled (stampFile); a run from source
 * (tsx) by the size and change time of every source file of the given folders, which costs a millisecond
 * instead of hashing them.
 */
export function codeStampOf(entryFile: string, sourceDirs: readonly string[], now: number = Date.now()): string {
  const hash = createHash('sha256');
  if (!entryFile.endsWith('.ts')) stampFile(hash, entryFile, now);
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
