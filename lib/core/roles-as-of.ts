/**
 * Which roles an actor held on a given day (the article's date) and which they hold now, from the pack's
 * dated facts. Dates carry their own precision: "2022", "2022-12" or "2022-12-29".
 *
 * Precision rule: a partial date covers its whole period. A role "from: 2022" counts as held on every day
 * of 2022, and a role "to: 2021" as held on every day of 2021. Near a change of office this can report two
 * holders at once (both the outgoing and the incoming president in January); we prefer showing both to
 * silently picking the wrong one, and describeRole prints the dates so the reader sees why.
 */
import type { DatedFact } from '../pack/types';

const PARTIAL_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The first day a partial date can mean ("2022" → "2022-01-01"). */
function firstDay(date: string): string | null {
  const m = PARTIAL_RE.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The last day a partial date can mean ("2022" → "2022-12-31", "2024-02" → "2024-02-29"). */
function lastDay(date: string): string | null {
  const m = PARTIAL_RE.exec(date);
  if (!m) return null;
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  const month = m[2] ? +m[2] : 12;
  const days = new Date(Date.UTC(+m[1]!, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

/**
 * Whether the role covers `day` (YYYY-MM-DD). A missing `from` means the start is unknown, not that the
 * role never started, so it does not rule the role out; likewise a missing `to` means "still held".
 */
export function heldOn(role: DatedFact, day: string): boolean {
  const start = role.from ? firstDay(role.from) : null;
  const end = role.to ? lastDay(role.to) : null;
  if (role.from && start === null) return false;
  if (role.to && end === null) return false;
  return (start === null || start <= day) && (end === null || day <= end);
}

function isoToday(): string {
  // The reader's local calendar day: "now" is about the reader's present, unlike article dates.
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a card can say about an actor's roles on the article's day and today. */
export interface RolesAsOf {
  /** Roles held on the article's day. */
  then: DatedFact[];
  /**
   * When no role was held on the article's day: the most recent ones that had ended before it ("President
   * 2017–2021" on a 2023 article). Empty otherwise.
   */
  before: DatedFact[];
  /** Roles held today, as far as the data was confirmed on or after today. */
  now: DatedFact[];
  /**
   * Roles the data gives as held today, but only confirmed up to an earlier day (`confirmed`): never shown as
   * current, but as held "as of" that day.
   */
  asOf: DatedFact[];
}

/** The day a role was last confirmed if `today` is past it, so that it must not be shown as current. */
function unconfirmedSince(role: DatedFact, today: string): string | null {
  return role.confirmed && role.confirmed < today ? role.confirmed : null;
}

/**
 * Splits an actor's roles by the article's day and today. `today` is a parameter so that tests do not depend
 * on the clock. A role whose `confirmed` day is before today goes to `asOf`, not `now`: the data says
 * nothing about today.
 */
export function rolesAsOf(roles: readonly DatedFact[], date: string, today: string = isoToday()): RolesAsOf {
  const then = roles.filter((r) => heldOn(r, date));
  const current = roles.filter((r) => heldOn(r, today));
  return {
    then,
    before: then.length > 0 ? [] : latestEndedBefore(roles, date),
    now: current.filter((r) => unconfirmedSince(r, today) === null),
    asOf: current.filter((r) => unconfirmedSince(r, today) !== null),
  };
}

/** The roles that ended last before `day` (all of them if several ended in the same period). */
function latestEndedBefore(roles: readonly DatedFact[], day: string): DatedFact[] {
  let latest = '';
  let out: DatedFact[] = [];
  for (const r of roles) {
    const end = r.to ? lastDay(r.to) : null;
    if (end === null || end >= day) continue;
    if (end > latest) {
      latest = end;
      out = [r];
    } else if (end === latest) out.push(r);
  }
  return out;
}

/**
 * The roles of a pack's entities with `confirmed` filled in from the pack's `asOf` where the author left it
 * out (the pack format's default), so that every surface that shows a role knows how far it was confirmed.
 */
export function withConfirmedRoles<E extends { roles?: DatedFact[] }>(entities: readonly E[], asOf: string): E[] {
  // A pack "as of 2024" confirms no more than its first day.
  const day = firstDay(asOf);
  if (day === null) return [...entities];
  return entities.map((e) =>
    e.roles?.some((r) => r.confirmed === undefined)
      ? { ...e, roles: e.roles.map((r) => (r.confirmed === undefined ? { ...r, confirmed: day } : r)) }
      : e,
  );
}

/** A date split at the precision it was recorded with: a year, a month of a year, or a day. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/**
 * The words a role line is written in. The core stays free of the browser: the card passes the reader's
 * (lib/ui/role-wording.ts, from `_locales` and Intl); pack generators and tests use English.
 */
export interface RoleWording {
  date(date: PartialDate): string;
  /** "President of Exampleland 2017–2021". */
  span(label: string, from: string, to: string): string;
  /** Began and ended within one recorded period: "Chair in 2019". */
  within(label: string, when: string): string;
  /** Held on the article's day (or today): "Prime Minister since 2022". */
  since(label: string, from: string): string;
  /** Began after the article's day: "Chair from 2025", not "since", which would say it was held. */
  startingFrom(label: string, from: string): string;
  until(label: string, to: string): string;
  /** A role line past the day its data was last confirmed: "…, as of 3 February 2025". */
  asOf(line: string, when: string): string;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ENGLISH_ROLE_WORDING: RoleWording = {
  date: ({ year, month, day }) => {
    const name = month === undefined ? undefined : MONTH_NAMES[month - 1];
    if (!name) return String(year);
    return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
  },
  // Spaced en dash between dates that contain spaces, as style guides do ("May 2019 – June 2021").
  span: (label, from, to) => `${label} ${from}${from.includes(' ') || to.includes(' ') ? ' – ' : '–'}${to}`,
  within: (label, when) => `${label} in ${when}`,
  since: (label, from) => `${label} since ${from}`,
  startingFrom: (label, from) => `${label} from ${from}`,
  until: (label, to) => `${label} until ${to}`,
  asOf: (line, when) => `${line}, as of ${when}`,
};

/** The parts of a recorded date ("2022-12" → year 2022, month 12), or null when it is no date. */
function partsOf(date: string): PartialDate | null {
  const m = PARTIAL_RE.exec(date);
  if (!m) return null;
  const month = m[2] ? +m[2] : undefined;
  if (month === undefined || month < 1 || month > 12) return { year: +m[1]! };
  return m[3] ? { year: +m[1]!, month, day: +m[3] } : { year: +m[1]!, month };
}

/** A date written at the precision it was recorded with: "2022", "December 2022", "29 December 2022". */
export function formatPartialDate(date: string, words: RoleWording = ENGLISH_ROLE_WORDING): string {
  const parts = partsOf(date);
  return parts ? words.date(parts) : date;
}

/**
 * One line for a role: "Prime Minister of Israel since 2022", "President of the United States 2017–2021".
 * Dates keep their recorded precision (no invented month or day). With `date` (the article's day), a role
 * that began after that day reads "from 2025" rather than "since", which would suggest it was already held.
 */
export function describeRole(role: DatedFact, date?: string, words: RoleWording = ENGLISH_ROLE_WORDING): string {
  const from = role.from ? formatPartialDate(role.from, words) : undefined;
  const to = role.to ? formatPartialDate(role.to, words) : undefined;
  if (from && to) return from === to ? words.within(role.label, from) : words.span(role.label, from, to);
  if (from) {
    const started = firstDay(role.from!);
    const later = date !== undefined && started !== null && started > date;
    return later ? words.startingFrom(role.label, from) : words.since(role.label, from);
  }
  if (to) return words.until(role.label, to);
  return role.label;
}

/**
 * describeRole for a role as of today: a role the data gives as held today but confirmed only up to an
 * earlier day says so ("Prime Minister of Lebanon since 2021, as of 3 February 2025").
 */
export function describeRoleToday(
  role: DatedFact,
  today: string = isoToday(),
  date?: string,
  words: RoleWording = ENGLISH_ROLE_WORDING,
): string {
  const line = describeRole(role, date, words);
  const confirmed = heldOn(role, today) ? unconfirmedSince(role, today) : null;
  return confirmed ? words.asOf(line, formatPartialDate(confirmed, words)) : line;
}
