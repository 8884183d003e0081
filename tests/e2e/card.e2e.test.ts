// Longer than 300 lines: five describes share one Chromium with touch and the built-in import it waits for; split, each file would start its own.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTextOf, launchFirefox } from './support/firefox';
import { extensionPage, launchChromium, type ChromiumSession } from './support/chromium';
import { placeHighlights, readHighlights } from './support/page-probes';
import { cardProbe, highlightLabels, highlightsIn, highlightTexts, worldOf } from './support/gloss-page';
import { build } from 'vite';
import { hasSeed, RESULTS, ROOT } from './support/paths';
import { demoServerForFile } from './support/demo-server';
import { ENTITY_KINDS } from '../../lib/pack/types';
import { waitForMarks } from './support/marks';
import { sendAs } from './support/messages';
import type { MessageType, ReplyOf, RequestOf } from '../../lib/messaging/protocol';

/**
 * The hover card and the page behaviours around it, in headless Chromium with touch enabled: timing like
 * Wikipedia's previews, the keyboard and touch paths, placement, dark mode, what the card says, single-page
 * navigation, a page that clears the highlights, and switching Gloss off for a site.
 */

const server = demoServerForFile();
let gloss: ChromiumSession;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  gloss = await launchChromium({ hasTouch: true });
});
afterAll(async () => {
  await gloss?.close();
});

const FIXTURE = '/fixtures/spa/index.html';

async function open(path = FIXTURE): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(server.url(path));
  await waitForMarks(page, 30_000);
  return page;
}

const world = (page: Page) => worldOf(gloss.context, page, gloss.extensionId);
const marksOf = async (page: Page) => highlightsIn(await world(page), page);

async function markOf(page: Page, text: string) {
  const mark = (await marksOf(page)).find((h) => h.text === text);
  expect(mark, `a mark on "${text}"`).toBeDefined();
  return mark!;
}

async function pointAt(page: Page, text: string): Promise<{ x: number; y: number }> {
  const { rect } = await markOf(page, text);
  return { x: rect.x + Math.min(rect.width / 2, 20), y: rect.y + rect.height / 2 };
}

const cardOf = (page: Page) => cardProbe(gloss.context, page, gloss.extensionId);
const cardShown = (page: Page) => cardOf(page).isVisible();

/** Sends a message as one of Gloss's own pages would (notes are written by the options page, never the card). */
async function asExtensionPage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ReplyOf<K>> {
  const page = await extensionPage(gloss, '/popup.html');
  const reply = await sendAs(page, type, data);
  await page.close();
  return reply;
}

async function setStorage(values: Record<string, unknown>): Promise<void> {
  const page = await gloss.context.newPage();
  await page.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  await page.evaluate(
    (v) =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set(
        v,
      ),
    values,
  );
  await page.close();
}

