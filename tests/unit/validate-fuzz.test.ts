import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { openDb } from '../../lib/kb/db';
import { validatePack } from '../../lib/pack/validate';

const good = {
  format: 1,
  id: 'fuzz',
  name: 'Fuzz pack',
  version: '1',
  license: 'CC0',
  attribution: 'Gloss tests',
  asOf: '2025-02-03',
  entities: [
    {
      id: 'f:a',
      kind: 'person',
      name: 'Ana Lima',
      alternateName: [{ text: 'Lima', lang: 'pt', case: 'capitalized' }],
      description: 'A test person.',
      roles: [{ label: 'Mayor', from: '2020', to: '2024', source: 'https://example.org/a' }],
      links: { wikipedia: 'https://en.wikipedia.org/wiki/Lima' },
      image: 'https://example.org/a.png',
      related: ['f:b'],
      sources: ['https://example.org/a'],
    },
    {
      id: 'f:b',
      kind: 'term',
      name: 'truce',
      description: 'A pause.',
      context: { anyOf: ['war'] },
      sources: ['https://example.org/b'],
    },
  ],
};

const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '',
    ' ',
    'x'.repeat(3000),
    'wd:Q0',
    '2025-13-45',
    -1,
    2,
    null,
  ),
);

/** A copy of the good pack with the value at one random path replaced. */
const mutatedPack = fc.tuple(fc.nat(), fc.nat(), hostileValue).map(([a, b, value]) => {
  const pack = structuredClone(good) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
  };
  walk(pack, []);
  const path = paths[1 + (a % (paths.length - 1))]!;
  let parent = pack as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = b % 7 === 0 ? undefined : value;
  return pack;
});

describe('validatePack under fuzzing', () => {
  it('never throws on arbitrary JSON, and answers ok with a pack or a non-empty problem list', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = validatePack(input);
        expect(result.ok ? result.pack : result.problems.length).toBeTruthy();
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws on a good pack with one field made hostile, and names the field when it refuses', () => {
    fc.assert(
      fc.property(mutatedPack, (pack) => {
        const result = validatePack(pack);
        if (!result.ok) for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never lets a URL field through unless it is http(s), and images https', () => {
    fc.assert(
      fc.property(mutatedPack, (pack) => {
        const result = validatePack(pack);
        if (!result.ok) return;
        const p = result.pack;
        const urls = [
          p.homepage,
          ...p.entities.flatMap((e) => [
            ...e.sources,
            ...Object.values(e.links ?? {}),
            ...(e.sameAs ?? []),
            ...(e.roles ?? []).map((r) => r.source),
          ]),
        ].filter((u): u is string => u !== undefined);
        for (const u of urls) expect(u).toMatch(/^https?:\/\//i);
        for (const e of p.entities) if (e.image) expect(e.image).toMatch(/^https:\/\//i);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('importing a refused pack', () => {
  it('never writes part of it', async () => {
    const db = openDb(`fuzz-${Math.random()}`);
    await importBuiltinPack(db, good);
    const before = JSON.stringify(await db.entities.toArray());
    await fc.assert(
      fc.asyncProperty(mutatedPack, async (pack) => {
        if (validatePack(pack).ok) return;
        await expect(importBuiltinPack(db, pack)).rejects.toThrow(/invalid/);
        expect(JSON.stringify(await db.entities.toArray())).toBe(before);
      }),
      { numRuns: 300 },
    );
    await db.delete();
  });
});
