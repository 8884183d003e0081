import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWorld, READ_STATS, type ContentStats } from './support/content-world';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { hasSeed, RESULTS } from './support/paths';
import { waitForMarks } from './support/marks';
import { tabEnvelope } from './support/messages';
import { demoServerForFile } from './support/demo-server';

/**
 * The popup's "Run on <site>" switch, in headless Chromium: off, the page loses its marks without a
 * reload and stays unmarked after one while another site keeps its marks; on again, the marks return.
 *
 * The popup here is opened in a tab of its own (headless Chromium has no toolbar button to click), so
 * it has no activeTab grant and the browser hides the article tab's address: it learns the site from
 * Gloss's content script in that tab, as it does when "Explain with Gloss" opens it in a tab.
 */

const OTHER_SITE = 'http://news.example';

let gloss: ChromiumSession;
let context: BrowserContext;
let extensionId: string;

const server = demoServerForFile();
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  gloss = await launchChromium();
  ({ context, extensionId } = gloss);
  // A second site, served from the same files: Playwright answers for it, nothing leaves the machine.
  await context.route(`${OTHER_SITE}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    await route.fulfill({ response: await context.request.fetch(server.url(pathname), { timeout: 10_000 }) });
  });
});
afterAll(async () => {
  await gloss?.close();
});

const isMarked = (page: Page) => page.evaluate(() => CSS.highlights.size > 0);

async function openMarked(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  return page;
}

/**
 * The tab showing `url`, by id. The extension cannot read tab addresses (no "tabs" permission), so each
 * tab's content script is asked (the `pageUrl` tab message).
 */
async function tabIdOf(url: string): Promise<number> {
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const id = await probe.evaluate(
    async ({ wanted, message }) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
          };
        }
      ).chrome;
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = (await chrome.tabs.sendMessage(tab.id, message).catch(() => null)) as {
          res?: { ok: boolean; value?: string };
        } | null;
        if (reply?.res?.value === wanted) return tab.id;
      }
      return undefined;
    },
    { wanted: url, message: tabEnvelope('pageUrl', {}) },
  );
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

    // After a reload the content script runs again and must stay idle: it starts, and never loads the
    // rest of Gloss. The other site, reloaded after it, is the control: once that one is marked, this one
    // has had the time to be.
    const world = await contentWorld(context, article, extensionId);
    await article.reload();
    await expect
      .poll(async () => world.evaluate<number | null>('globalThis.__glossStartedAt ?? null'), { timeout: 20_000 })
      .not.toBeNull();
    await elsewhere.reload();
    await waitForMarks(elsewhere);
    expect(await isMarked(article), `${site} after a reload`).toBe(false);
    expect(await world.evaluate<ContentStats | null>(READ_STATS), 'the session was never loaded').toBeNull();
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