describe('the hover card', () => {
  it('opens after the delay, stays while the pointer is on it, closes after leaving', async () => {
    const page = await open();
    const target = await pointAt(page, 'Benjamin Netanyahu');
    // Times taken in the page (pointer arrival, card shown), so a slow test machine cannot blur the delay.
    // The card element is made hidden at the prefetch; an observer on it notes when `hidden` goes.
    // Watched from the content script's world: the card's root is closed to the page.
    const w = await world(page);
    await w.evaluate(`(() => {
      const w = globalThis;
      w.shownAt = null;
      addEventListener('pointermove', (e) => { if (e.isTrusted) w.arrivedAt = performance.now(); });
      const watch = () => {
        const host = document.querySelector(globalThis.__glossStats.names.card);
        const card = host && chrome.dom.openOrClosedShadowRoot(host)?.querySelector('.gloss-card');
        if (!card) return void requestAnimationFrame(watch);
        // Already shown when first seen: it was shown no later than now.
        if (!card.hidden) return void (w.shownAt = performance.now());
        new MutationObserver(() => (w.shownAt ??= card.hidden ? null : performance.now())).observe(card, {
          attributes: true,
          attributeFilter: ['hidden'],
        });
      };
      requestAnimationFrame(watch);
    })()`);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000, interval: 25 }).toBe(true);
    const delay = await w.evaluate<number | null>(
      'globalThis.shownAt === null ? null : globalThis.shownAt - globalThis.arrivedAt',
    );
    expect(delay, 'the card was seen being shown').not.toBeNull();
    expect(delay, 'shown after the 500 ms delay, not before').toBeGreaterThanOrEqual(450);

    // Through the gap between mention and card, onto the card: it stays.
    const box = (await cardOf(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10, { steps: 4 });
    await page.waitForTimeout(700);
    expect(await cardShown(page), 'still open with the pointer on the card').toBe(true);

    await page.mouse.move(5, 5, { steps: 2 });
    const left = Date.now();
    await page.waitForTimeout(150);
    expect(await cardShown(page), 'forgives a brief exit').toBe(true);
    await expect.poll(() => cardShown(page), { timeout: 3_000, interval: 25 }).toBe(false);
    expect(Date.now() - left).toBeGreaterThanOrEqual(250);
    await page.close();
  });

  it('says who it is: roles then and now, sources with dates, related actors, the note', async () => {
    await asExtensionPage('setNote', { entityId: 'wd:Q43723', text: 'Met him at the 2019 press conference.' });
    const page = await open();
    const target = await pointAt(page, 'Benjamin Netanyahu');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    // Compact first; "More" opens the related actors.
    await cardOf(page).click('button', 'More');
    await expect.poll(() => cardOf(page).innerText(), { timeout: 3_000 }).toContain('Also on this page');
    const text = await cardOf(page).innerText();
    expect(text).toContain('Benjamin Netanyahu');
    expect(text).toMatch(/Then \((4 February 2025|February 4, 2025)\)/);
    expect(text).toMatch(/Prime Minister of Israel since (29 December 2022|December 29, 2022)/);
    expect(text).toMatch(/as of (\d{1,2} )?[A-Z][a-z]+ (\d{1,2}, )?\d{4}/);
    expect(text).toContain('Also on this page');
    expect(text).toContain('Met him at the 2019 press conference.');
    for (const href of await cardOf(page).hrefs()) {
      expect(href).toMatch(/^https?:\/\//);
    }
    expect(await cardOf(page).getAttribute('role')).toBe('dialog');
    await page.screenshot({ path: join(RESULTS, 'card-light.png') });
    await page.close();
  });

  it('offers the other readings of a wrong match and hides it on this page', async () => {
    const page = await open();
    const target = await pointAt(page, 'Hamas');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    await cardOf(page).click('button', 'More');
    await cardOf(page).click('button', 'Wrong match?');
    await expect.poll(async () => (await cardOf(page).innerText()).includes('Don’t mark “Hamas”'), { timeout: 3_000 }).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'card-wrong-match.png') });
    await cardOf(page).click('button', 'Don’t mark “Hamas” on this page');
    await expect.poll(async () => (await marksOf(page)).some((h) => h.text === 'Hamas'), { timeout: 3_000 }).toBe(false);
    expect((await marksOf(page)).some((h) => h.text === 'Benjamin Netanyahu')).toBe(true);
    await page.close();
  });

  it('tells what the article says of an actor Gloss does not know, with a search link', async () => {
    const page = await open();
    await expect.poll(async () => (await marksOf(page)).some((h) => h.kind === 'unknown'), { timeout: 10_000 }).toBe(true);
    const unknown = (await marksOf(page)).find((h) => h.kind === 'unknown')!;
    await page.mouse.move(unknown.rect.x + 5, unknown.rect.y + unknown.rect.height / 2, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    const text = await cardOf(page).innerText();
    expect(text).toContain('Not in your knowledge base');
    expect(text).toContain('The article says');
    expect(await cardOf(page).href('Search Wikipedia')).toMatch(/^https:\/\/en\.wikipedia\.org\/w\/index\.php\?search=/);
    await page.screenshot({ path: join(RESULTS, 'card-unknown-actor.png') });
    await page.close();
  });

  it('walks the mentions from the keyboard, opens the card with Enter and closes it with Escape', async () => {
    const page = await open();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    const focused = () => world(page).then((w) => highlightTexts(w, page, 'focus'));
    await expect.poll(focused, { timeout: 3_000 }).toEqual(['Gaza']);
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(focused, { timeout: 3_000 }).toEqual(['truce']);
    await expect.poll(() => cardOf(page).liveText(), { timeout: 3_000 }).toMatch(/truce \(ceasefire\), Term\. 2 of \d+/);
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(focused, { timeout: 3_000 }).toEqual(['Gaza']);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    expect(await cardOf(page).focusedClass()).toBe('gloss-card');
    await page.screenshot({ path: join(RESULTS, 'card-keyboard.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(focused, { timeout: 3_000 }).toEqual([]);
    await page.close();
  });

  it('opens on a tap and closes on a tap elsewhere', async () => {
    const page = await open();
    // The hover delay set to its longest: a card shown well before it was opened by the tap itself.
    await setStorage({ display: { kinds: ENTITY_KINDS, mode: 'every', cardDelayMs: 3_000, underline: 'dotted' } });
    try {
      const target = await pointAt(page, 'Benjamin Netanyahu');
      await page.touchscreen.tap(target.x, target.y);
      await expect.poll(() => cardShown(page), { timeout: 2_000, interval: 25 }).toBe(true);
      await page.touchscreen.tap(600, 880);
      await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(false);
    } finally {
      await setStorage({ display: { kinds: ENTITY_KINDS, mode: 'every', cardDelayMs: 500, underline: 'dotted' } });
    }
    await page.close();
  });

  it('flips above a mention near the bottom of the viewport and stays on screen', async () => {
    const page = await open();
    await page.evaluate(() => {
      const low = document.getElementById('low')!;
      window.scrollBy(0, low.getBoundingClientRect().top - (innerHeight - 40));
    });
    const target = await pointAt(page, 'Hezbollah');
    expect(target.y).toBeGreaterThan(800);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    await expect.poll(() => cardOf(page).getAttribute('data-placement'), { timeout: 2_000 }).toMatch(/^top/);
    const box = (await cardOf(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(target.y);
    await page.screenshot({ path: join(RESULTS, 'card-flipped.png') });
    await page.close();
  });

  it('follows a dark colour scheme', async () => {
    const page = await gloss.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url(FIXTURE));
    await page.evaluate(() => document.body.classList.add('dark'));
    await waitForMarks(page, 30_000);
    const target = await pointAt(page, 'Benjamin Netanyahu');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    expect(await cardOf(page).getAttribute('data-theme')).toBe('dark');
    expect(await cardOf(page).backgroundColor()).toBe('rgb(32, 33, 34)');
    await page.screenshot({ path: join(RESULTS, 'card-dark.png') });
    await page.close();
  });
});

describe('a page that changes', () => {
  it('annotates the new page after single-page navigation and appended content', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { fixture: { navigate(): void } }).fixture.navigate());
    await expect
      .poll(async () => (await marksOf(page)).map((h) => h.text), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(['Hezbollah', 'Lebanon', 'Qatar']));
    expect((await marksOf(page)).some((h) => h.text === 'Benjamin Netanyahu')).toBe(false);
    await page.evaluate(() => (window as unknown as { fixture: { append(): void } }).fixture.append());
    await expect
      .poll(async () => (await marksOf(page)).map((h) => h.text), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(['Egypt', 'Hamas']));
    expect(
      (
        await page.evaluate(placeHighlights, ['#story', await highlightLabels(await world(page))] as [
          string,
          Record<string, string>,
        ])
      ).filter((h) => !h.inBody || h.furniture),
    ).toEqual([]);
    await page.close();
  });

  it('puts the highlights back when a page script clears them', async () => {
    const page = await open();
    // Unknown actors come last, in idle time: count once they are there.
    await expect.poll(async () => (await marksOf(page)).some((h) => h.kind === 'unknown'), { timeout: 10_000 }).toBe(true);
    const before = (await marksOf(page)).length;
    await page.evaluate(() => (window as unknown as { fixture: { clearHighlights(): void } }).fixture.clearHighlights());
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect.poll(async () => (await marksOf(page)).length, { timeout: 3_000 }).toBe(before);
    await page.close();
  });

  it('turns off at once for a site switched off, and comes back when switched on', async () => {
    const page = await open();
    await setStorage({ disabledSites: ['127.0.0.1'] });
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 3_000 }).toBe(0);
    await setStorage({ disabledSites: [] });
    await expect.poll(async () => (await marksOf(page)).length, { timeout: 5_000 }).toBeGreaterThan(5);
    await setStorage({ paused: true });
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 3_000 }).toBe(0);
    await setStorage({ paused: false });
    await page.close();
  });
});

