import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/pack/types';
import { root as repoRoot } from '../../scripts/build-pack';
import { buildMinisters } from '../../scripts/pack/ministers';

const CSV = [
  'position,person,personID,start,end,enwiki',
  'Minister of Defence,Old Holder,Q100,2019-03-04,,Old Holder (politician)',
  'Minister of Defence,Older Holder,Q101,2015-01-01,2019-03-04,',
  'Minister of Finance,Old Holder,Q100,2010-01-01,2012-01-01,Old Holder (politician)',
].join('\n');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A throwaway data/ tree with one CSV and the given office file. */
function fixture(bodies: unknown[]): string {
  dir = mkdtempSync(join(tmpdir(), 'gloss-ministers-'));
  mkdirSync(join(dir, 'data/ministers'), { recursive: true });
  mkdirSync(join(dir, 'data/leaders'), { recursive: true });
  writeFileSync(join(dir, 'data/ministers/land.holders.csv'), CSV);
  writeFileSync(join(dir, 'data/ministers/offices.json'), JSON.stringify({ bodies }));
  return dir;
}

const defence = (holders: unknown[], extra: Record<string, unknown> = {}) => [
  {
    of: 'Land',
    related: ['gloss:country-land'],
    csv: 'land.holders.csv',
    offices: [
      {
        label: 'Minister of Defence of Land',
        csv: 'Minister of Defence',
        source: 'https://example.org/defence',
        holders,
        ...extra,
      },
    ],
  },
];

describe('buildMinisters', () => {
  it('takes a holder without dates from the CSV, and never leaves a 2022 snapshot row open: the successor closes it', () => {
    const people = buildMinisters(
      fixture(
        defence([
          { wd: 'Q100', name: 'Old Holder' },
          { id: 'new-holder', name: 'New Holder', from: '2024-11-07' },
        ]),
      ),
      '2025-02-03',
    );
    const old = people.find((p) => p.id === 'wd:Q100')!;
    expect(old.roles).toEqual([
      { label: 'Minister of Defence of Land', from: '2019-03-04', to: '2024-11-07', source: 'https://example.org/defence' },
    ]);
    expect(old.links).toEqual({
      wikipedia: 'https://en.wikipedia.org/wiki/Old_Holder_(politician)',
      wikidata: 'https://www.wikidata.org/wiki/Q100',
    });
    const now = people.find((p) => p.id === 'gloss:new-holder')!;
    expect(now.roles).toEqual([
      { label: 'Minister of Defence of Land', from: '2024-11-07', source: 'https://example.org/defence' },
    ]);
    expect(now.description).toBe('Minister of Defence of Land since 2024.');
    expect(now.related).toEqual(['gloss:country-land']);
  });

  it('lets a given end win over the next start, and keeps holders of a several-holder office open', () => {
    const chain = buildMinisters(
      fixture(
        defence([
          { wd: 'Q100', name: 'Old Holder', to: '2023-01' },
          { id: 'b', name: 'B', from: '2023-05-01' },
        ]),
      ),
      '2025-02-03',
    );
    expect(chain.find((p) => p.id === 'wd:Q100')!.roles![0]!.to).toBe('2023-01');
    const multi = buildMinisters(
      fixture(
        defence(
          [
            { id: 'a', name: 'A', from: '2020' },
            { id: 'b', name: 'B', from: '2022' },
          ],
          { multi: true },
        ),
      ),
      '2025-02-03',
    );
    expect(multi.map((p) => p.roles![0]!.to)).toEqual([undefined, undefined]);
  });

  it('refuses a Wikidata id that no CSV confirms, a missing start, a start after the as-of day and holders out of order', () => {
    expect(() => buildMinisters(fixture(defence([{ wd: 'Q999', name: 'Unknown', from: '2020' }])), '2025-02-03')).toThrow(
      /Q999 is not confirmed/,
    );
    expect(() => buildMinisters(fixture(defence([{ id: 'x', name: 'X' }])), '2025-02-03')).toThrow(/no start date/);
    // A successor of the weeks after the pack's date is kept (Eyal Zamir, IDF chief from 5 March 2025); a start
    // more than two months later is refused as a likely typo.
    expect(buildMinisters(fixture(defence([{ id: 'x', name: 'X', from: '2025-03-05' }])), '2025-02-03')[0]!.roles![0]!.from).toBe(
      '2025-03-05',
    );
    expect(() => buildMinisters(fixture(defence([{ id: 'x', name: 'X', from: '2025-04-08' }])), '2025-02-03')).toThrow(
      /days after the pack's as-of day/,
    );
    expect(() =>
      buildMinisters(
        fixture(
          defence([
            { id: 'x', name: 'X', from: '2022' },
            { id: 'y', name: 'Y', from: '2020' },
          ]),
        ),
        '2025-02-03',
      ),
    ).toThrow(/not in order|before it starts/);
  });

  it('builds the committed office file: every current holder is in office on the as-of day, every role has a source', () => {
    const people = buildMinisters(repoRoot, '2025-02-03');
    expect(people.length).toBeGreaterThanOrEqual(500);
    for (const p of people) {
      expect(p.roles!.length, p.id).toBeGreaterThan(0);
      for (const r of p.roles!) {
        expect(r.source, `${p.id} ${r.label}`).toMatch(/^https:\/\//);
        // A change of office after the pack's date (at most two months) must cite its own dated report.
        if (r.from! > '2025-02-03') {
          expect(r.from! <= '2025-04-05', `${p.id} ${r.label}`).toBe(true);
          expect(r.source, `${p.id} ${r.label}`).not.toMatch(/wikipedia\.org/);
        }
      }
    }
    const byId = new Map(people.map((p) => [p.id, p]));
    // Sergei Shoigu left Defence for the Security Council on 12 May 2024; the 2022 CSV has him open-ended.
    expect(byId.get('wd:Q32024')!.roles!.map((r) => [r.label, r.to])).toEqual([
      ['Secretary of the Security Council of Russia', undefined],
      ['Minister of Defence of Russia', '2024-05-12'],
    ]);
  });
});

interface DatedAssertion {
  entity: string;
  office: string;
  on: string;
  holds: boolean;
  source: string;
}

/** A role covers a day from the first day of its start to the last day of its end, at the precision given. */
const covers = (r: { from?: string; to?: string }, day: string): boolean =>
  (r.from === undefined || `${r.from}-01-01`.slice(0, 10) <= day) && (r.to === undefined || day <= `${r.to}-12-31`.slice(0, 10));

describe('dated assertions of tests/fixtures/dated-assertions/ministers.json', () => {
  it('each holds or fails in the committed pack as its source states', () => {
    const pack = JSON.parse(readFileSync(join(repoRoot, 'assets/packs/world-news.json'), 'utf8')) as Pack;
    const byId = new Map(pack.entities.map((e) => [e.id, e]));
    const assertions = JSON.parse(
      readFileSync(join(repoRoot, 'tests/fixtures/dated-assertions/ministers.json'), 'utf8'),
    ) as DatedAssertion[];
    expect(assertions.length).toBeGreaterThanOrEqual(60);
    const wrong = assertions.filter((a) => {
      const roles = (byId.get(a.entity)?.roles ?? []).filter((r) => r.label.toLowerCase().includes(a.office.toLowerCase()));
      return roles.some((r) => covers(r, a.on)) !== a.holds || !a.source.startsWith('https://');
    });
    expect(wrong).toEqual([]);
  });
});
