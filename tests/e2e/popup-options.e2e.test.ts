// Longer than 300 lines: popup and options share one Chromium and the built-in import it waits for; split, each file would wait again.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../lib/pack/types';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readHighlights } from './support/page-probes';
import { cardProbe, highlightsIn, highlightTexts, worldOf, type CardProbe } from './support/gloss-page';
import { hasSeed, RESULTS, ROOT } from './support/paths';
import { waitForMarks } from './support/marks';
import { readKb } from './support/kb-store';
import { demoServerForFile } from './support/demo-server';

/**
 * The popup and the options page, driven the way a user drives them, in headless Chromium with the
 * built extension. The tests run in order and share one profile: a note written in one is looked
 * for on a page in the next, and the export at the end carries all of it to a fresh profile.
 */

let session: ChromiumSession;
const ext = (path: string) => `chrome-extension://${session.extensionId}${path}`;

/** A news-like page that names someone no pack knows, for the user's own entity. */
const LOCAL_STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge to reopen</title></head>
<body><main><article><h1>Old bridge to reopen in spring</h1>
<p>Councillor Amara Okonkwo-Baptiste said on Monday that the old bridge would reopen to traffic in the spring, after two years of repairs that ran over budget.</p>
<p>Residents had asked for a footpath on both sides. Okonkwo-Baptiste said the committee would look at it again once the engineers report in March.</p>
<p>The repairs were paid for by the town and a regional fund, and the contractor has promised no further closures this year.</p>
</article></main></body></html>`;

const server = demoServerForFile();
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await launchChromium();
  await session.context.route('**/local/bridge.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: LOCAL_STORY }),
  );
});
afterAll(async () => {
  await session?.close();
});

async function extensionPage(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => console.error(`page error in ${path}:`, e.message));
  // The popup at a popup's size, so its screenshots look like the real thing.
  if (path.startsWith('/popup.html')) await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(ext(path));
  // A tab behind another gets no animation frames, and Playwright's click waits for two of them: keep the page in front.
  await page.bringToFront();
  return page;
}

/** Tab ids as the extension sees them (tab URLs are hidden from it: it has no "tabs" permission). */
async function tabIds(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await chrome.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id]));
  });
}

/** Opens a page and waits for Gloss's highlights; returns the page and its tab id. */
async function openArticle(url: string): Promise<{ page: Page; tabId: number }> {
  const probe = await extensionPage('/popup.html');
  const before = await tabIds(probe);
  const page = await session.context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  const tabId = (await tabIds(probe)).find((id) => !before.includes(id));
  await probe.close();
  expect(tabId, 'the new tab').toBeDefined();
  return { page, tabId: tabId! };
}

async function hoverText(page: Page, text: string): Promise<CardProbe> {
  // A name added a moment ago is marked once the worker's matcher follows the change.
  let target: Awaited<ReturnType<typeof readHighlights>>[number] | undefined;
  await expect
    .poll(async () => (target = (await page.evaluate(readHighlights)).find((h) => h.text === text)), { timeout: 10_000 })
    .toBeDefined();
  await page.mouse.move(5, 5);
  const { x, y, width, height } = target!.rect;
  await page.mouse.move(x + width / 2, y + height / 2, { steps: 3 });
  const card = cardProbe(session.context, page, session.extensionId);
  await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
  return card;
}

/** Screenshots in both colour schemes: test-results/<name>-light.png and -dark.png. */
async function shootBoth(page: Page, name: string, target?: () => Locator): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = join(RESULTS, `${name}-${colorScheme}.png`);
    if (target) await target().screenshot({ path });
    else {
      // From the top: a sticky table of contents is drawn where the page was last scrolled to.
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG A/AA rules on the page as it stands, in light and dark; fails on serious or
 * critical violations. The script is evaluated through CDP: extension pages' CSP forbids injected tags.
 */
async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } })
        .axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
      }));
    });
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave, `${label} (${colorScheme}): ${JSON.stringify(grave, null, 1)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, what: string, matches: (el: Element) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // Playwright sends the predicate's source over CDP: extension pages' CSP forbids eval in the page.
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    if (await focused.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The knowledge base as stored, read with plain IndexedDB from an extension page. */
async function dumpKnowledge(page: Page) {
  type Row = Record<string, unknown>;
  const [entities, sources, notes] = await Promise.all([
    readKb<Row>(page, 'entities'),
    readKb<Row>(page, 'sources'),
    readKb<Row>(page, 'notes'),
  ]);
  const text = (x: unknown) => JSON.stringify(x);
  return {
    entities: entities.map((e) => text([e.id, e.name, e.kind, e.description, e.alternateName, e.sourceIds])).sort(),
    sources: sources.map((s) => text([s.id, s.kind, s.name, s.version, s.entityCount, s.enabled, s.priority])).sort(),
    notes: notes.map((n) => text([n.entityId, n.text])).sort(),
  };
}

describe('popup', () => {
  it('searches as you type: "netan", "Nétanyahou" and "bibi" all find Benjamin Netanyahu', async () => {
    const popup = await extensionPage('/popup.html');
    const box = popup.getByRole('searchbox');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const timings: number[] = [];
    for (const query of ['netan', 'Nétanyahou', 'bibi']) {
      // Best of three keystrokes: one slow sample says more about a busy machine than about search.
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        await box.fill('');
        await box.fill(query);
        await expect
          .poll(() => popup.locator('.results .gloss-name').first().innerText(), { timeout: 10_000 })
          .toBe('Benjamin Netanyahu');
        best = Math.min(best, Number(await popup.locator('#search-status').getAttribute('data-ms')));
      }
      timings.push(best);
    }
    console.log(`popup search, best ms of 3 per query: ${timings.map((t) => t.toFixed(1)).join(', ')}`);
    expect(Math.max(...timings)).toBeLessThan(50);
    await expect.poll(() => popup.getByRole('status').first().innerText()).toMatch(/^1 entity found$/);
    await shootBoth(popup, 'popup-search');
    await expectAccessible(popup, 'popup with results');
    await popup.close();
  });

  it('opens with a search from the address (what "Explain with Gloss" opens where the popup cannot)', async () => {
    const popup = await extensionPage('/popup.html?q=bibi');
    await expect.poll(() => popup.getByRole('searchbox').inputValue()).toBe('bibi');
    await expect.poll(() => popup.locator('.results .gloss-name').first().innerText()).toBe('Benjamin Netanyahu');
    await popup.close();
  });

  const articles = [
    { name: 'demo article', path: '/demo/article.html', available: true },
    { name: 'seed article', path: '/corpus/seed/article.html', available: hasSeed },
  ];
  it.for(articles)('lists the actors of the $name with their counts; a click shows the first mention', async (a, ctx) => {
    if (!a.available) {
      console.warn(`skipped: ${a.name} absent (../shared/corpus/seed/article.html not found)`);
      ctx.skip();
    }
    const { page, tabId } = await openArticle(server.url(a.path));
    const world = await worldOf(session.context, page, session.extensionId);
    const marked = (await highlightsIn(world, page)).filter((h) => (ENTITY_KINDS as readonly string[]).includes(h.kind));
    const popup = await extensionPage(`/popup.html?tab=${tabId}`);
    const rows = popup.locator('.actors li');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const actors = await rows.evaluateAll((lis) =>
      lis.map((li) => ({
        id: (li as HTMLElement).dataset.entityId,
        name: li.querySelector('.actor-name')!.textContent,
        count: Number(li.querySelector('.badge')!.textContent),
      })),
    );
    console.log(`${a.name}: ${actors.map((x) => `${x.name} ×${x.count}`).join(', ')}`);
    // Every marked mention is counted once, under one actor.
    expect(actors.reduce((n, x) => n + x.count, 0)).toBe(marked.length);
    const netanyahu = actors.find((x) => x.name === 'Benjamin Netanyahu');
    expect(netanyahu?.count).toBeGreaterThanOrEqual(2);
    expect(actors.map((x) => x.name)).toEqual(expect.arrayContaining(['Hamas', 'Donald Trump']));
    // Most mentioned first.
    expect(actors.map((x) => x.count)).toEqual([...actors.map((x) => x.count)].sort((x, y) => y - x));

    await popup.locator(`li[data-entity-id="${netanyahu!.id}"] button.actor`).click();
    await expect.poll(async () => (await highlightTexts(world, page, 'flash')).length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => popup.locator('.actor-card .gloss-name').innerText()).toBe('Benjamin Netanyahu');
    if (a.name === 'demo article') {
      await shootBoth(popup, 'popup-on-this-page');
      await expectAccessible(popup, 'popup, on this page');
    }
    await popup.close();
    await page.close();
  });

  it('pauses everywhere: open pages lose their marks at once, and the options page follows live', async () => {
    const { page: article } = await openArticle(server.url('/demo/article.html'));
    const marked = () => article.evaluate(() => CSS.highlights.size > 0);
    const popup = await extensionPage('/popup.html');
    const options = await extensionPage('/options.html#sites');
    const pause = popup.getByRole('switch', { name: 'Pause everywhere' });
    const optionsPause = options.getByRole('switch', { name: 'Pause everywhere' });
    await expect.poll(() => optionsPause.getAttribute('aria-checked')).toBe('false');
    await pause.click();
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => optionsPause.getAttribute('aria-checked')).toBe('true');
    await expect.poll(marked, { timeout: 5_000 }).toBe(false);
    await optionsPause.click();
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('false');
    await expect.poll(marked, { timeout: 10_000 }).toBe(true);
    await popup.close();
    await options.close();
    await article.close();
  });
});

