import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../lib/kb/db';
import { freshnessMs, retryAfterMs } from '../../lib/sync/cache-headers';
import { describeStatus } from '../../lib/sync/describe';
import { dueSources, nextDueAfterFailure, nextDueAfterSuccess, nextWake } from '../../lib/sync/schedule';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-02-03T12:00:00Z');

describe('freshnessMs', () => {
  it.each([
    [{ cacheControl: 'max-age=3600' }, HOUR],
    [{ cacheControl: 'public, max-age="86400"' }, 24 * HOUR],
    [{ cacheControl: 'max-age=0' }, 0],
    [{ cacheControl: 'no-cache, max-age=3600' }, 0],
    [{ cacheControl: 'no-store' }, 0],
    [{ cacheControl: 'max-age=soon' }, undefined],
    // max-age wins over Expires.
    [{ cacheControl: 'max-age=60', expires: 'Tue, 04 Feb 2025 12:00:00 GMT' }, 60_000],
    // Expires counts from the server's Date, not the local clock.
    [{ expires: 'Tue, 04 Feb 2025 12:00:00 GMT', date: 'Tue, 04 Feb 2025 06:00:00 GMT' }, 6 * HOUR],
    [{ expires: 'Tue, 04 Feb 2025 12:00:00 GMT' }, 24 * HOUR],
    [{ expires: '0' }, 0],
    [{ expires: 'Sun, 02 Feb 2025 12:00:00 GMT' }, 0],
    [{}, undefined],
  ])('%j → %s ms', (headers, expected) => {
    expect(freshnessMs(headers, NOW)).toBe(expected);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Mon, 03 Feb 2025 14:00:00 GMT', NOW)).toBe(2 * HOUR);
    expect(retryAfterMs('later', NOW)).toBeUndefined();
  });
});

describe('scheduling', () => {
  const s = (over: Partial<SourceRecord>): SourceRecord => ({
    id: 'x',
    kind: 'pack-url',
    name: 'x',
    enabled: true,
    priority: 1,
    entityCount: 0,
    ...over,
  });

  it.each([
    ['the interval when the server says nothing', {}, undefined, 24],
    ['the interval when the server says less', {}, 5 * 60_000, 24],
    ['the server when it says longer', {}, 72 * HOUR, 72],
    ['at most 30 days of server freshness', {}, 365 * 24 * HOUR, 720],
    ['never less than an hour', { intervalHours: 0.01 }, 0, 1],
    ['the user interval', { intervalHours: 6 }, undefined, 6],
    ['a week for Wikidata by default', { kind: 'wikidata' as const }, undefined, 168],
  ])('after a success, waits for %s', (_name, over, fresh, hours) => {
    expect((nextDueAfterSuccess(s(over), NOW, fresh) - NOW) / HOUR).toBe(hours);
  });

  it('backs off 1, 2, 4, 8, 12, 12 h; a longer Retry-After wins up to 12 h', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => (nextDueAfterFailure(n, NOW) - NOW) / HOUR)).toEqual([1, 2, 4, 8, 12, 12]);
    expect((nextDueAfterFailure(1, NOW, 3 * HOUR) - NOW) / HOUR).toBe(3);
    expect((nextDueAfterFailure(1, NOW, 99 * HOUR) - NOW) / HOUR).toBe(12);
  });

  it('picks enabled network sources that are due, stalest first', () => {
    const sources = [
      s({ id: 'fresh', lastSuccess: NOW - HOUR, nextDue: NOW - 1 }),
      s({ id: 'never', nextDue: 0 }),
      s({ id: 'old', lastSuccess: NOW - 48 * HOUR, nextDue: NOW - 1 }),
      s({ id: 'checked', lastSuccess: NOW - 72 * HOUR, lastChecked: NOW - 2 * HOUR, nextDue: NOW }),
      s({ id: 'later', nextDue: NOW + HOUR }),
      s({ id: 'off', enabled: false, nextDue: 0 }),
      s({ id: 'builtin', kind: 'builtin' }),
    ];
    expect(dueSources(sources, NOW).map((x) => x.id)).toEqual(['never', 'old', 'checked', 'fresh']);
    expect(nextWake(sources)).toBe(0);
    expect(nextWake([s({ nextDue: NOW + HOUR }), s({ nextDue: NOW + 2 * HOUR })])).toBe(NOW + HOUR);
    expect(nextWake([s({ id: 'builtin', kind: 'builtin' }), s({ enabled: false })])).toBeNull();
  });
});

describe('status in words', () => {
  const base: SourceRecord = { id: 'x', kind: 'pack-url', name: 'x', enabled: true, priority: 1, entityCount: 3 };
  it.each([
    [{ syncing: { startedAt: NOW, phase: 'download' as const, received: 0 } }, 'Syncing: contacting the server…', 'busy'],
    [
      { syncing: { startedAt: NOW, phase: 'download' as const, received: 1_572_864, total: 3_145_728 } },
      'Syncing: 1.5 MB of 3.0 MB downloaded…',
      'busy',
    ],
    [{ enabled: false }, 'Off: its entities are not used. Turn it on to use them again.', 'off'],
    [
      {
        status: { code: 'updated' as const, version: '2', added: 1, changed: 0, removed: 0, entities: 3 },
        lastSuccess: NOW - 5 * 60_000,
        nextDue: NOW + 24 * HOUR,
      },
      'Updated to version 2: 1 added, 0 changed, 0 removed (3 entities). Last checked 5 min ago. Next check in 24 h.',
      'ok',
    ],
    [
      {
        status: {
          code: 'failed' as const,
          failure: { code: 'http' as const, host: 'x.org', status: 500, statusText: 'Internal Server Error' },
          kept: true,
        },
        nextDue: NOW + 2 * HOUR,
      },
      'x.org had a server error (500 Internal Server Error); Gloss will try again later. Gloss keeps what it had from this source. Next try in 2 h.',
      'error',
    ],
    [
      { kind: 'builtin' as const, lastSuccess: NOW - 3 * 86_400_000 },
      'Ships with Gloss; updated with it. Imported 3 days ago.',
      'ok',
    ],
    [{ kind: 'personal' as const, lastSuccess: NOW }, 'Kept in this browser. Imported just now.', 'ok'],
    [
      { lastError: 'Offline.', lastResult: 'Offline.', nextDue: NOW + 59 * 60_000 + 45_000 },
      'Offline. Next try in 1 h.',
      'error',
    ],
  ])('%j', (over, text, tone) => {
    expect(describeStatus({ ...base, ...over }, NOW)).toEqual({ text, tone });
  });
});
