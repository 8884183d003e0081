import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium';
import { CHROME_BUILD, requireBuild } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Headless Chromium with the built extension loaded, in a fresh profile. */
export async function launchChromium(): Promise<ChromiumSession> {
  requireBuild(CHROME_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(CHROME_BUILD),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker through CDP, as the browser does when it is idle, and waits
 * until CDP reports it stopped.
 */
export async function stopServiceWorker(session: ChromiumSession, page: import('playwright-core').Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const statuses: string[] = [];
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) continue;
      statuses.push(v.runningStatus);
      if (v.runningStatus === 'stopped') resolveStopped();
    }
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([
    stopped,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`worker not reported stopped; saw ${statuses.join(', ')}`)), 10_000),
    ),
  ]);
  await cdp.detach();
}
