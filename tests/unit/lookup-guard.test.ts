import { describe, expect, it } from 'vitest';
import { LookupGuard } from '../../lib/sync/lookup-guard';

describe('LookupGuard', () => {
  it('reuses an answer until it is too old', () => {
    let t = 0;
    const guard = new LookupGuard<string>(() => t, 10, 1_000);
    guard.remember('a', 'answer');
    t = 999;
    expect(guard.cached('a')).toBe('answer');
    t = 1_001;
    expect(guard.cached('a')).toBeUndefined();
  });

  it('lets a few requests a minute through, then waits for the minute to pass', () => {
    let t = 0;
    const guard = new LookupGuard<string>(() => t, 3);
    expect([guard.admit(), guard.admit(), guard.admit(), guard.admit()]).toEqual([true, true, true, false]);
    t = 59_999;
    expect(guard.admit()).toBe(false);
    t = 60_000;
    expect(guard.admit()).toBe(true);
  });

  it('forgets the oldest answers beyond its size', () => {
    const guard = new LookupGuard<number>(() => 0, 10, 60_000, 2);
    guard.remember('a', 1);
    guard.remember('b', 2);
    guard.remember('a', 3);
    guard.remember('c', 4);
    expect([guard.cached('a'), guard.cached('b'), guard.cached('c')]).toEqual([3, undefined, 4]);
  });
});
