/**
 * How long a server says its response stays fresh (RFC 9111 §4.2.1): `Cache-Control: max-age` wins
 * over `Expires`, which counts from the server's `Date`. `no-cache`, `no-store` or `max-age=0` mean
 * "check every time", i.e. no freshness of its own. Undefined when the server says nothing usable.
 */
export function freshnessMs(
  headers: { cacheControl?: string | null; expires?: string | null; date?: string | null },
  now: number,
): number | undefined {
  const directives = parseCacheControl(headers.cacheControl ?? '');
  if (directives.has('no-store') || directives.has('no-cache')) return 0;
  const maxAge = directives.get('max-age');
  if (maxAge !== undefined) {
    const seconds = Number(maxAge);
    if (/^\d+$/.test(maxAge) && Number.isFinite(seconds)) return seconds * 1000;
  }
  if (headers.expires) {
    const expires = Date.parse(headers.expires);
    // An invalid Expires ("0", "-1") means already expired, as RFC 9111 says.
    if (Number.isNaN(expires)) return 0;
    const date = headers.date ? Date.parse(headers.date) : NaN;
    return Math.max(0, expires - (Number.isNaN(date) ? now : date));
  }
  return undefined;
}

function parseCacheControl(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of value.split(',')) {
    const [rawName, ...rest] = part.split('=');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    out.set(
      name,
      rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return out;
}

/** `Retry-After` as milliseconds from now: either seconds or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
