import { describe, expect, it } from 'vitest';
import { shownVersion } from '../../lib/ui/source-version';

describe('the version shown for a source', () => {
  it('is the pack’s version for a pack', () => {
    expect(shownVersion({ kind: 'pack-url', version: '2025.02.03' })).toBe('2025.02.03');
  });

  it('is nothing for the user’s own entities, whose version is the save time', () => {
    expect(shownVersion({ kind: 'personal', version: '1796645257217' })).toBeUndefined();
  });

  it('is nothing when the source has none', () => {
    expect(shownVersion({ kind: 'csv-url', version: '' })).toBeUndefined();
  });
});
