import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/**
 * Waits until Gloss has marked something on the page (a highlight registered), in either driver:
 * Playwright for Chromium, Puppeteer for Firefox. What was marked is read with gloss-page.ts.
 */
export async function waitForMarks(page: PlaywrightPage | PuppeteerPage, timeout = 20_000): Promise<void> {
  const marked = () => CSS.highlights.size > 0;
  if ('context' in page) await page.waitForFunction(marked, undefined, { timeout });
  else await page.waitForFunction(marked, { timeout, polling: 100 });
}