describe('when the content script’s context ends', () => {
  it('takes its marks, card and watchers away when Gloss itself goes (reloaded), and never on a page’s word', async () => {
    const page = await open();
    const target = await pointAt(page, 'Hamas');
    await page.mouse.move(target.x, target.y, { steps: 2 });
    await expect.poll(() => cardShown(page), { timeout: 3_000 }).toBe(true);
    const marked = (await marksOf(page)).length;
    // What WXT's context of a newer copy used to announce, with the extension id a page could learn: ignored.
    const started = `${gloss.extensionId}:content:wxt:content-script-started`;
    await page.evaluate((name) => {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'newer' } }));
      window.postMessage({ type: name, contentScriptName: 'content', messageId: 'newer' }, '*');
    }, started);
    await page.waitForTimeout(1_000);
    expect((await marksOf(page)).length).toBe(marked);

    // The extension reloaded (as on an update): this copy is orphaned and notices within seconds.
    const [worker] = gloss.context.serviceWorkers();
    await worker!
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-')).length)).toBe(
      0,
    );
    // Nothing is marked again: the mutation watcher went with the rest.
    await page.evaluate(() =>
      document
        .querySelector('article')!
        .append(Object.assign(document.createElement('p'), { textContent: 'Hamas and Qatar met again.' })),
    );
    await page.waitForTimeout(2_000);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });
});

