import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCardBesideLine } from './support/card-placement';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { cardProbe, highlightsIn, worldOf, type Box } from './support/gloss-page';
import { waitForMarks } from './support/marks';
import { RESULTS, ROOT } from './support/paths';
import { startServer, type TestServer } from '../../scripts/demo-server';

/**
 * What the card looks like, light and dark, for the cases issue 16 names: a head of government on an
 * article of his term and on one of his predecessor's, a term, an organisation, an unknown actor with what
 * the article says of him, a pinned card. Each is written to test-results/ for a person to look at; each
 * must leave the mention's line readable and pass axe-core with nothing serious or critical. The card's
 * root is closed, so axe runs on a copy of it (its markup and style sheet) in an open root of a blank page.
 */

let server: TestServer;
let gloss: ChromiumSession;
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer();
  gloss = await launchChromium();
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
  await waitForMarks(page, 30_000);
  return page;
}

const cardOf = (page: Page) => cardProbe(gloss.context, page, gloss.extensionId);

/** Rests the pointer on the first mark with these words; returns the mention's line. */
async function hover(page: Page, text: string): Promise<Box> {
  const w = await worldOf(gloss.context, page, gloss.extensionId);
  const find = async () => (await highlightsIn(w, page)).find((h) => h.text === text && h.kind !== 'focus');
  await expect.poll(async () => (await find()) !== undefined, { timeout: 15_000 }).toBe(true);
  // A mention below the first screen (the United Nations here) is scrolled to first, as a reader would.
  const below = (await find())!.rect.y - 300;
  if (below > 0) await page.evaluate((y) => scrollBy(0, y), below);
  await page.waitForTimeout(200);
  const { rect } = (await find())!;
  await page.mouse.move(rect.x + Math.min(rect.width / 2, 20), rect.y + rect.height / 2, { steps: 2 });
  await expect.poll(() => cardOf(page).isVisible(), { timeout: 5_000 }).toBe(true);
  return rect;
}

interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's findings on a copy of the open card, every impact (the caller keeps what it fails on). */
async function axeOnCard(page: Page, spoil = false): Promise<AxeFinding[]> {
  const w = await worldOf(gloss.context, page, gloss.extensionId);
  const copy = await w.evaluate<string>(`(() => {
    const host = document.querySelector(globalThis.__glossStats.names.card);
    const root = chrome.dom.openOrClosedShadowRoot(host);
    const css = [...root.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
    const card = root.querySelector('.gloss-card');
    return '<style>' + css + '</style>' + card.outerHTML;
  })()`);
  const blank = await gloss.context.newPage();
  await blank.setContent(
    '<!doctype html><html lang="en"><head><title>card</title></head><body><main><div id="host"></div></main></body></html>',
  );
  await blank.evaluate(
    ([html, spoil]) => {
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = html;
      // Where the page had placed it; in the copy it sits at the top left.
      const card = root.querySelector<HTMLElement>('.gloss-card')!;
      card.style.transform = '';
      // The check of the check: a button with no name is a critical finding.
      if (spoil) card.append(document.createElement('button'));
    },
    [copy!, spoil] as const,
  );
  await blank.addScriptTag({ content: AXE });
  const findings = await blank.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    // The card inside the open root: an array of selectors alone would name an iframe, and test nothing.
    const r = await axe.run({ include: [{ fromShadowDom: ['#host', '.gloss-card'] }] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.html.slice(0, 160)),
    }));
  });
  await blank.close();
  return findings;
}

async function expectAxeClean(page: Page, name: string): Promise<void> {
  const findings = await axeOnCard(page);
  const minor = findings.filter((f) => f.impact !== 'serious' && f.impact !== 'critical');
  if (minor.length > 0) console.info(`axe, ${name}: minor or moderate only`, JSON.stringify(minor));
  expect(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')).toEqual([]);
}

const ARTICLE_2025 = '/fixtures/cards/index.html';
const ARTICLE_2022 = '/fixtures/cards/2022.html';

const cases = [
  {
    name: 'head-of-government-own-term',
    path: ARTICLE_2025,
    mark: 'Donald Trump',
    // His role on the article's day is today's: one list, "then and now".
    // Today is past the day the pack was confirmed: today's role says "as of" that day.
    shows: [/Then \((4 February 2025|February 4, 2025)\)/, /President of the United States since/, /Now/, /as of /],
  },
  {
    name: 'head-of-government-predecessor-term',
    path: ARTICLE_2022,
    mark: 'Donald Trump',
    // On an article of Biden's term: the most recent role before it, next to today's.
    shows: [/the most recent before it/, /President of the United States .*2017.*2021/, /Now/, /since .*2025/],
  },
  {
    name: 'opposition-leader-before-his-term',
    path: ARTICLE_2022,
    mark: 'Keir Starmer',
    shows: [/Leader of the Opposition/, /Now/, /Prime Minister of the United Kingdom since/],
  },
  { name: 'term', path: ARTICLE_2025, mark: 'second phase', shows: [/Term/i] },
  { name: 'organisation', path: ARTICLE_2025, mark: 'United Nations', shows: [/Organi[sz]ation/i] },
  { name: 'unknown-actor', path: ARTICLE_2025, mark: 'Omar Haddad', shows: [/Jordanian analyst/, /Add to my entities/] },
];

describe.each(['light', 'dark'] as const)('the card, %s', (scheme) => {
  it.each(cases)(
    '$name: says what it should, beside the line, and axe finds nothing serious',
    async ({ name, path, mark, shows }) => {
      const page = await open(path, scheme);
      const line = await hover(page, mark);
      const text = await cardOf(page).innerText();
      for (const s of shows) expect(text).toMatch(s);
      expect(await cardOf(page).getAttribute('data-theme')).toBe(scheme);
      await page.screenshot({ path: join(RESULTS, `card-look-${name}-${scheme}.png`) });
      await expectCardBesideLine(cardOf(page), line);
      await expectAxeClean(page, `${name} ${scheme}`);
      await page.close();
    },
  );

  it('the axe check fails on a card with a nameless button (so its passing means something)', async () => {
    const page = await open(ARTICLE_2025, scheme);
    await hover(page, 'Benjamin Netanyahu');
    const findings = await axeOnCard(page, true);
    expect(findings.filter((f) => f.impact === 'critical').map((f) => f.id)).toContain('button-name');
    await page.close();
  });

  it('pinned, with More open', async () => {
    const page = await open(ARTICLE_2025, scheme);
    const line = await hover(page, 'Benjamin Netanyahu');
    const card = cardOf(page);
    await card.click('button', 'Pin card');
    await card.click('button', 'More');
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(800);
    expect(await card.getAttribute('data-pinned')).toBe('true');
    expect(await card.innerText()).toContain('Also on this page');
    await page.screenshot({ path: join(RESULTS, `card-look-pinned-${scheme}.png`) });
    await expectCardBesideLine(cardOf(page), line);
    await expectAxeClean(page, `pinned ${scheme}`);
    await page.close();
  });
});
