import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGlossChromium, type GlossChromium } from './support/gloss-chromium';
import { cardProbe, highlightsIn, worldOf } from './support/gloss-page';
import { RESULTS, ROOT } from './support/paths';
import { startServer, type TestServer } from '../../scripts/demo-server';

/**
 * What the card looks like, light and dark, for the cases issue 16 names (a head of government on an
 * article of their term and of their predecessor's, a term, an organisation, an unknown actor with what
 * the article says of them, a pinned card), and axe-core's verdict on each card. The card's root is
 * closed, so axe runs on a copy of it (its markup and its style sheet) in an open root of a blank page.
 */

let server: TestServer;
let gloss: GlossChromium;
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer();
  gloss = await launchGlossChromium();
});
afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

async function open(path: string, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(server.url(path));
  if (scheme === 'dark') await page.evaluate(() => document.body.classList.add('dark'));
  await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 30_000 });
  return page;
}

async function hover(page: Page, text: string): Promise<void> {
  const w = await worldOf(gloss.context, page, gloss.extensionId);
  await expect.poll(async () => (await highlightsIn(w, page)).some((h) => h.text === text), { timeout: 15_000 }).toBe(true);
  const { rect } = (await highlightsIn(w, page)).find((h) => h.text === text)!;
  await page.mouse.move(rect.x + Math.min(rect.width / 2, 20), rect.y + rect.height / 2, { steps: 2 });
  await expect.poll(() => cardProbe(gloss.context, page, gloss.extensionId).isVisible(), { timeout: 5_000 }).toBe(true);
}

/** axe-core's serious and critical violations on a copy of the open card. */
async function axeOnCard(page: Page): Promise<string[]> {
  const w = await worldOf(gloss.context, page, gloss.extensionId);
  const copy = await w.evaluate<{ html: string; theme: string }>(`(() => {
    const host = document.querySelector(globalThis.__glossStats.names.card);
    const root = chrome.dom.openOrClosedShadowRoot(host);
    const css = [...root.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
    const card = root.querySelector('.gloss-card');
    return { html: '<style>' + css + '</style>' + card.outerHTML.replace('transform:', 'x-transform:'), theme: card.dataset.theme };
  })()`);
  const blank = await gloss.context.newPage();
  await blank.setContent(
    '<!doctype html><html lang="en"><head><title>card</title></head><body><main><div id="host"></div></main></body></html>',
  );
  await blank.evaluate((html) => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = html;
  }, copy!.html);
  await blank.addScriptTag({ content: AXE });
  const violations = await blank.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const r = await axe.run({ include: [['#host', '.gloss-card']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length})`);
  });
  await blank.close();
  return violations.filter((v) => /^(serious|critical)/.test(v));
}

const cases = [
  {
    name: 'head-of-government-own-term',
    path: '/fixtures/cards/index.html',
    mark: 'President Donald Trump',
    expect: /Then \(4 February 2025\) and now/,
  },
  {
    name: 'head-of-government-predecessor-term',
    path: '/fixtures/cards/2022.html',
    mark: 'Donald Trump',
    expect: /the most recent before it/,
  },
  { name: 'term', path: '/fixtures/cards/index.html', mark: 'ceasefire', expect: /Term/i },
  { name: 'organisation', path: '/fixtures/cards/index.html', mark: 'United Nations', expect: /Organi[sz]ation/i },
  { name: 'unknown-actor', path: '/fixtures/cards/index.html', mark: 'Omar Haddad', expect: /Jordanian analyst/ },
];

describe.each(['light', 'dark'] as const)('the card, %s', (scheme) => {
  it.each(cases)('$name: shows what it should, axe finds nothing serious', async ({ name, path, mark, expect: shows }) => {
    const page = await open(path, scheme);
    await hover(page, mark);
    const card = cardProbe(gloss.context, page, gloss.extensionId);
    expect(await card.innerText()).toMatch(shows);
    expect(await card.getAttribute('data-theme')).toBe(scheme);
    await page.screenshot({ path: join(RESULTS, `card-look-${name}-${scheme}.png`) });
    expect(await axeOnCard(page)).toEqual([]);
    await page.close();
  });

  it('pinned, with More open', async () => {
    const page = await open('/fixtures/cards/index.html', scheme);
    await hover(page, 'Benjamin Netanyahu');
    const card = cardProbe(gloss.context, page, gloss.extensionId);
    await card.click('button', 'Pin card');
    await card.click('button', 'More');
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(800);
    expect(await card.getAttribute('data-pinned')).toBe('true');
    await page.screenshot({ path: join(RESULTS, `card-look-pinned-${scheme}.png`) });
    expect(await axeOnCard(page)).toEqual([]);
    await page.close();
  });
});
