import { describe, expect, it } from 'vitest';
import type { MatchIndex } from '../../lib/core/match-index';
import type { KbChange } from '../../lib/kb/apply-pack';
import { MatcherKeeper, type MatcherDeps } from '../../lib/kb/matcher-keeper';

/** A stand-in matcher: the keeper only hands it around, so its generation is all a test needs to see. */
const matcherNo = (n: number) => ({ generation: n }) as unknown as MatchIndex;
const generationOf = (m: MatchIndex) => (m as unknown as { generation: number }).generation;

/** Loads that the test finishes by hand, in any order, to stage the races. */
function harness(patchable = false) {
  const loads: { resolve(m: MatchIndex): void; reject(e: unknown): void }[] = [];
  const errors: unknown[] = [];
  let dropped = 0;
  const deps: MatcherDeps = {
    load: () => new Promise<MatchIndex>((resolve, reject) => loads.push({ resolve, reject })),
    patch: async () => patchable,
    dropStored: async () => void dropped++,
    onError: (e) => errors.push(e),
  };
  return { keeper: new MatcherKeeper(deps), loads, errors, dropped: () => dropped };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const change = (over: Partial<KbChange> = {}): KbChange => ({ changed: ['x'], deleted: [], ...over }) as KbChange;

describe('the matcher keeper', () => {
  it('shares one build between lookups that arrive before it is done', async () => {
    const { keeper, loads } = harness();
    const a = keeper.get();
    const b = keeper.get();
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(matcherNo(1));
    expect([generationOf(await a), generationOf(await b)]).toEqual([1, 1]);
    expect(generationOf(await keeper.get())).toBe(1);
    expect(loads).toHaveLength(1);
  });

  it('builds again when a write lands during a build, and serves the newer matcher after', async () => {
    const { keeper, loads } = harness();
    const first = keeper.get();
    const followed = keeper.changed(change());
    await settle();
    // The write started a second build: the first may have read the entities from before it.
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(matcherNo(2));
    loads[0]!.resolve(matcherNo(1));
    await followed;
    expect(generationOf(await first)).toBe(1);
    expect(generationOf(await keeper.get())).toBe(2);
  });

  it('keeps serving the previous matcher while a write rebuilds it', async () => {
    const { keeper, loads } = harness(false);
    const ready = keeper.get();
    loads[0]!.resolve(matcherNo(1));
    await ready;
    const followed = keeper.changed(change({ deleted: ['gone'] }));
    await settle();
    expect(loads).toHaveLength(2);
    expect(generationOf(await keeper.get())).toBe(1);
    loads[1]!.resolve(matcherNo(2));
    await followed;
    expect(generationOf(await keeper.get())).toBe(2);
  });

  it('patches in place when it can, without building', async () => {
    const { keeper, loads } = harness(true);
    const ready = keeper.get();
    loads[0]!.resolve(matcherNo(1));
    await ready;
    await keeper.changed(change());
    expect(loads).toHaveLength(1);
  });

  it('drops the stored matcher on a new source order, and rebuilds', async () => {
    const { keeper, loads, dropped } = harness(true);
    const ready = keeper.get();
    loads[0]!.resolve(matcherNo(1));
    await ready;
    const followed = keeper.changed(change({ reranked: true }));
    await settle();
    expect(dropped()).toBe(1);
    loads[1]!.resolve(matcherNo(2));
    await followed;
    expect(generationOf(await keeper.get())).toBe(2);
  });

  it('never makes current a build that was overtaken by invalidate', async () => {
    const { keeper, loads } = harness();
    const stale = keeper.get();
    keeper.invalidate();
    const fresh = keeper.get();
    expect(loads).toHaveLength(2);
    loads[0]!.resolve(matcherNo(1));
    await stale;
    loads[1]!.resolve(matcherNo(2));
    expect(generationOf(await fresh)).toBe(2);
    expect(generationOf(await keeper.get())).toBe(2);
  });

  it('does not let a failed build poison later lookups', async () => {
    const { keeper, loads } = harness();
    const failed = keeper.get();
    loads[0]!.reject(new Error('damaged row'));
    await expect(failed).rejects.toThrow('damaged row');
    const retry = keeper.get();
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(matcherNo(2));
    expect(generationOf(await retry)).toBe(2);
  });

  it('follows writes in the order they were written, and a failing one does not stop the next', async () => {
    const order: string[] = [];
    let patches = 0;
    const keeper = new MatcherKeeper({
      load: async () => matcherNo(1),
      patch: async (_index, c) => {
        order.push(c.changed[0]!);
        if (patches++ === 0) throw new Error('patch failed');
        return true;
      },
      dropStored: async () => undefined,
      onError: (e) => order.push(`error: ${(e as Error).message}`),
    });
    await keeper.get();
    void keeper.changed(change({ changed: ['a'] }));
    await keeper.changed(change({ changed: ['b'] }));
    expect(order).toEqual(['a', 'error: patch failed', 'b']);
  });
});
