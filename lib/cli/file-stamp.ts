import type { Hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * How long after a file's last change its status alone may stand for its bytes. File times move in coarse
 * ticks (a few milliseconds on Linux), so two versions of the same size written within one tick share them;
 * a file changed this recently is read and hashed instead (git's "racy" rule).
 */
export const SETTLED_MS = 2000;

/**
 * Adds what identifies a file's bytes to `hash` without reading them when it can: its device, inode, size and
 * modification and change times. The change time cannot be set back (a restored or copied file gets a new
 * one), and a file written in place or replaced by a rename gets a new one, so a settled file with the same
 * status has the same bytes. Reading and hashing the 4 MB of the default set was a fifth of the CLI's
 * start-up. Returns the bytes when it had to read them.
 */
export function stampFile(hash: Hash, path: string, now: number = Date.now()): Buffer | null {
  const info = statSync(path, { bigint: true });
  const changedMs = Number(info.ctimeMs > info.mtimeMs ? info.ctimeMs : info.mtimeMs);
  if (now - changedMs < SETTLED_MS) {
    const bytes = readFileSync(path);
    hash.update('bytes\0').update(bytes).update('\0');
    return bytes;
  }
  hash.update(`stat\0${info.dev}\0${info.ino}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}\0`);
  return null;
}
