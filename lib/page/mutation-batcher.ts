/**
 * Collects what changed in the page and reports it in batches: a page that streams in a live blog or
 * re-renders on every keystroke costs Gloss one cheap callback per mutation batch and one re-scan per
 * quiet period, never one per mutation.
 */
export interface ChangeBatch {
  /** Elements whose children or text changed, and elements added. */
  touched: Element[];
  /** Whether anything was removed (mentions may have lost their text). */
  removed: boolean;
}

export interface WatchOptions {
  signal: AbortSignal;
  /** Quiet time before a batch is reported. */
  delayMs?: number;
  /** A page that never stops changing still gets a batch this often. */
  maxWaitMs?: number;
  /** Nodes whose changes are not the page's (Gloss's own hosts). */
  ignore?: (node: Node) => boolean;
}

export function watchMutations(target: Node, onBatch: (batch: ChangeBatch) => void, opts: WatchOptions): void {
  const delay = opts.delayMs ?? 300;
  const maxWait = opts.maxWaitMs ?? 1_500;
  let touched = new Set<Element>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;

  const flush = () => {
    timer = undefined;
    firstAt = 0;
    const batch = { touched: [...touched].filter((el) => el.isConnected), removed };
    touched = new Set();
    removed = false;
    if (!opts.signal.aborted && (batch.touched.length > 0 || batch.removed)) onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (opts.ignore?.(r.target)) continue;
      if (r.type === 'characterData') {
        if (r.target.parentElement) touched.add(r.target.parentElement);
        continue;
      }
      let removedSome = false;
      for (const n of r.removedNodes) if (!opts.ignore?.(n)) removedSome = true;
      if (removedSome) removed = true;
      let addedText = false;
      for (const n of r.addedNodes) {
        if (opts.ignore?.(n)) continue;
        if (n.nodeType === 1) touched.add(n as Element);
        else if (n.nodeType === 3) addedText = true;
      }
      // The parent changed too only if it gained text or lost something. An element added whole is news on
      // its own: touching its parent as well would re-walk a live blog's whole list for every new entry.
      if ((addedText || removedSome) && r.target.nodeType === 1) touched.add(r.target as Element);
    }
    if (touched.size === 0 && !removed) return;
    const now = performance.now();
    if (!firstAt) firstAt = now;
    clearTimeout(timer);
    timer = setTimeout(flush, now - firstAt > maxWait ? 0 : delay);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  opts.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
