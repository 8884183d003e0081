import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import { heldOn } from '../../lib/core/roles-as-of';
import type { Entity, Pack } from '../../lib/pack/types';
import { seatLabel, seatRoles, type Person, type Term } from '../../scripts/pack/us-congress';
import { buildUsGovernment, describeRoles } from '../../scripts/pack/us-government';
import { officialRoles, type Holding, type OfficialsFile } from '../../scripts/pack/us-officials';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = join(root, 'data/us-government');
const committedText = readFileSync(join(root, 'assets/packs/us-government.json'), 'utf8');
const pack = JSON.parse(committedText) as Pack;
const byId = new Map(pack.entities.map((e) => [e.id, e]));
const worldNews = JSON.parse(readFileSync(join(root, 'assets/packs/world-news.json'), 'utf8')) as Pack;

const term = (t: Partial<Term>): Term => ({
  type: 'rep',
  start: '2019-01-03',
  end: '2021-01-03',
  state: 'FL',
  district: 6,
  ...t,
});
const heldBy = (e: Entity | undefined, office: string, day: string): boolean =>
  (e?.roles ?? []).some((r) => r.label.toLowerCase().includes(office.toLowerCase()) && heldOn(r, day));

describe('congress terms into roles', () => {
  it('joins consecutive terms of one seat, also across the few days between two Congresses', () => {
    const roles = seatRoles(
      [
        term({ start: '2019-01-03', end: '2021-01-03' }),
        term({ start: '2021-01-03', end: '2023-01-03' }),
        term({ start: '2023-01-03', end: '2025-01-03' }),
        term({ start: '2025-01-03', end: '2025-01-20' }),
      ],
      '2025-02-03',
      'https://example.org/src',
    );
    expect(roles.map((r) => [r.label, r.from, r.to])).toEqual([
      ["U.S. Representative for Florida's 6th congressional district", '2019-01-03', '2025-01-20'],
    ]);
  });

  it('keeps a new seat (redistricting, a move to the Senate) and a gap of more than a week as separate roles', () => {
    const roles = seatRoles(
      [
        term({ start: '1993-01-05', end: '1995-01-03', state: 'WA', district: 1 }),
        term({ type: 'sen', start: '2001-01-03', end: '2007-01-03', state: 'WA', district: undefined }),
        term({ type: 'sen', start: '2007-01-04', end: '2031-01-03', state: 'WA', district: undefined }),
      ],
      '2025-02-03',
      'https://example.org/src',
    );
    expect(roles.map((r) => [r.label, r.from, r.to])).toEqual([
      ["U.S. Representative for Washington's 1st congressional district", '1993-01-05', '1995-01-03'],
      // Still running on the pack's date: the term's scheduled end is not a fact yet.
      ['U.S. Senator for Washington', '2001-01-03', undefined],
    ]);
  });

  it('names delegates, the resident commissioner and at-large seats as the House does', () => {
    expect(seatLabel(term({ state: 'DC', district: 0 }))).toBe(
      'Delegate to the U.S. House of Representatives for the District of Columbia',
    );
    expect(seatLabel(term({ state: 'PR', district: 0 }))).toBe(
      'Resident Commissioner of Puerto Rico in the U.S. House of Representatives',
    );
    expect(seatLabel(term({ state: 'WY', district: 0 }))).toBe('U.S. Representative for Wyoming (at-large)');
    expect(seatLabel(term({ state: 'TX', district: 22 }))).toBe("U.S. Representative for Texas's 22nd congressional district");
    expect(() => seatLabel(term({ state: 'XX' }))).toThrow(/unknown state code "XX"/);
  });

  it('describes the current role first, with the party, then earlier ones', () => {
    const text = describeRoles(
      [
        { label: "U.S. Representative for New York's 9th congressional district", from: '1993-01-05', to: '1999-01-03' },
        { label: 'U.S. Senator for New York', from: '1999-01-06' },
      ],
      'Democratic',
    );
    expect(text).toBe(
      "Senator for New York (Democratic) since 1999. Earlier: Representative for New York's 9th congressional district (Democratic) 1993–1999.",
    );
  });

  it('names a second role still held as "Also", not as an earlier one', () => {
    const text = describeRoles(
      [
        { label: "U.S. Representative for Louisiana's 4th congressional district", from: '2017-01-03' },
        { label: 'Speaker of the United States House of Representatives', from: '2023-10-25' },
      ],
      'Republican',
    );
    expect(text).toBe(
      "Speaker of the United States House of Representatives since 2023. Also: Representative for Louisiana's 4th congressional district (Republican) since 2017.",
    );
  });
});

