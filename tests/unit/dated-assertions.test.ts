/**
 * "X held office R on day D" (true or false), written by each data area from a source that states it, checked
 * against the built packs: tests/fixtures/dated-assertions/<area>.json, format in HELPERS.md:
 * `{ entity, office, on, holds, source }`, `office` a case-insensitive substring of a role label.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOn } from '../../lib/core/roles-as-of';
import { BUILTIN_PACKS } from '../../lib/pack/builtin-packs';
import type { Entity, Pack } from '../../lib/pack/types';
import { packPathOf } from '../../scripts/pack/catalogue';

interface Assertion {
  entity: string;
  office: string;
  on: string;
  holds: boolean;
  source: string;
}

const dir = join(import.meta.dirname, '../fixtures/dated-assertions');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/**
 * Areas whose assertions are known to fail until their data lands, each logged when the test runs. Keep it
 * empty on main; an entry needs the reason and who is fixing it.
 */
const PENDING: Record<string, string> = {};

const entities = new Map<string, Entity>();
for (const entry of BUILTIN_PACKS) {
  for (const e of (JSON.parse(readFileSync(packPathOf(entry), 'utf8')) as Pack).entities) entities.set(e.id, e);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why an assertion is malformed, or null. */
function malformed(a: Partial<Assertion>): string | null {
  if (typeof a.entity !== 'string' || a.entity === '') return 'no entity id';
  if (typeof a.office !== 'string' || a.office.trim() === '') return 'no office';
  if (typeof a.on !== 'string' || !DAY.test(a.on)) return `"on" must be a day like 2025-02-03 (got ${String(a.on)})`;
  if (typeof a.holds !== 'boolean') return '"holds" must be true or false';
  if (typeof a.source !== 'string' || !/^https?:\/\//.test(a.source)) return 'no source URL';
  return null;
}

/** What the packs say against the assertion, in plain words, or null when they agree. */
function checkAssertion(a: Assertion, byId: ReadonlyMap<string, Entity>): string | null {
  const e = byId.get(a.entity);
  if (!e) return `${a.entity} is in no built pack`;
  const office = a.office.toLowerCase();
  const roles = (e.roles ?? []).filter((r) => r.label.toLowerCase().includes(office));
  const held = roles.some((r) => heldOn(r, a.on));
  if (held === a.holds) return null;
  const known =
    roles.length === 0 ? 'no role matching the office' : roles.map((r) => `${r.label} ${r.from ?? '?'}–${r.to ?? ''}`).join('; ');
  return `${e.name} (${a.entity}) ${a.holds ? 'should hold' : 'should not hold'} "${a.office}" on ${a.on} (source: ${a.source}); the packs have: ${known}`;
}

describe('dated assertions', () => {
  it('has assertion files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every assertion is well formed and agrees with the built packs', (file) => {
    const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    expect(Array.isArray(list), `${file} must hold a JSON array`).toBe(true);
    const problems: string[] = [];
    (list as Partial<Assertion>[]).forEach((a, i) => {
      const bad = malformed(a);
      if (bad) problems.push(`[${i}] ${bad}`);
      else {
        const wrong = checkAssertion(a as Assertion, entities);
        if (wrong) problems.push(`[${i}] ${wrong}`);
      }
    });
    const area = file.replace(/\.json$/, '');
    if (PENDING[area] !== undefined && problems.length > 0) {
      console.warn(`PENDING ${file}: ${problems.length} failing assertions not counted (${PENDING[area]})`);
      return;
    }
    expect(problems).toEqual([]);
  });

  it('counts at least 150 assertions over all areas, true and false ones', () => {
    const all = files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Assertion[]);
    console.log(`dated assertions: ${all.length} in ${files.length} files`);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.some((a) => a.holds === false)).toBe(true);
    expect(all.some((a) => a.holds === true)).toBe(true);
  });

  it('the checker catches a wrong assertion (so the test can fail)', () => {
    const person: Entity = {
      id: 'x:1',
      kind: 'person',
      name: 'Ana Example',
      description: 'd',
      roles: [{ label: 'Mayor of Example', from: '2020-01-01', to: '2022-06-30' }],
      sources: ['https://example.org/'],
    };
    const byId = new Map([[person.id, person]]);
    const a = { entity: 'x:1', office: 'mayor', on: '2022-06-30', holds: true, source: 'https://example.org/' };
    expect(checkAssertion(a, byId)).toBeNull();
    expect(checkAssertion({ ...a, on: '2022-07-01' }, byId)).toMatch(/should hold "mayor" on 2022-07-01/);
    expect(checkAssertion({ ...a, holds: false }, byId)).toMatch(/should not hold/);
    expect(checkAssertion({ ...a, entity: 'x:2' }, byId)).toMatch(/in no built pack/);
  });
});
