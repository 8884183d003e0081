import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/chromium';
import { CHROME_BUILD, requireBuild } from './paths';

/**
 * Saved news pages reference hundreds of third-party URLs; this machine (and CI) has no network. Every
 * host but the test server resolves to "not found" at once, instead of waiting on DNS.
 */
const OFFLINE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface GlossChromium {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the built extension, offline, with options the shared launcher does not take. */
export async function launchGlossChromium(
  opts: { hasTouch?: boolean; args?: string[]; colorScheme?: 'light' | 'dark' } = {},
): Promise<GlossChromium> {
  requireBuild(CHROME_BUILD);
  const profile = await mkdtemp(join(tmpdir(), 'gloss-chromium-'));
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
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
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

/**
 * Evaluates an expression in Gloss's content-script world of a page (its isolated world, which the page
 * cannot see). Attach before navigating: the world is announced when the script is injected.
 */
export async function contentWorld(context: BrowserContext, page: Page, extensionId: string) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: { id: number; name: string; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
  cdp.on('Runtime.executionContextsCleared', () => (worlds.length = 0));
  await cdp.send('Runtime.enable');
  return {
    cdp,
    async evaluate<T>(expression: string): Promise<T | undefined> {
      const world = worlds.filter((w) => w.origin.startsWith(`chrome-extension://${extensionId}`) || w.name === 'Gloss').pop();
      if (!world) return undefined;
      const reply = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      return reply.result.value as T;
    },
  };
}

/** What the content script reports about its work on a page: its own type, so the tests follow it. */
export type { GlossStats as ContentStats } from '../../../entrypoints/content/stats';

export const READ_STATS = 'JSON.parse(JSON.stringify(globalThis.__glossStats ?? null))';
