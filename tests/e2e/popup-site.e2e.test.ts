import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../scripts/chromium';
import { startServer, type TestServer } from '../../scripts/demo-server';
import { contentWorld, READ_STATS, type ContentStats } from './support/gloss-chromium';
import { CHROME_BUILD, hasSeed, requireBuild, RESULTS } from './support/paths';

/**
 * The popup's "Run on <site>" switch, in headless Chromium: off, the page loses its marks without a
 * reload and stays unmarked after one while another site keeps its marks; on again, the marks return.
 *
 * A user opens the popup with Gloss's toolbar button, and activeTab then shows the popup that tab's
 * address, which is how it knows the site. Headless Chromium has no toolbar to click (and
 * chrome.action.openPopup() grants no activeTab), so this test loads a copy of the build that may read
 * 127.0.0.1 tabs' addresses: the same effect on tabs.get(), for the test server's pages only.
 */

const OTHER_SITE = 'http://news.example';

let server: TestServer;
let context: BrowserContext;
let extensionId: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  requireBuild(CHROME_BUILD);
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer();
  const dir = await mkdtemp(join(tmpdir(), 'gloss-site-'));
  const build = join(dir, 'extension');
  cpSync(CHROME_BUILD, build, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(build, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(build),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  extensionId = new URL(worker.url()).host;
  // A second site, served from the same files: Playwright answers for it, nothing leaves the machine.
  await context.route(`${OTHER_SITE}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    await route.fulfill({ response: await context.request.fetch(server.url(pathname), { timeout: 10_000 }) });
  });
  cleanup = async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  };
});
afterAll(async () => {
  await cleanup?.();
  await server?.close();
});

const isMarked = (page: Page) => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')));

async function openMarked(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), undefined, {
    timeout: 20_000,
  });
  return page;
}

/** The tab showing `url`, by id, as the extension sees it. */
async function tabIdOf(url: string): Promise<number> {
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const id = await probe.evaluate(async (wanted) => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } })
      .chrome;
    return (await chrome.tabs.query({})).find((t) => t.url === wanted)?.id;
  }, url);
  await probe.close();
  expect(id, `a tab showing ${url}`).toBeDefined();
  return id!;
}

const articles = [
  { name: 'demo article', path: '/demo/article.html', available: true },
  { name: 'seed article', path: '/corpus/seed/article.html', available: hasSeed },
];

describe('popup, Run on this site', () => {
  it.for(articles)('switches Gloss off and on for the site of the $name', async (a, ctx) => {
    if (!a.available) {
      console.warn(`skipped: ${a.name} absent (../shared/corpus/seed/article.html not found)`);
      ctx.skip();
    }
    const here = server.url(a.path);
    const site = new URL(here).hostname;
    const article = await openMarked(here);
    const elsewhere = await openMarked(`${OTHER_SITE}${a.path}`);

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(here)}`);
    const toggle = popup.getByRole('switch', { name: `Run on ${site}` });
    await expect.poll(() => toggle.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    // The popup is about the article's tab: its actors are listed.
    await expect.poll(() => popup.locator('.actors li').count(), { timeout: 10_000 }).toBeGreaterThan(3);

    const clicked = Date.now();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => isMarked(article), { timeout: 5_000 }).toBe(false);
    console.log(`${a.name}: marks gone ${Date.now() - clicked} ms after the click (includes polling)`);
    expect(await isMarked(elsewhere), `${OTHER_SITE} keeps its marks`).toBe(true);
    await expect.poll(() => popup.locator('.on-page').innerText()).toContain(`Gloss is off on ${site}.`);
    const stored = await popup.evaluate(async () => {
      const chrome = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
      ).chrome;
      return (await chrome.storage.local.get('disabledSites')).disabledSites;
    });
    expect(stored).toEqual([site]);
    await popup.screenshot({ path: join(RESULTS, `popup-site-off-${a.name.replace(/ /g, '-')}.png`) });

    // After a reload the content script runs again and must stay idle. The other site, reloaded after
    // it, is the control: once that one is marked, this one has had the time to be.
    const world = await contentWorld(context, article, extensionId);
    await article.reload();
    await expect
      .poll(async () => (await world.evaluate<ContentStats>(READ_STATS))?.startedAt ?? null, { timeout: 20_000 })
      .not.toBeNull();
    await elsewhere.reload();
    await elsewhere.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), undefined, {
      timeout: 20_000,
    });
    expect(await isMarked(article), `${site} after a reload`).toBe(false);
    expect((await world.evaluate<ContentStats>(READ_STATS))?.paintedAt).toBeNull();
    await world.cdp.detach();

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => isMarked(article), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => popup.locator('.actors li').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    expect(await isMarked(elsewhere)).toBe(true);

    await popup.close();
    await article.close();
    await elsewhere.close();
  });
});
