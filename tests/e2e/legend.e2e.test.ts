import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../lib/pack/types';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { RESULTS } from './support/paths';

/**
 * The key to the marks: the popup and the Display settings show what each underline colour means, drawn
 * in the colours pages get, and the popup names the keys of the keyboard walk. Light and dark screenshots.
 */

let gloss: ChromiumSession;
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  gloss = await launchChromium();
});
afterAll(async () => {
  await gloss?.close();
});

async function extensionPage(path: string, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.emulateMedia({ colorScheme });
  if (path.startsWith('/popup.html')) await page.setViewportSize({ width: 380, height: 700 });
  await page.goto(`chrome-extension://${gloss.extensionId}${path}`);
  return page;
}

/** Each legend entry: the kinds it stands for and the line it is drawn with. */
function legendOf(page: Page) {
  return page.locator('.underline-legend li').evaluateAll((items) =>
    items.map((li) => {
      const sample = li.querySelector('.legend-sample')!;
      const style = getComputedStyle(sample);
      return {
        kinds: (li as HTMLElement).dataset.kinds!.split(' '),
        text: sample.textContent,
        colour: style.textDecorationColor,
        line: style.textDecorationStyle,
      };
    }),
  );
}

describe('the underline legend', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in the popup, with the keyboard shortcut (${scheme})`, async () => {
      const popup = await extensionPage('/popup.html', scheme);
      await expect.poll(async () => (await legendOf(popup)).length, { timeout: 10_000 }).toBeGreaterThan(0);
      const legend = await legendOf(popup);
      // Every kind has an entry; only kinds drawn alike share one; names Gloss lacks are dashed.
      expect(legend.flatMap((e) => e.kinds).sort()).toEqual([...ENTITY_KINDS, 'unknown'].sort());
      expect(new Set(legend.map((e) => `${e.colour} ${e.line}`)).size).toBe(legend.length);
      expect(legend.find((e) => e.kinds.includes('unknown'))).toMatchObject({
        line: 'dashed',
        text: 'Named in the article, not in your knowledge base',
      });
      expect(legend.find((e) => e.kinds.includes('country'))!.kinds).toEqual(['country', 'territory']);
      const help = await popup.locator('.marks-help').innerText();
      expect(help).toContain('Alt+Shift+↓ / Alt+Shift+↑');
      expect(help).toContain('Move from mark to mark on the page');
      await popup.locator('.marks-help').scrollIntoViewIfNeeded();
      await popup.screenshot({ path: join(RESULTS, `popup-legend-${scheme}.png`), fullPage: true });
      await popup.close();
    });
  }

  it('in the Display settings, drawn with the underline the reader chose', async () => {
    const options = await extensionPage('/options.html#display', 'light');
    const display = options.locator('#section-display');
    await expect.poll(async () => (await legendOf(options)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await legendOf(options)).find((e) => e.kinds.includes('person'))!.line).toBe('dotted');
    await display.getByLabel('Solid').check();
    await expect.poll(async () => (await legendOf(options)).find((e) => e.kinds.includes('person'))!.line).toBe('solid');
    await display.getByLabel('Dotted').check();
    await options.locator('.underline-legend').scrollIntoViewIfNeeded();
    await display.screenshot({ path: join(RESULTS, 'options-display-legend-light.png') });
    await options.close();
    const dark = await extensionPage('/options.html#display', 'dark');
    await expect.poll(async () => (await legendOf(dark)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await dark.locator('#section-display').screenshot({ path: join(RESULTS, 'options-display-legend-dark.png') });
    await dark.close();
  });
});