describe('without the Highlight API', () => {
  it('draws underlines in an overlay under the right words, leaves the text alone, and hit-tests', async () => {
    // The fallback painter bundled for the page's own world: the content script picks it where
    // CSS.highlights is missing, which no browser here can be made to lack.
    const bundle = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: join(ROOT, 'tests/e2e/support/overlay-entry.ts'), formats: ['iife'], name: 'GlossOverlay' },
      },
    });
    const code = (Array.isArray(bundle) ? bundle[0]! : (bundle as { output: { code?: string }[] })).output[0]!.code!;
    const page = await gloss.context.newPage();
    await page.goto(server.url(FIXTURE));
    // The overlay's root is closed. Bundled into the page's own world here (unlike the content script's
    // isolated world, which a page cannot reach), the test keeps the root as it is attached.
    await page.evaluate(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        (window as unknown as { overlayRoot: ShadowRoot }).overlayRoot = root;
        return root;
      };
    });
    await page.addScriptTag({ content: code });
    const textBefore = await page.evaluate(() => document.body.textContent);
    const result = await page.evaluate(() => {
      const g = (window as unknown as { GlossOverlay: { markWords(words: string[]): { hit: string | null } } }).GlossOverlay;
      return g.markWords(['Hamas', 'Qatar', 'Hezbollah']);
    });
    const markCount = () =>
      page.evaluate(() => (window as unknown as { overlayRoot: ShadowRoot }).overlayRoot.querySelectorAll('.mark').length);
    await expect.poll(markCount, { timeout: 3_000 }).toBe(3);
    // The overlay lays its marks out again on reflow: read the word under each mark until layout settles.
    // A mark below the fold is scrolled to first: caret hit-testing only sees the viewport.
    const wordUnder = async (i: number) => {
      const box = await page.evaluate((n) => {
        const mark = (window as unknown as { overlayRoot: ShadowRoot }).overlayRoot.querySelectorAll<HTMLElement>('.mark')[n];
        if (!mark) return null;
        mark.scrollIntoView({ block: 'center' });
        const r = mark.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }, i);
      if (!box) return '';
      return page.evaluate(
        ([x, y]) => {
          const pos = document.caretPositionFromPoint(x!, y!);
          const text = pos?.offsetNode.textContent ?? '';
          return pos ? text.slice(Math.max(0, pos.offset - 10), pos.offset + 10) : '';
        },
        [box.x + box.width / 2, box.y - 8],
      );
    };
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => wordUnder(i), { timeout: 3_000 }).toMatch(/Hamas|Qatar|Hezbollah/);
    }
    expect(result.hit).toBe('Hamas');
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
    await page.screenshot({ path: join(RESULTS, 'overlay-fallback.png') });
    await page.close();
  });
});

