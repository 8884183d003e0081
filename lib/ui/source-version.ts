import type { SourceRecord } from '../kb/db';

/**
 * The version a reader is shown for a source, or undefined. The user's own entities carry the time
 * of their last save as a version, only so caches see the change; shown, it reads as a raw number.
 */
export function shownVersion(source: Pick<SourceRecord, 'kind' | 'version'>): string | undefined {
  if (source.kind === 'personal') return undefined;
  return source.version || undefined;
}
