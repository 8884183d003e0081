import { describe, expect, it } from 'vitest';
import type { DatedFact } from '../../lib/pack/types';
import {
  describeRole,
  describeRoleToday,
  formatPartialDate,
  heldOn,
  rolesAsOf,
  withConfirmedRoles,
} from '../../lib/core/roles-as-of';

const chair = (from?: string, to?: string): DatedFact => ({ label: 'Chair of the Example Council', from, to });

describe('heldOn', () => {
  const cases: [string, DatedFact, string, boolean][] = [
    ['year start covers the whole year (first day)', chair('2022'), '2022-01-01', true],
    ['year start covers the whole year (mid-year)', chair('2022'), '2022-06-01', true],
    ['before a year start', chair('2022'), '2021-12-31', false],
    ['year end covers the whole year', chair('2017', '2021'), '2021-12-31', true],
    ['after a year end', chair('2017', '2021'), '2022-01-01', false],
    ['month precision start', chair('2022-12'), '2022-12-01', true],
    ['before a month start', chair('2022-12'), '2022-11-30', false],
    ['month precision end, leap February', chair('2020-01', '2024-02'), '2024-02-29', true],
    ['day precision, first day', chair('2022-12-29'), '2022-12-29', true],
    ['day precision, day before', chair('2022-12-29'), '2022-12-28', false],
    ['day precision end', chair('2020-01-01', '2021-01-20'), '2021-01-21', false],
    ['no start date: start unknown, not excluded', chair(undefined, '2010'), '1995-05-05', true],
    ['no dates at all', chair(), '2000-01-01', true],
    ['malformed start', chair('soon'), '2000-01-01', false],
  ];
  it.each(cases)('%s', (_name, role, day, expected) => {
    expect(heldOn(role, day)).toBe(expected);
  });
});

describe('rolesAsOf', () => {
  const roles: DatedFact[] = [
    { label: 'Governor of Example Province', from: '2009', to: '2021' },
    { label: 'Governor of Example Province', from: '2022' },
    { label: 'Mayor of Example City', from: '2001', to: '2008-06' },
    { label: 'Envoy to the Example Talks', from: '2030' },
  ];
  const G1 = 'Governor of Example Province 2009–2021';
  const G2 = 'Governor of Example Province since 2022';
  const M = 'Mayor of Example City 2001 – June 2008';
  const E = 'Envoy to the Example Talks since 2030';
  const cases: [string, string, string, string[], string[]][] = [
    ['article in the first term', '2015-03-01', '2025-01-01', [G1], [G2]],
    ['last day of a year-precision term', '2021-12-31', '2025-01-01', [G1], [G2]],
    ['article while mayor', '2005-05-05', '2025-01-01', [M], [G2]],
    ['the month after a month-precision end', '2008-07-01', '2025-01-01', [], [G2]],
    ['a future role is not current yet', '2024-01-01', '2029-12-31', [G2], [G2]],
    ['a future role becomes current', '2024-01-01', '2030-02-01', [G2], [G2, E]],
  ];
  it.each(cases)('%s', (_name, date, today, then, now) => {
    const r = rolesAsOf(roles, date, today);
    expect(r.then.map((x) => describeRole(x))).toEqual(then);
    expect(r.now.map((x) => describeRole(x))).toEqual(now);
  });

  it('treats a role ending this year as still current (year precision)', () => {
    expect(rolesAsOf([chair('2020', '2025')], '2021-01-01', '2025-06-01').now).toHaveLength(1);
  });
  it('defaults today to the clock', () => {
    expect(rolesAsOf([chair('2000')], '2001-01-01').now).toHaveLength(1);
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2022', '2022'],
    ['2022-12', 'December 2022'],
    ['2022-12-29', '29 December 2022'],
    ['2022-01-05', '5 January 2022'],
    ['nonsense', 'nonsense'],
  ])('%s → %s', (input, expected) => expect(formatPartialDate(input)).toBe(expected));
});

