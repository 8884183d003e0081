import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium';
import { afterAll } from 'vitest';
import { CHROME_BUILD, requireBuild } from './paths';

/**
 * Saved news pages reference hundreds of third-party URLs; this machine (and CI) has no network. Every
 * host but the test servers resolves to "not found" at once, instead of waiting on DNS.
 */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  hasTouch?: boolean;
  colorScheme?: 'light' | 'dark';
  /** More command-line switches. */
  args?: string[];
  /**
   * A profile that outlives the browser, so a test can restart it as a user restarts theirs; by
   * default each launch gets a fresh profile, thrown away on close.
   */
  profile?: string;
}

/** The one way tests start Chromium with the built extension: headless, offline, one window size. */
export async function launchChromium(opts: LaunchOptions = {}): Promise<ChromiumSession> {
  requireBuild(CHROME_BUILD);
  const profile = opts.profile ?? (await mkdtemp(join(tmpdir(), 'gloss-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    hasTouch: opts.hasTouch ?? false,
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
    args: [...chromiumArgs(CHROME_BUILD), ...OFFLINE_ARGS, ...(opts.args ?? [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    async close() {
      await context.close();
      if (!opts.profile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The same Chromium without Gloss: the baseline a page's own errors and text are compared with. */
export async function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', ...OFFLINE_ARGS],
  });
}

/** One of Gloss's own pages (popup.html, options.html…), opened in the session. */
export async function extensionPage(session: ChromiumSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}${path.startsWith('/') ? path : `/${path}`}`);
  return page;
}

/**
 * Stops the extension's service worker through CDP, as the browser does when it is idle, and waits
 * until CDP reports it stopped.
 */
export async function stopServiceWorker(session: Pick<ChromiumSession, 'context' | 'extensionId'>, page: Page): Promise<void> {
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

/**
 * The launcher for one test file: every session it starts is closed after the file's tests, even when a
 * test fails half-way.
 */
export function launcherForFile(): (opts?: LaunchOptions) => Promise<ChromiumSession> {
  const open: ChromiumSession[] = [];
  afterAll(async () => {
    for (const s of open) await s.close().catch(() => undefined);
  });
  return async (opts) => {
    const session = await launchChromium(opts);
    open.push(session);
    return session;
  };
}
