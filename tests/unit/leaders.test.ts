import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heldOn } from '../../lib/core/roles-as-of';
import type { Entity, Pack } from '../../lib/pack/types';
import { packPath } from '../../scripts/build-pack';
import { leaderSlugId } from '../../scripts/pack/leader-curated';

const pack = JSON.parse(readFileSync(packPath, 'utf8')) as Pack;
const byId = new Map(pack.entities.map((e) => [e.id, e]));
const people = pack.entities.filter((e) => e.kind === 'person');
const AS_OF = pack.asOf ?? '2025-02-03';
const rolesOn = (e: Entity | undefined, day: string): string[] =>
  (e?.roles ?? []).filter((r) => heldOn(r, day)).map((r) => r.label);

describe('heads of state and government', () => {
  it('gives every UN member and observer state a leader in office on the pack date', () => {
    const lacking = pack.entities
      .filter((c) => c.kind === 'country')
      .filter((c) => !people.some((p) => (p.related ?? []).includes(c.id) && rolesOn(p, AS_OF).length > 0))
      .map((c) => c.name);
    expect(lacking).toEqual([]);
  });

  it('dates the changes near the pack date to the day, from a source other than the Wikidata item', () => {
    const lebanon = byId.get('wd:Q318493')!.roles!.find((r) => r.label === 'Prime Minister of Lebanon')!;
    expect(lebanon.to).toBe('2025-02-08');
    expect(lebanon.source).toMatch(/^https:\/\/www\.trtworld\.com\//);
    expect(rolesOn(byId.get('wd:Q318493'), '2025-02-03')).toEqual(['Prime Minister of Lebanon']);
    expect(rolesOn(byId.get('wd:Q638463'), '2025-02-03')).toEqual(['Prime Minister-designate of Lebanon']);
    expect(rolesOn(byId.get('wd:Q359480'), '2024-10-02')).toEqual([]);
    expect(rolesOn(byId.get('wd:Q359480'), '2023-06-01')).toEqual(['Prime Minister of Japan']);
  });

  it('keeps one id per person: a person without a Wikidata id has the slug of the name', () => {
    expect(leaderSlugId('Luiz Inácio Lula da Silva')).toBe('gloss:leader-luiz-inacio-lula-da-silva');
    expect(byId.get('gloss:leader-luiz-inacio-lula-da-silva')?.name).toBe('Luiz Inácio Lula da Silva');
    const names = people.map((p) => p.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('gives every role a source URL', () => {
    const unsourced = people.flatMap((p) =>
      (p.roles ?? []).filter((r) => !r.source?.startsWith('https://')).map((r) => `${p.name}: ${r.label}`),
    );
    expect(unsourced).toEqual([]);
  });
});
