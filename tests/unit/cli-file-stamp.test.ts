import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTLED_MS, stampFile } from '../../lib/cli/file-stamp';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-file-stamp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stamp = (path: string, now?: number) => {
  const hash = createHash('sha256');
  const read = stampFile(hash, path, now);
  return { key: hash.digest('hex'), read };
};
/** A clock read after the file settled, without waiting for it. */
const later = (path: string) => Number(statSync(path).ctimeMs) + SETTLED_MS + 1;

describe("the CLI's cache key for a file (stampFile)", () => {
  it('a file just written is keyed by its bytes: two versions of one size written in one tick get two keys', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, '{"alias":"Senhora Lima"}');
    const first = stamp(file);
    expect(first.read?.toString()).toBe('{"alias":"Senhora Lima"}');
    writeFileSync(file, '{"alias":"Dona Lima!!!"}');
    expect(stamp(file).key).not.toBe(first.key);
  });

  it('a settled file is keyed by its status, without reading it, and the same status gives the same key', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, 'x'.repeat(100));
    const now = later(file);
    const first = stamp(file, now);
    expect(first.read).toBeNull();
    expect(stamp(file, now).key).toBe(first.key);
  });

  it('a settled file replaced by another of the same size (a rename, as an atomic write does) gets a new key', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, 'a'.repeat(100));
    const before = stamp(file, later(file)).key;
    writeFileSync(join(dir, 'next.json'), 'b'.repeat(100));
    renameSync(join(dir, 'next.json'), file);
    expect(stamp(file, later(file)).key).not.toBe(before);
  });

  it('a settled file rewritten in place with the same size gets a new key', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, 'a'.repeat(100));
    const settledAt = later(file);
    const before = stamp(file, settledAt).key;
    // Rewritten until the file system's clock has ticked: a file changed in the same tick is hashed instead.
    const was = statSync(file, { bigint: true }).ctimeNs;
    while (statSync(file, { bigint: true }).ctimeNs === was) writeFileSync(file, 'b'.repeat(100));
    expect(stamp(file, later(file)).key).not.toBe(before);
  });
});
