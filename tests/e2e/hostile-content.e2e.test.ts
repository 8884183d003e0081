import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncTestServer } from '../unit/support/sync-server';
import { stopServiceWorker, type ChromiumSession, launchChromium } from './support/chromium';
import { cardProbe } from './support/gloss-page';
import { readHighlights } from './support/page-probes';
import { RESULTS } from './support/paths';
import { sendAs } from './support/messages';

/**
 * Script payloads in every text field an entity or a note can hold reach the card, the popup and the
 * options page as text, and none of them runs. Validation refuses markup in packs, so the entity is
 * written straight into the knowledge base, as a damaged database or a validator bug would leave it:
 * the rendering must be safe on its own. Notes take any text (they are the reader's, or come from a
 * backup made elsewhere), so the note goes through the ordinary message.
 *
 * Every payload, if it ran, would set `data-pwned` on its document's root element.
 */

const ran = (what: string) => `document.documentElement.dataset.pwned='${what}'`;
const PAYLOADS = {
  img: `<img src=x onerror="${ran('img')}">`,
  script: `<script>${ran('script')}</script>`,
  svg: `<svg onload="${ran('svg')}"><circle r="1"/></svg>`,
  iframe: `<iframe srcdoc="<script>parent.${ran('iframe')}</script>"></iframe>`,
  link: `javascript:${ran('link')}`,
};
const NAME = 'Hostile Testname';

const HOSTILE_ENTITY = {
  id: 'e2e:hostile',
  kind: 'person',
  name: `${NAME} ${PAYLOADS.img}`,
  description: `Described as ${PAYLOADS.script} and ${PAYLOADS.svg}`,
  alternateName: [{ text: NAME }],
  roles: [{ label: `Chief ${PAYLOADS.iframe}`, from: '2020' }],
  sources: [PAYLOADS.link, 'data:text/html,<script>alert(1)</script>', 'https://example.org/fine'],
  links: { wikipedia: PAYLOADS.link },
  image: `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${ran('image')}"/>`,
  searchKeys: ['hostile testname', 'hostile', 'testname'],
  sourceIds: ['builtin'],
};
const NOTE = `My note ${PAYLOADS.img} ${PAYLOADS.script} ${PAYLOADS.link}`;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body>
<main><article><h1>Talks</h1>
<p>Israeli Prime Minister Benjamin Netanyahu met ${NAME} in Washington on Tuesday to talk about the ceasefire.</p>
<p>${NAME} said little afterwards, and Benjamin Netanyahu left for the airport.</p>
</article></main></body></html>`;

let gloss: ChromiumSession;
let site: SyncTestServer;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  site = await startSyncServer();
  site.on('/article.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE));
  gloss = await launchChromium();
  const options = await extensionPage('/options.html');
  // The built-in pack is in once the options page lists its source.
  await options.locator('text=World news').first().waitFor({ timeout: 30_000 });
  await options.evaluate((entity) => {
    return new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('gloss');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(['entities', 'meta'], 'readwrite');
        tx.objectStore('entities').put(entity);
        // As any write does: the stored matcher and search index see a new revision and are rebuilt.
        const meta = tx.objectStore('meta');
        const rev = meta.get('kbRevision');
        rev.onsuccess = () =>
          meta.put({ key: 'kbRevision', value: ((rev.result as { value?: number } | undefined)?.value ?? 0) + 1 });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  }, HOSTILE_ENTITY);
  await sendAs(options, 'setNote', { entityId: 'e2e:hostile', text: NOTE });
  // A new worker finds the stored matcher stale (the revision changed) and builds one with the entity.
  await stopServiceWorker(gloss, options);
  await options.close();
}, 120_000);
afterAll(async () => {
  await gloss?.close();
  await site?.close();
});

async function extensionPage(path: string): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(`chrome-extension://${gloss.extensionId}${path}`);
  return page;
}

/** What would show that a payload ran or became markup in a document (or a card's shadow root). */
async function damage(page: Page) {
  return page.evaluate(() => {
    const root: ParentNode = document;
    const hrefs = [...(root?.querySelectorAll('a[href]') ?? [])].map((a) => (a as HTMLAnchorElement).href);
    // Made from a payload: an element with an event-handler attribute, or a script, frame, SVG or image
    // carrying the payload's marker. The page's own icons and form values are neither.
    const made = [...(root?.querySelectorAll('*') ?? [])].filter(
      (e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')) ||
        (['script', 'iframe', 'svg', 'img', 'object', 'embed'].includes(e.localName) && e.outerHTML.includes('pwned')),
    );
    return {
      ran: document.documentElement.dataset.pwned ?? null,
      elements: made.map((e) => e.outerHTML.slice(0, 80)),
      unsafeLinks: hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(h)),
    };
  });
}

const INERT = { ran: null, elements: [], unsafeLinks: [] };

describe('hostile text in the knowledge base and notes renders inert', () => {
  it('(the probe itself sees payloads that were rendered as markup)', async () => {
    const page = await gloss.context.newPage();
    await page.goto(site.url('/article.html'));
    await page.evaluate((html) => {
      document.body.insertAdjacentHTML('beforeend', html);
    }, `${PAYLOADS.img}${PAYLOADS.svg}<a href="${PAYLOADS.link}">x</a>`);
    await expect.poll(async () => (await damage(page)).ran, { timeout: 5_000 }).not.toBeNull();
    const seen = await damage(page);
    expect(seen.elements.length).toBeGreaterThanOrEqual(2);
    expect(seen.unsafeLinks).toHaveLength(1);
    await page.close();
  });

  it('on the hover card', async () => {
    const page = await gloss.context.newPage();
    await page.goto(site.url('/article.html'));
    await expect
      .poll(async () => (await page.evaluate(readHighlights)).some((h) => h.text === NAME), { timeout: 30_000 })
      .toBe(true);
    const mark = (await page.evaluate(readHighlights)).find((h) => h.text === NAME)!;
    await page.mouse.move(mark.rect.x + 10, mark.rect.y + mark.rect.height / 2, { steps: 2 });
    const card = cardProbe(gloss.context, page, gloss.extensionId);
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const text = await card.innerText();
    // Shown as the characters they are.
    expect(text).toContain(PAYLOADS.img);
    expect(text).toContain('<script>');
    expect(text).toContain('My note');
    await page.waitForTimeout(500);
    expect({ ran: (await damage(page)).ran, ...(await card.damage()) }).toEqual(INERT);
    expect(await damage(page)).toEqual({ ...INERT, unsafeLinks: [] });
    await page.screenshot({ path: join(RESULTS, 'hostile-card.png') });
    await page.close();
  });

  it('in the popup’s search results', async () => {
    const popup = await extensionPage('/popup.html');
    await popup.getByRole('searchbox').fill('hostile testn');
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(PAYLOADS.img);
    // The note is read after the result is drawn: wait for it rather than race it.
    await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain('My note');
    await popup.waitForTimeout(500);
    expect(await damage(popup)).toEqual(INERT);
    await popup.screenshot({ path: join(RESULTS, 'hostile-popup.png') });
    await popup.close();
  });

  it('in the options page’s notes', async () => {
    const options = await extensionPage('/options.html#notes');
    await expect.poll(() => options.locator('body').innerText(), { timeout: 10_000 }).toContain('My note <img src=x');
    await options.waitForTimeout(500);
    expect(await damage(options)).toEqual(INERT);
    await options.close();
  });
});