describe('describeRole', () => {
  const cases: [string, DatedFact, string | undefined, string][] = [
    [
      'open role',
      { label: 'Prime Minister of Exampleland', from: '2022' },
      undefined,
      'Prime Minister of Exampleland since 2022',
    ],
    [
      'closed role',
      { label: 'President of Exampleland', from: '2017', to: '2021' },
      undefined,
      'President of Exampleland 2017–2021',
    ],
    ['day precision kept', chair('2022-12-29'), undefined, 'Chair of the Example Council since 29 December 2022'],
    [
      'spaced dash between written dates',
      chair('2019-05', '2021-06'),
      undefined,
      'Chair of the Example Council May 2019 – June 2021',
    ],
    ['same year', chair('2019', '2019'), undefined, 'Chair of the Example Council in 2019'],
    ['end only', chair(undefined, '2010'), undefined, 'Chair of the Example Council until 2010'],
    ['no dates', chair(), undefined, 'Chair of the Example Council'],
    ['role begun after the article reads "from"', chair('2025'), '2024-06-01', 'Chair of the Example Council from 2025'],
    ['role held at the article date reads "since"', chair('2020'), '2024-06-01', 'Chair of the Example Council since 2020'],
  ];
  it.each(cases)('%s', (_name, role, date, expected) => {
    expect(describeRole(role, date)).toBe(expected);
  });
});

describe('roles past the day they were last confirmed', () => {
  const pm: DatedFact = { label: 'Prime Minister of Exampleland', from: '2021', confirmed: '2025-02-03' };
  const president: DatedFact = { label: 'President of Exampleland', from: '2017-01-20', to: '2021-01-20' };

  it('is current up to its confirmed day, then only "as of" it', () => {
    expect(rolesAsOf([pm], '2024-05-01', '2025-02-03')).toMatchObject({ now: [pm], asOf: [] });
    expect(rolesAsOf([pm], '2024-05-01', '2025-02-04')).toMatchObject({ now: [], asOf: [pm] });
    expect(describeRoleToday(pm, '2025-02-03')).toBe('Prime Minister of Exampleland since 2021');
    expect(describeRoleToday(pm, '2026-12-07')).toBe('Prime Minister of Exampleland since 2021, as of 3 February 2025');
  });

  it('says nothing of "as of" for a role that had ended, or that has no confirmed day', () => {
    expect(describeRoleToday({ ...president, confirmed: '2022-01-01' }, '2026-12-07')).toBe(
      'President of Exampleland 20 January 2017 – 20 January 2021',
    );
    expect(describeRoleToday({ label: 'Chair', from: '2020' }, '2026-12-07')).toBe('Chair since 2020');
  });

  it('fills the pack\u2019s asOf into roles that lack a confirmed day, and keeps the ones given', () => {
    const [a, b] = withConfirmedRoles<{ roles?: DatedFact[] }>(
      [
        {
          roles: [
            { label: 'X', from: '2020' },
            { ...pm, confirmed: '2024-12-01' },
          ],
        },
        { roles: undefined },
      ],
      '2025-02-03',
    );
    expect(a!.roles!.map((r) => r.confirmed)).toEqual(['2025-02-03', '2024-12-01']);
    expect(b!.roles).toBeUndefined();
    expect(withConfirmedRoles<{ roles?: DatedFact[] }>([{ roles: [{ label: 'X' }] }], '2024')[0]!.roles![0]!.confirmed).toBe(
      '2024-01-01',
    );
  });

  it('gives the most recent role before the article when none was held that day', () => {
    const r = rolesAsOf([president, { label: 'Senator', from: '2005', to: '2008' }], '2023-03-01', '2025-01-01');
    expect(r.then).toEqual([]);
    expect(r.before.map((x) => describeRole(x))).toEqual(['President of Exampleland 20 January 2017 – 20 January 2021']);
    expect(rolesAsOf([president], '2019-03-01', '2025-01-01').before).toEqual([]);
    expect(rolesAsOf([president], '2010-03-01', '2025-01-01').before).toEqual([]);
  });
});
