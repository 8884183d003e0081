import type { PartialDate, RoleWording } from '@/lib/core/roles-as-of';
import { t } from './i18n';
import { uiLocale } from './plural';

/** One formatter per precision and interface language: building one is slow next to using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      ...(precision !== 'year' && { month: 'long' }),
      ...(precision === 'day' && { day: 'numeric' }),
      // Recorded dates are calendar days, not instants: read in UTC they never shift by a day.
      timeZone: 'UTC',
    };
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** A recorded date in the interface language, at its own precision: no month or day is invented. */
function formatRecordedDate({ year, month, day }: PartialDate, locale = uiLocale()): string {
  const precision = month === undefined ? 'year' : day === undefined ? 'month' : 'day';
  return formatter(locale, precision).format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
}

/** The card's role lines in the reader's interface language: dates by Intl, words from `_locales`. */
export function roleWording(): RoleWording {
  const locale = uiLocale();
  return {
    date: (d) => formatRecordedDate(d, locale),
    span: (label, from, to) =>
      // A spaced dash between dates written with spaces ("May 2019 – June 2021"), a closed one between years.
      from.includes(' ') || to.includes(' ')
        ? t('role_spanSpaced', '$1 $2 – $3', [label, from, to])
        : t('role_span', '$1 $2–$3', [label, from, to]),
    within: (label, when) => t('role_within', '$1 in $2', [label, when]),
    since: (label, from) => t('role_since', '$1 since $2', [label, from]),
    startingFrom: (label, from) => t('role_from', '$1 from $2', [label, from]),
    until: (label, to) => t('role_until', '$1 until $2', [label, to]),
    asOf: (line, when) => t('role_asOf', '$1, as of $2', [line, when]),
  };
}
