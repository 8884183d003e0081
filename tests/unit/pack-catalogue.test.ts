import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import type { Pack } from '../../lib/pack/types';
import { validatePack } from '../../lib/pack/validate';
import { collisionsPath, unlistedCollisions } from '../../scripts/build-pack';
import { buildCatalogue, defaultSetEntities, packPathOf, root, serializePack } from '../../scripts/pack/catalogue';
import { aliasCollisions } from '../../scripts/pack/merge';
import { countsBlock, withCounts } from '../../scripts/pack/readme-counts';

const committed = BUILTIN_PACKS.map((entry) => {
  const text = readFileSync(packPathOf(entry), 'utf8');
  return { entry, text, pack: JSON.parse(text) as Pack };
});
const all = committed.flatMap((c) => c.pack.entities);
const defaultSet = defaultSetEntities(committed.map((c) => c.pack));
const ids = new Set(all.map((e) => e.id));

/**
 * Files under data/ that hold copied datasets, where a Wikidata id is confirmed. Hand-written files (entities
 * in a curated/ folder or a curated*.json file, pack metadata, corrections, alias tables) do not confirm an id:
 * the id written there must come from a dataset.
 */
function isHandWritten(path: string): boolean {
  const name = path.split('/').pop()!;
  return (
    /(^|\/)curated(\/|[^/]*\.json$)/.test(path) ||
    name === 'pack-meta.json' ||
    name === 'alias-collisions.json' ||
    name === 'README.md' ||
    /-(corrections|aliases)\.json$/.test(name)
  );
}
function datasetFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return datasetFiles(path);
    return isHandWritten(relative(join(root, 'data'), path)) ? [] : [path];
  });
}

describe('the built-in pack catalogue', () => {
  it('has the four packs, each with the metadata the options page shows', () => {
    expect(committed.map((c) => c.pack.id)).toEqual([
      'gloss-world-news',
      'gloss-us-government',
      'gloss-world-places',
      'gloss-business-media',
    ]);
    for (const { pack } of committed) {
      expect(pack.asOf, pack.id).toBe('2025-02-03');
      expect(pack.license.length, pack.id).toBeGreaterThan(0);
      expect(pack.attribution.length, pack.id).toBeGreaterThan(0);
      expect(pack.description, pack.id).toBeTruthy();
      // A pack's homepage is the project's, never an encyclopedia portal.
      expect(pack.homepage ?? '', pack.id).not.toMatch(/wikipedia\.org/);
    }
  });

  it.each(BUILTIN_PACKS.map((e) => e.short))('%s validates', (short) => {
    const { pack } = committed.find((c) => c.entry.short === short)!;
    const result = validatePack(pack);
    expect(result.ok ? [] : result.problems.slice(0, 10)).toEqual([]);
  });

  it('is what the builder makes from data/, byte for byte, every time (pack:build --check)', () => {
    const first = buildCatalogue().packs.map((p) => serializePack(p.pack));
    const second = buildCatalogue().packs.map((p) => serializePack(p.pack));
    expect(second.every((text, i) => text === first[i])).toBe(true);
    const stale = committed.filter((c, i) => c.text !== first[i]).map((c) => `assets/packs/${c.entry.short}.json`);
    // The build script says how to fix it.
    expect(stale, 'out of date: run npm run pack:build').toEqual([]);
  });

  it("states each pack's counts by kind in the README, as the packs have them", () => {
    const packs = committed.map((c) => ({ pack: c.pack, short: c.entry.short }));
    const every = defaultSetEntities(committed.map((c) => c.pack));
    const withRoles = every.filter((e) => e.kind === 'person' && (e.roles?.length ?? 0) > 0).length;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = countsBlock(packs, { entities: every.length, withRoles });
    expect(withCounts(readme, block) === readme, 'README.md counts are out of date: run npm run pack:build').toBe(true);
    expect(block).toContain(`${every.length.toLocaleString('en')} entities`);
    expect(() => withCounts('no markers here', block)).toThrow(/markers/);
  });

  it('keeps one entity per id and per Wikipedia page over all packs', () => {
    expect(all.length - ids.size).toBe(0);
    const pages = new Map<string, string[]>();
    for (const e of all) {
      const w = e.links?.wikipedia;
      if (w) pages.set(w, [...(pages.get(w) ?? []), e.id]);
    }
    expect([...pages].filter(([, owners]) => owners.length > 1)).toEqual([]);
  });

  it('gives every entity a source a reader can open, and every related id names an entity of some pack', () => {
    expect(
      all.filter((e) => e.sources.length === 0 || e.sources.some((s) => !s.startsWith('https://'))).map((e) => e.id),
    ).toEqual([]);
    expect(all.flatMap((e) => (e.related ?? []).filter((r) => !ids.has(r)).map((r) => `${e.id} → ${r}`))).toEqual([]);
  });

  it('uses a Wikidata id only where a dataset copied into data/ has it', () => {
    const confirmed = new Set<string>();
    for (const file of datasetFiles(join(root, 'data'))) {
      for (const q of readFileSync(file, 'utf8').match(/\bQ[1-9]\d*\b/g) ?? []) confirmed.add(q);
    }
    // Ids anywhere in a pack: entity ids, related ids, Wikidata links.
    const used = new Set<string>();
    for (const e of all) {
      for (const id of [e.id, ...(e.related ?? [])]) if (id.startsWith('wd:')) used.add(id.slice(3));
      const link = e.links?.wikidata?.match(/\/(Q[1-9]\d*)$/)?.[1];
      if (link) used.add(link);
    }
    expect([...used].filter((q) => !confirmed.has(q)).sort()).toEqual([]);
  });

  it('lists every alias that two entities of the default set share in data/alias-collisions.json, and nothing stale', () => {
    expect(Object.fromEntries(unlistedCollisions(defaultSet))).toEqual({});
    const listed = JSON.parse(readFileSync(collisionsPath, 'utf8')) as Record<string, string[]>;
    const actual = aliasCollisions(defaultSet);
    const stale = Object.entries(listed).filter(
      ([alias, owners]) => JSON.stringify(actual.get(alias)) !== JSON.stringify([...owners].sort()),
    );
    expect(stale).toEqual([]);
  });
});
