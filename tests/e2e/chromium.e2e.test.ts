import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, stopServiceWorker, type ChromiumSession } from './support/chromium';
import { cardProbe } from './support/gloss-page';
import { readHighlights, type HighlightedRange } from './support/page-probes';
import { hasSeed, RESULTS } from './support/paths';
import { waitForMarks } from './support/marks';
import { contentWorld } from './support/content-world';
import { sendAs, sendExpression, sendRaw, sendUnchecked, type WireReply } from './support/messages';
import type { MessageType, ReplyOf, RequestOf } from '../../lib/messaging/protocol';
import { demoServerForFile } from './support/demo-server';

let session: ChromiumSession;

const server = demoServerForFile();
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await launchChromium();
});
afterAll(async () => {
  await session?.close();
});

/** Opens a page, records its text before Gloss touches it, and waits for the highlights. */
async function openAnnotated(
  url: string,
): Promise<{ page: Page; textBefore: string; highlights: HighlightedRange[]; errors: string[] }> {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __textBefore: string }).__textBefore = document.body.textContent ?? '';
    });
  });
  await page.goto(url);
  await waitForMarks(page);
  const highlights = await page.evaluate(readHighlights);
  const textBefore = await page.evaluate(() => (window as unknown as { __textBefore: string }).__textBefore);
  return { page, textBefore, highlights, errors };
}

async function hoverText(page: Page, text: string): Promise<void> {
  const target = (await page.evaluate(readHighlights)).find((h) => h.text === text && h.block === 'p');
  expect(target, `a highlight reading "${text}"`).toBeDefined();
  const { x, y, width, height } = target!.rect;
  await page.mouse.move(x + width / 2, y + height / 2, { steps: 3 });
}

const pages = [
  { name: 'demo article', path: '/demo/article.html', available: true },
  { name: 'seed article', path: '/corpus/seed/article.html', available: hasSeed },
];

describe.each(pages)('Chromium on the $name', ({ name, path, available }) => {
  it('marks the actors in the article body and nothing in page furniture, without touching the text', async (ctx) => {
    if (!available) {
      console.warn(`skipped: ${name} absent (../shared/corpus not found)`);
      ctx.skip();
    }
    const { page, textBefore, highlights, errors } = await openAnnotated(server.url(path));
    const texts = highlights.map((h) => h.text);
    for (const actor of ['Netanyahu', 'Hamas', 'Trump']) expect(texts).toContain(actor);
    expect(highlights.filter((h) => h.furniture !== null)).toEqual([]);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
    expect(errors).toEqual([]);

    await hoverText(page, 'Netanyahu');
    const card = cardProbe(session.context, page, session.extensionId);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const cardText = await card.innerText();
    expect(cardText).toContain('Benjamin Netanyahu');
    expect(cardText).toContain('Prime Minister of Israel');
    expect(await card.firstHref()).toMatch(/^https:\/\//);
    await page.screenshot({ path: join(RESULTS, `chromium-card-${name.replace(/ /g, '-')}.png`) });

    await page.mouse.move(5, 5);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(false);
    await page.close();
  });
});

describe('Chromium extension pages', () => {
  it('popup search for "netan" finds Benjamin Netanyahu', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.getByRole('searchbox').fill('netan');
    await expect.poll(() => page.locator('.gloss-name').allInnerTexts(), { timeout: 10_000 }).toContain('Benjamin Netanyahu');
    await page.screenshot({ path: join(RESULTS, 'chromium-popup.png') });
    await page.close();
  });

  it('options page lists the built-in source with its count, version and date', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    const row = page.locator('tr[data-source-id="builtin"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('World news');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Wikidata/);
    await page.screenshot({ path: join(RESULTS, 'chromium-options.png'), fullPage: true });
    await page.close();
  });

  it('answers a malformed message with an error value and keeps serving', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const replies = [
      await sendUnchecked(page, 'annotate', { blocks: 42 }),
      await sendUnchecked(page, 'getEntity', null),
      await sendUnchecked(page, 'search', { query: 7 }),
    ];
    for (const reply of replies) {
      expect(reply).toMatchObject({ res: { ok: false } });
      expect((reply as { res: { error: string } }).res.error).toMatch(/malformed/);
    }
    const good = await sendRaw(page, 'getEntity', { id: 'wd:Q43723' });
    expect(good).toMatchObject({ res: { ok: true, value: { name: 'Benjamin Netanyahu' } } });
    await page.close();
  });

  it('refuses a privileged message sent from the content script, and serves its reads', async () => {
    const page = await session.context.newPage();
    // The content script's isolated world, the very context a hostile page would try to abuse.
    const world = await contentWorld(session.context, page, session.extensionId);
    await page.goto(server.url('/demo/article.html'));
    await waitForMarks(page);
    const send = async <K extends MessageType>(type: K, data: RequestOf<K>) => {
      const reply = await world.evaluate<WireReply<ReplyOf<K>>>(sendExpression(type, data));
      expect(reply, 'a reply from the content script world').toBeDefined();
      return reply!;
    };
    const refused = await send('reimportBuiltin', {});
    expect(refused).toMatchObject({ res: { ok: false, error: expect.stringMatching(/only be sent by Gloss's own pages/) } });
    expect((await send('getEntity', { id: 'wd:Q43723' })).res?.ok).toBe(true);
    await page.close();
  });

  it('keeps the knowledge base when the service worker is stopped, and answers after it', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const importedAt = async () => (await sendAs(page, 'listSources', {})).find((s) => s.id === 'builtin')?.lastSuccess;
    const before = await importedAt();
    expect(before).toBeGreaterThan(0);
    await stopServiceWorker(session, page);
    // Same import time: the woken worker read the stored knowledge base rather than importing again.
    expect(await importedAt()).toBe(before);
    const reply = await sendRaw(page, 'getEntity', { id: 'wd:Q43723' });
    expect(reply).toMatchObject({ res: { ok: true, value: { name: 'Benjamin Netanyahu' } } });
    await page.close();
  });
});