describe('options', () => {
  it('turns Gloss off on a site and back on', async () => {
    const options = await extensionPage('/options.html#sites');
    const sites = options.locator('#section-sites');
    await sites.getByLabel('Turn Gloss off on a site').fill('https://www.Example.com/news');
    await sites.getByRole('button', { name: 'Turn off' }).click();
    const list = options.getByRole('list', { name: 'Sites where Gloss is off' });
    await expect.poll(() => list.innerText()).toContain('www.example.com');
    await sites.getByLabel('Turn Gloss off on a site').fill('not a site/');
    await sites.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => options.locator('#section-sites [role=status]').innerText()).toMatch(/not a site name/);
    await shootBoth(options, 'options-sites', () => options.locator('#section-sites'));
    await options.getByRole('button', { name: 'Turn on Gloss for www.example.com' }).click();
    await expect.poll(() => options.getByText('Gloss runs on every site.').isVisible()).toBe(true);
    await options.close();
  });

  it('changes the display settings', async () => {
    const options = await extensionPage('/options.html#display');
    const display = options.locator('#section-display');
    await display.getByLabel('Only the first in each paragraph').check();
    await display.getByLabel('Wavy', { exact: true }).check();
    await display.getByLabel('Term', { exact: true }).uncheck();
    const stored = await options.evaluate(async () => {
      const chrome = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
      ).chrome;
      return (await chrome.storage.local.get('display')).display;
    });
    expect(stored).toMatchObject({ mode: 'first-per-paragraph', underline: 'wavy' });
    expect((stored as { kinds: string[] }).kinds).not.toContain('term');
    await shootBoth(options, 'options-display', () => options.locator('#section-display'));
    // Back to the defaults, for the pages the next tests open.
    await display.getByLabel('Every mention').check();
    await display.getByLabel('Dotted', { exact: true }).check();
    await display.getByLabel('Term', { exact: true }).check();
    await options.close();
  });

  it('writes a note that the hover card shows on a page, and every open options page lists it', async () => {
    const other = await extensionPage('/options.html#notes');
    const options = await extensionPage('/options.html#notes');
    await options.getByLabel('Write a note on…').fill('netanyahu');
    await options.getByRole('option', { name: /Benjamin Netanyahu/ }).click();
    await options.getByLabel('Your note (shown on the card)').fill('Ask about the judicial reform.');
    await options.getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(() => options.locator('#section-notes > [role=status]').innerText())
      .toMatch(/Note on Benjamin Netanyahu saved/);
    // The other page was open all along: Dexie's liveQuery brought the note in.
    await expect.poll(() => other.locator('[data-note-for="wd:Q43723"]').innerText()).toContain('Ask about the judicial reform.');
    await other.close();
    await options.close();

    const { page } = await openArticle(server.url('/demo/article.html'));
    const card = await hoverText(page, 'Netanyahu');
    await expect.poll(() => card.innerText()).toContain('Ask about the judicial reform.');
    await page.screenshot({ path: join(RESULTS, 'card-with-note.png') });
    await page.close();
  });

  it('adds an entity of your own that then gets a card on pages and is found by search', async () => {
    const options = await extensionPage('/options.html#add?name=Amara%20Okonkwo-Baptiste');
    const form = options.locator('#personal-form');
    const name = form.locator('#pe-name');
    await expect.poll(() => name.inputValue()).toBe('Amara Okonkwo-Baptiste');
    // What the context menu's "Add to Gloss" opens: the name is filled in and has focus.
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel('Kind', { exact: true }).selectOption('person');
    await form.getByLabel('Other names, one per line').fill('Okonkwo-Baptiste');
    await form.getByLabel('What it is (the card shows this)').fill('Town councillor who chairs the bridge committee.');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('#personal-form [data-saved]').innerText()).toMatch(/Amara Okonkwo-Baptiste saved/);
    await expect.poll(() => options.getByRole('list', { name: 'Your entities' }).innerText()).toContain('Amara Okonkwo-Baptiste');
    await shootBoth(options, 'options-notes', () => options.locator('#section-notes'));
    await expectAccessible(options, 'options with notes and entities');
    await options.close();

    const { page } = await openArticle(server.url('/local/bridge.html'));
    const card = await hoverText(page, 'Amara Okonkwo-Baptiste');
    await expect.poll(() => card.innerText()).toContain('Town councillor who chairs the bridge committee.');
    await page.close();

    const popup = await extensionPage('/popup.html?q=okonkwo');
    await expect.poll(() => popup.locator('.results .gloss-name').first().innerText()).toBe('Amara Okonkwo-Baptiste');
    await popup.close();
  });

  it('can be used with the keyboard alone: to a section, a note written and saved, the pause switch', async () => {
    const options = await extensionPage('/options.html');
    await tabTo(options, 'the "Sites" link', (el) => el.textContent === 'Sites' && el.tagName === 'A');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('section-sites');
    await tabTo(options, 'the pause switch', (el) => el.getAttribute('role') === 'switch');
    await options.keyboard.press('Space');
    await expect.poll(() => options.getByRole('switch', { name: 'Pause everywhere' }).getAttribute('aria-checked')).toBe('true');
    await options.keyboard.press('Space');
    await expect.poll(() => options.getByRole('switch', { name: 'Pause everywhere' }).getAttribute('aria-checked')).toBe('false');

    await tabTo(options, 'the note picker', (el) => el.id === 'note-picker');
    await options.keyboard.type('hamas');
    const suggestions = options.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    await expect.poll(() => suggestions.first().innerText()).toMatch(/^Hamas/);
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await options.keyboard.type('Which wing signed the truce?');
    await tabTo(options, 'Save note', (el) => el.textContent === 'Save note');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('#section-notes > [role=status]').innerText()).toMatch(/Note on Hamas saved/);
    await options.close();
  });

  it('shows counts, storage and every source’s licence; the page passes axe in both schemes', async () => {
    const options = await extensionPage('/options.html#data');
    await expect.poll(() => options.locator('[data-total-entities]').innerText()).toMatch(/\d/);
    const total = Number((await options.locator('[data-total-entities]').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);
    await expect.poll(() => options.locator('[data-storage]').innerText()).toMatch(/takes [\d.]+ (KB|MB)/);
    await expect.poll(() => options.locator('[data-about-source="builtin"]').innerText()).toMatch(/CC BY-SA 4\.0/);
    await shootBoth(options, 'options-data', () => options.locator('#section-data'));
    await shootBoth(options, 'options-about', () => options.locator('#section-about'));
    await shootBoth(options, 'options-sources', () => options.locator('#section-sources'));
    await shootBoth(options, 'options-full');
    await expectAccessible(options, 'options page');
    await options.close();
  });

  it('exports everything, and a fresh profile that imports it has the same knowledge base and notes', async () => {
    const options = await extensionPage('/options.html#data');
    const before = await dumpKnowledge(options);
    expect(before.notes.length).toBeGreaterThanOrEqual(2);
    expect(before.entities.some((e) => e.includes('Amara Okonkwo-Baptiste'))).toBe(true);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export everything' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'gloss-export-')), 'backup.json');
    await (await download).saveAs(file);
    await options.close();

    const fresh = await launchChromium();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/options.html#data`);
      await expect.poll(() => page.locator('[data-total-entities]').innerText(), { timeout: 15_000 }).toMatch(/\d/);
      expect((await dumpKnowledge(page)).notes).toEqual([]);
      await page.getByLabel('Choose a Gloss backup file').setInputFiles(file);
      await expect.poll(() => page.locator('.confirm-box').innerText()).toMatch(/Replace what Gloss has now/);
      await page.getByRole('button', { name: 'Replace everything' }).click();
      await expect
        .poll(() => page.locator('#section-data > [role=status]').innerText(), { timeout: 30_000 })
        .toMatch(/^Imported/);
      const after = await dumpKnowledge(page);
      expect(after.sources).toEqual(before.sources);
      expect(after.notes).toEqual(before.notes);
      expect(after.entities).toEqual(before.entities);
      // Views follow the import without a reload.
      await expect.poll(() => page.locator('[data-note-for="wd:Q43723"]').innerText()).toContain('judicial reform');
      await page.close();
    } finally {
      await fresh.close();
    }
  });
});