describe('the same journey in Firefox', () => {
  it('marks the seed article, opens the card on hover and from the keyboard, and survives a cleared registry', async (ctx) => {
    if (!hasSeed) {
      console.warn('skipped: seed article absent (../shared/corpus not found)');
      ctx.skip();
    }
    const firefox = await launchFirefox();
    try {
      const page = await firefox.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(server.url('/corpus/seed/article.html'));
      await waitForMarks(page, 30_000);
      const marks = await page.evaluate(readHighlights);
      expect(marks.map((h) => h.text)).toEqual(expect.arrayContaining(['Benjamin Netanyahu', 'Hamas', 'Gaza']));
      expect(marks.filter((h) => h.furniture !== null)).toEqual([]);

      const cardText = () => cardTextOf(page);
      // Highlight names are random per page and unreadable here: the keyboard walk's focus is the highlight
      // that was not there before it.
      const painted = new Set(await page.evaluate(() => [...CSS.highlights.keys()]));
      const target = marks.find((h) => h.text === 'Benjamin Netanyahu')!;
      await page.mouse.move(target.rect.x + 10, target.rect.y + target.rect.height / 2, { steps: 3 });
      await expect.poll(cardText, { timeout: 5_000 }).toContain('Benjamin Netanyahu');
      expect(await cardText()).toMatch(/Then \((3 February 2025|February 3, 2025)\)/);
      await page.screenshot({ path: join(RESULTS, 'firefox-card-journey.png') as `${string}.png` });
      await page.mouse.move(5, 5, { steps: 2 });
      await expect.poll(cardText, { timeout: 5_000 }).toBe('');

      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      const focused = () =>
        page.evaluate(
          (before) =>
            [...CSS.highlights]
              .filter(([name]) => !before.includes(name))
              .flatMap(([, h]) => [...h].map((r) => (r as Range).toString())),
          [...painted],
        );
      await expect.poll(focused, { timeout: 3_000 }).toHaveLength(1);
      await page.keyboard.press('Enter');
      await expect.poll(cardText, { timeout: 5_000 }).not.toBe('');
      await page.keyboard.press('Escape');
      await expect.poll(cardText, { timeout: 5_000 }).toBe('');

      await page.keyboard.press('Escape');
      await expect.poll(focused, { timeout: 3_000 }).toEqual([]);
      const before = (await page.evaluate(readHighlights)).length;
      await page.evaluate(() => CSS.highlights.clear());
      await expect.poll(async () => (await page.evaluate(readHighlights)).length, { timeout: 5_000 }).toBe(before);
      await page.close();
    } finally {
      await firefox.close();
    }
  });
});
