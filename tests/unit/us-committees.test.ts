import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { buildMatchIndex } from '../../lib/core/match-index';
import type { Pack } from '../../lib/pack/types';
import { committeeEntity, shortForm, type CommitteeRecord } from '../../scripts/pack/us-committees';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packOf = (short: string) => JSON.parse(readFileSync(join(root, 'assets/packs', `${short}.json`), 'utf8')) as Pack;
const rec = (type: CommitteeRecord['type'], name: string): CommitteeRecord => ({ type, name, thomas_id: 'XX' });

describe('committees of Congress', () => {
  it('writes the short form news uses', () => {
    expect(shortForm(rec('house', 'House Committee on the Judiciary'))).toBe('House Judiciary Committee');
    expect(shortForm(rec('senate', 'Senate Select Committee on Intelligence'))).toBe('Senate Intelligence Committee');
    expect(shortForm(rec('house', 'House Permanent Select Committee on Intelligence'))).toBe('House Intelligence Committee');
    expect(shortForm(rec('house', 'House Committee on House Administration'))).toBe('House Administration Committee');
    expect(shortForm(rec('joint', 'Joint Economic Committee'))).toBeNull();
  });

  it('describes a committee by its chamber and its own jurisdiction sentence, with its site as source', () => {
    const e = committeeEntity({
      ...rec('senate', 'Senate Special Committee on Aging'),
      url: 'https://www.aging.senate.gov/',
      jurisdiction: 'The committee studies aging. It also holds hearings.',
    });
    expect(e.description).toBe('Special committee of the United States Senate. The committee studies aging.');
    expect(e.sources[0]).toBe('https://www.aging.senate.gov/');
    expect(e.id).toBe('gloss:us-committee-xx');
  });

  it('marks the committees in an American article and not in a Philippine one', () => {
    const entities = [...packOf('world-news').entities, ...packOf('us-government').entities];
    const index = buildMatchIndex(entities);
    const us =
      'Rubio appeared before the Senate Foreign Relations Committee; the House Ways and Means Committee met in Washington.';
    const ids = annotate(index, us).map((m) => m.entityId);
    expect(ids).toEqual(expect.arrayContaining(['gloss:us-committee-ssfr', 'gloss:us-committee-hswm']));
    const ph = 'In Manila, the Senate Foreign Relations Committee of the Philippines heard the envoy.';
    expect(annotate(index, ph).some((m) => m.entityId === 'gloss:us-committee-ssfr')).toBe(false);
  });
});
