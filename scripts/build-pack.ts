/**
 * Builds the embedded default pack from the inputs in data/. Deterministic: the same inputs give the
 * same bytes, so CI can check that the committed pack is up to date (`npm run pack:build -- --check`).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePack } from '../lib/pack/validate';
import type { Entity, Pack, PackMeta } from '../lib/pack/types';

const root = join(import.meta.dirname, '..');
const out = join(root, 'assets/packs/world-news.json');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function buildDefaultPack(): Pack {
  const meta = readJson<PackMeta>(join(root, 'data/pack-meta.json'));
  const curatedDir = join(root, 'data/curated');
  const entities: Entity[] = [];
  for (const file of readdirSync(curatedDir).filter((f) => f.endsWith('.json')).sort()) {
    entities.push(...readJson<Entity[]>(join(curatedDir, file)));
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...meta, entities };
}

const pack = buildDefaultPack();
const result = validatePack(pack);
if (!result.ok) {
  for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
  process.exit(1);
}
const text = JSON.stringify(pack, null, 1) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('assets/packs/world-news.json is out of date: run npm run pack:build');
    process.exit(1);
  }
} else writeFileSync(out, text);
const byKind = new Map<string, number>();
for (const e of pack.entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
console.log(`World news pack: ${pack.entities.length} entities, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`);
console.log([...byKind].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n'));
