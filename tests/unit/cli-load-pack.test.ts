import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { loadPack } from '../../lib/cli/load-pack';
import type { Pack } from '../../lib/pack/types';

const pack = (alias: string): Pack => ({
  format: 1,
  id: 'test-pack',
  name: 'Test',
  version: '1',
  license: 'CC0',
  attribution: 'test',
  asOf: '2025-02-03',
  entities: [
    {
      id: 'x:ana',
      kind: 'person',
      name: 'Ana Lima',
      alternateName: [{ text: alias }],
      description: 'A test person.',
      sources: ['https://example.org/'],
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Ana_Lima' },
    },
  ],
});

let dir: string;
let before: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gloss-load-pack-'));
  before = process.env.GLOSS_CACHE_DIR;
  process.env.GLOSS_CACHE_DIR = join(dir, 'cache');
});
afterEach(() => {
  if (before === undefined) delete process.env.GLOSS_CACHE_DIR;
  else process.env.GLOSS_CACHE_DIR = before;
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI keeps its compiled index between runs', () => {
  it('a second run reads the cached index and annotates exactly as the first', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, JSON.stringify(pack('Senhora Lima')));
    const first = loadPack(file);
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    const second = loadPack(file);
    const text = 'Ana Lima spoke; later Senhora Lima left.';
    expect(annotate(second.index, text)).toEqual(annotate(first.index, text));
    expect(annotate(second.index, text).map((m) => m.surface)).toEqual(['Ana Lima', 'Senhora Lima']);
    expect(second.wikipediaOf('x:ana')).toBe('https://en.wikipedia.org/wiki/Ana_Lima');
  });

  it('a changed pack is compiled afresh, not read from the old cache', () => {
    const file = join(dir, 'pack.json');
    writeFileSync(file, JSON.stringify(pack('Senhora Lima')));
    loadPack(file);
    writeFileSync(file, JSON.stringify(pack('Dona Lima')));
    const text = 'Senhora Lima and Dona Lima.';
    expect(annotate(loadPack(file).index, text).map((m) => m.surface)).toEqual(['Dona Lima']);
  });

  it('an invalid pack is refused in plain words, cache or not', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"format": 1}');
    expect(() => loadPack(file)).toThrow(/invalid pack/);
    writeFileSync(file, 'not json');
    expect(() => loadPack(file)).toThrow(/not a readable JSON file/);
    expect(() => loadPack(join(dir, 'absent.json'))).toThrow(/cannot read the pack/);
  });

  it('GLOSS_CACHE_DIR=off writes nothing', () => {
    process.env.GLOSS_CACHE_DIR = 'off';
    const file = join(dir, 'pack.json');
    writeFileSync(file, JSON.stringify(pack('Senhora Lima')));
    loadPack(file);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });
});
