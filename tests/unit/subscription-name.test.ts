import { describe, expect, it } from 'vitest';
import { subscriptionName } from '../../lib/ui/subscription-name';

describe('the name a new subscription is added under', () => {
  it('is the checked pack’s own name when the user typed none, not the file name', () => {
    expect(subscriptionName('pack-url', '  ', { ok: true, name: 'Election 2025' })).toBe('Election 2025');
  });

  it('is what the user typed, first', () => {
    expect(subscriptionName('pack-url', ' Mine ', { ok: true, name: 'Election 2025' })).toBe('Mine');
  });

  it('is left to the address for a CSV file or an unchecked pack', () => {
    expect(subscriptionName('csv-url', '', { ok: true, name: 'terms' })).toBeUndefined();
    expect(subscriptionName('pack-url', '', null)).toBeUndefined();
  });
});