describe('officials after the 2022 holders data', () => {
  const cfg = (over: Partial<OfficialsFile>): OfficialsFile => ({
    executive: { since: '1929-03-05', names: {} },
    positions: {},
    holderFiles: [],
    oldest: '1989-01-20',
    minDays: 30,
    openRows: [],
    roles: [],
    people: [],
    aliases: {},
    elsewhere: {},
    ...over,
  });
  const open: Holding = { qid: 'Q7821917', label: 'United States Secretary of State', from: '2021-01-26' };

  it('refuses a row still open in 2022 that nothing ends or confirms, so no stale office reads as current', () => {
    expect(() => officialRoles([open], cfg({}), '2025-02-03')).toThrow(/Q7821917 "United States Secretary of State"/);
  });

  it('ends an open row with its source, drops acting fill-ins and adds dated roles', () => {
    const roles = officialRoles(
      [open, { qid: 'Q30106114', label: 'United States Secretary of State', from: '2021-01-20', to: '2021-01-26' }],
      cfg({
        openRows: [{ person: 'wd:Q7821917', label: open.label, to: '2025-01-20', source: 'https://example.org/end' }],
        roles: [{ person: 'wd:Q324546', label: open.label, from: '2025-01-21', source: 'https://example.org/rubio' }],
      }),
      '2025-02-03',
    );
    expect(roles.get('wd:Q7821917')).toEqual([
      { label: open.label, from: '2021-01-26', to: '2025-01-20', source: 'https://example.org/end' },
    ]);
    expect(roles.has('wd:Q30106114')).toBe(false);
    expect(roles.get('wd:Q324546')?.[0]?.from).toBe('2025-01-21');
  });

  it('refuses a resolution that matches no open row (a typo would otherwise be silently ignored)', () => {
    const c = cfg({ openRows: [{ person: 'wd:Q1', label: 'Nothing', source: 'https://example.org' }] });
    expect(() => officialRoles([], c, '2025-02-03')).toThrow(/match no open row: wd:Q1 Nothing/);
  });
});

