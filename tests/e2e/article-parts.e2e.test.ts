import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { readHighlights, type HighlightedRange } from './support/page-probes';
import { demoServerForFile } from './support/demo-server';

/**
 * The whole article and only the article, on pages the team wrote (tests/fixtures/articles), in Chromium
 * and Firefox: an article in several parts with its lead in the header and furniture between the parts
 * (multi-part.html), and one whose rest arrives after load (lazy-continuation.html): "Read more" fills a
 * container inside the body, the next section is appended after it, and a promotion lands in the rail.
 */

const MULTI_PART = '/fixtures/articles/multi-part.html';
const LAZY = '/fixtures/articles/lazy-continuation.html';

/** Names in the article's parts, and names in the furniture between and around them. */
const IN_ARTICLE = ['Qatar', 'Benjamin Netanyahu', 'Hamas', 'Donald Trump'];
const IN_FURNITURE = ['Jordan', 'Egypt', 'Mahmoud Abbas', 'United Nations'];

/** The lazy page: a name in the text there at load, names in what arrives later, names in the promotion. */
const AT_LOAD = ['Benjamin Netanyahu'];
const ARRIVING = ['Hamas', 'Qatar', 'United States'];
const PROMOTED = ['Mahmoud Abbas', 'Donald Trump'];

/** What both browsers' pages offer the test: the Playwright and Puppeteer pages alike. */
interface TestPage {
  evaluate<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

const texts = async (page: TestPage) => (await page.evaluate(readHighlights)).map((h: HighlightedRange) => h.text);

/** The marked texts once every name is among them, or what was marked when time ran out. */
async function until(page: TestPage, names: string[], timeout = 20_000): Promise<string[]> {
  const end = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < end) {
    seen = await texts(page);
    if (names.every((n) => seen.includes(n))) return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  return seen;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function checkMultiPart(page: TestPage): Promise<void> {
  const seen = await until(page, IN_ARTICLE);
  for (const name of IN_ARTICLE) expect(seen, `a mark on "${name}"`).toContain(name);
  for (const name of IN_FURNITURE) expect(seen, `no mark on "${name}" (furniture)`).not.toContain(name);
}

async function checkLazyContinuation(page: TestPage): Promise<void> {
  const before = await until(page, AT_LOAD);
  for (const name of AT_LOAD) expect(before, `a mark on "${name}" at load`).toContain(name);
  await page.evaluate(() => (document.getElementById('more') as HTMLButtonElement).click());
  const after = await until(page, ARRIVING);
  for (const name of ARRIVING) expect(after, `a mark on "${name}", which arrived after load`).toContain(name);
  // The promotion arrived in the same change as the continuation: give a late mark time to show before saying none did.
  await pause(1_500);
  const settled = await texts(page);
  for (const name of PROMOTED) expect(settled, `no mark on "${name}" (a promotion that arrived)`).not.toContain(name);
  for (const name of AT_LOAD) expect(settled, `"${name}" still marked`).toContain(name);
}

const server = demoServerForFile();

/** Each browser with Gloss, as the tests need it: a new tab on a page of the demo server, and a way to close. */
const BROWSERS = [
  {
    name: 'Chromium',
    start: async () => {
      const session: ChromiumSession = await launchChromium();
      return { newPage: () => session.context.newPage(), close: () => session.close() };
    },
  },
  {
    name: 'Firefox',
    start: async () => {
      const session: FirefoxSession = await launchFirefox();
      return { newPage: () => session.browser.newPage(), close: () => session.close() };
    },
  },
];

describe.each(BROWSERS)('$name: articles in parts and arriving late', ({ start }) => {
  let browser: Awaited<ReturnType<typeof start>> | undefined;
  beforeAll(async () => {
    browser = await start();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (path: string): Promise<TestPage> => {
    const page = await browser!.newPage();
    await page.goto(server.url(path));
    return page;
  };

  it('marks every part and the lead, none of the furniture between them', async () => {
    const page = await open(MULTI_PART);
    await checkMultiPart(page);
    await page.close();
  });

  it('marks a continuation and a section that arrive after load, not a promotion that arrives with them', async () => {
    const page = await open(LAZY);
    await checkLazyContinuation(page);
    await page.close();
  });
});
