import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Runtime.getHeapUsage of a V8 isolate (Chromium 125+ adds the last two fields). */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  /** ArrayBuffer backing stores: the typed arrays of a stored matcher live here, outside the JS heap. */
  backingStorageSize?: number;
}

/**
 * The DevTools protocol of the extension's service worker. Playwright opens CDP sessions on pages
 * only, so this attaches to the worker from a page's session in the non-flattened mode, where the
 * worker's messages travel wrapped in Target.sendMessageToTarget / receivedMessageFromTarget.
 */
export async function attachToWorker(context: BrowserContext, page: Page, extensionId: string) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('the extension has no running service worker to attach to');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) w?.reject(new Error(reply.error.message));
    else w?.resolve(reply.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
    const id = ++nextId;
    const answer = new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      setTimeout(() => reject(new Error(`${method}: no answer from the worker in 30 s`)), 30_000);
    });
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answer;
  };
  return {
    /** The worker's heap after a full garbage collection: what it keeps, not what it has yet to free. */
    async heapAfterGc(): Promise<HeapUsage> {
      await send('HeapProfiler.collectGarbage');
      return send<HeapUsage>('Runtime.getHeapUsage');
    },
    async detach(): Promise<void> {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Resident JS memory of a worker: the JS heap plus ArrayBuffer backing stores, in MB. */
export const workerMb = (h: HeapUsage) => (h.usedSize + (h.backingStorageSize ?? 0)) / (1024 * 1024);