describe('pack "United States government"', () => {
  it('is what the generator makes from data/us-government (the catalogue test checks the bytes)', () => {
    const ids = buildUsGovernment(root)
      .map((e) => e.id)
      .sort();
    expect(ids).toEqual(pack.entities.map((e) => e.id));
  });

  it('has every member of Congress of 2025-02-03, each holding a seat that day', () => {
    const members = parse(readFileSync(join(dataDir, 'legislators-current.2025-02-03.yaml'), 'utf8')) as Person[];
    expect(members).toHaveLength(539);
    const missing = members.filter((m) => {
      const e = byId.get(`wd:${m.id.wikidata}`);
      return (
        !e || !(e.roles ?? []).some((r) => /^U\.S\. |^Delegate|^Resident Commissioner/.test(r.label) && heldOn(r, '2025-02-03'))
      );
    });
    expect(missing.map((m) => m.name.official_full)).toEqual([]);
  });

  it('shares no id and no Wikipedia page with the World news pack (Trump stays there)', () => {
    const worldIds = new Set(worldNews.entities.map((e) => e.id));
    const worldPages = new Set(worldNews.entities.map((e) => e.links?.wikipedia).filter(Boolean));
    expect(pack.entities.filter((e) => worldIds.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(pack.entities.filter((e) => e.links?.wikipedia && worldPages.has(e.links.wikipedia)).map((e) => e.id)).toEqual([]);
    expect(byId.has('wd:Q22686')).toBe(false);
  });

  it('uses a wd: id only where a file in data/us-government gives it', () => {
    const text = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'))
      .join('\n');
    const unconfirmed = pack.entities.filter((e) => e.id.startsWith('wd:') && !new RegExp(`\\b${e.id.slice(3)}\\b`).test(text));
    expect(unconfirmed.map((e) => e.id)).toEqual([]);
  });

  it('gives every entity a source a reader can open and every role a source', () => {
    expect(
      pack.entities.filter(
        (e) => e.sources.length === 0 || !e.sources.every((s) => s.startsWith('https://') || s.startsWith('http://')),
      ),
    ).toEqual([]);
    expect(pack.entities.flatMap((e) => (e.roles ?? []).filter((r) => !r.source).map(() => e.id))).toEqual([]);
  });

  it('holds every dated assertion of tests/fixtures/dated-assertions/us-government.json over the built packs', () => {
    const all = new Map([...worldNews.entities, ...pack.entities].map((e) => [e.id, e]));
    const assertions = JSON.parse(readFileSync(join(root, 'tests/fixtures/dated-assertions/us-government.json'), 'utf8')) as {
      entity: string;
      office: string;
      on: string;
      holds: boolean;
    }[];
    expect(assertions.length).toBeGreaterThanOrEqual(60);
    expect(assertions.filter((a) => !a.holds).length).toBeGreaterThanOrEqual(20);
    const wrong = assertions.filter((a) => heldBy(all.get(a.entity), a.office, a.on) !== a.holds);
    expect(wrong).toEqual([]);
  });
});

describe('bare forms of US institutions', () => {
  const index = buildMatchIndex([...worldNews.entities, ...pack.entities]);
  const linked = (text: string, surface: string) =>
    annotate(index, text)
      .filter((m) => m.surface === surface)
      .map((m) => m.entityId);

  it('"Senate", "Republicans" and "the Fed" link in an article about the United States', () => {
    const text =
      'The Senate confirmed the nominee after three Republicans joined Democrats. Trump welcomed it. The Fed held rates.';
    expect(linked(text, 'Senate')).toEqual(['gloss:us-senate']);
    expect(linked(text, 'Republicans')).toEqual(['wd:Q29468']);
    expect(linked(text, 'Democrats')).toEqual(['wd:Q29552']);
    expect(linked(text, 'Fed')).toEqual(['gloss:federal-reserve']);
  });

  it('"Senate" and "Supreme Court" in an article with nothing American are not the US bodies', () => {
    const text =
      'The Senate in Canberra passed the bill, and the Supreme Court of Victoria will hear the appeal. The Senate rose at six.';
    expect(linked(text, 'Senate')).toEqual([]);
    expect(annotate(index, text).some((m) => m.entityId === 'gloss:us-supreme-court')).toBe(false);
  });

  it('"Democratic Party" is South Korea\'s in an article about Korea and the American one in an article about the US', () => {
    const korean =
      "South Korea's main opposition Democratic Party said it would impeach Yoon Suk Yeol. Lee Jae-myung leads the Democratic Party.";
    expect(linked(korean, 'Democratic Party')).toEqual(['gloss:democratic-party-of-korea', 'gloss:democratic-party-of-korea']);
    const american = 'The Democratic Party lost the White House to Trump.';
    expect(linked(american, 'Democratic Party')).toEqual(['wd:Q29552']);
    expect(linked('The Democratic Party of Italy met in Rome.', 'Democratic Party')).toEqual([]);
  });

  it('names the new officeholders in full and by the forms news uses', () => {
    const text = 'Secretary of State Marco Rubio met Pete Hegseth and Chuck Schumer; Christopher Wray had left the FBI.';
    const ids = annotate(index, text).map((m) => m.entityId);
    expect(ids).toEqual(
      expect.arrayContaining(['wd:Q324546', 'gloss:us-pete-hegseth', 'wd:Q380900', 'wd:Q30148517', 'gloss:fbi']),
    );
  });
});

describe('party of members and presidents', () => {
  it("relates each to the party of their latest term, and an independent to none (congress-legislators' party)", () => {
    expect(byId.get('wd:Q380900')?.related).toContain('wd:Q29552'); // Chuck Schumer, Democrat
    expect(byId.get('wd:Q355522')?.related).toContain('wd:Q29468'); // Mitch McConnell, Republican
    expect(byId.get('wd:Q76')?.related).toContain('wd:Q29552'); // Barack Obama
    const sanders = byId.get('wd:Q359442')?.related ?? [];
    expect(sanders.filter((r) => r === 'wd:Q29552' || r === 'wd:Q29468')).toEqual([]);
    const parties = worldNews.entities.filter((e) => e.id === 'wd:Q29552' || e.id === 'wd:Q29468').map((e) => e.name);
    expect(parties.sort()).toEqual(['Democratic Party', 'Republican Party']);
  });
});
