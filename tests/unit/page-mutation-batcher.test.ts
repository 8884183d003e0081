import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMutations, type ChangeBatch } from '../../lib/page/mutation-batcher';

/**
 * The batcher decides how much of a changing page Gloss looks at again. A browser's MutationObserver is
 * replaced by one the test feeds records to (linkedom's reports wrong targets), and time is faked.
 */

type Callback = (records: MutationRecord[]) => void;
let deliver: Callback = () => undefined;

class FakeObserver {
  constructor(cb: Callback) {
    deliver = cb;
  }
  observe(): void {}
  disconnect(): void {}
}

const el = (name: string, connected = true) => ({ nodeType: 1, localName: name, isConnected: connected }) as unknown as Element;
const text = (parent: Element) => ({ nodeType: 3, parentElement: parent }) as unknown as Text;
const childList = (target: Node, added: Node[] = [], removed: Node[] = []) =>
  ({ type: 'childList', target, addedNodes: added, removedNodes: removed }) as unknown as MutationRecord;

let batches: ChangeBatch[];
let abort: AbortController;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('MutationObserver', FakeObserver);
  batches = [];
  abort = new AbortController();
  watchMutations({} as Node, (b) => batches.push(b), {
    signal: abort.signal,
    ignore: (n) => (n as Element).localName?.startsWith('gloss-') ?? false,
  });
});
afterEach(() => {
  abort.abort();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('watchMutations', () => {
  it('reports an appended entry, not the list it went into (a live blog is not re-walked whole)', () => {
    const list = el('ul');
    const entry = el('li');
    deliver([childList(list, [entry])]);
    vi.advanceTimersByTime(400);
    expect(batches).toEqual([{ touched: [entry], removed: false }]);
  });

  it('reports the parent when it gained text or lost a node', () => {
    const clock = el('time');
    const p = el('p');
    deliver([childList(clock, [text(clock)], [text(clock)]), childList(p, [], [el('b')])]);
    vi.advanceTimersByTime(400);
    expect(batches).toEqual([{ touched: [clock, p], removed: true }]);
  });

  it('ignores its own hosts coming and going', () => {
    deliver([childList(el('body'), [el('gloss-card')]), childList(el('body'), [], [el('gloss-card')])]);
    vi.advanceTimersByTime(2_000);
    expect(batches).toEqual([]);
  });

  it('batches a page that changes every 100 ms: one report per quiet period, at least every 1.5 s', () => {
    const p = el('p');
    for (let i = 0; i < 50; i++) {
      deliver([{ type: 'characterData', target: text(p) } as unknown as MutationRecord]);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(400);
    // 5 s of changes: a report each time the wait passed 1.5 s (at 1.6 s and 3.3 s), one once quiet (5.2 s).
    expect(batches.length).toBe(3);
    for (const b of batches) expect(b.touched).toEqual([p]);
  });
});
