import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { readHighlights, type HighlightedRange } from './support/page-probes';
import { startServer, type TestServer } from '../../scripts/demo-server';

/**
 * The whole article and only the article, on a page the team wrote (tests/fixtures/articles/multi-part.html):
 * an article in several parts with its lead in the header and furniture between the parts. The lazily
 * loaded continuation (lazy-continuation.html) and the Firefox run are not here yet: see docs/pages.md.
 */

const MULTI_PART = '/fixtures/articles/multi-part.html';

/** Names in the article's parts, and names in the furniture between and around them. */
const IN_ARTICLE = ['Qatar', 'Benjamin Netanyahu', 'Hamas', 'Donald Trump'];
const IN_FURNITURE = ['Jordan', 'Egypt', 'Mahmoud Abbas', 'United Nations'];

type Probe = { evaluate: <T>(fn: () => T) => Promise<T> };
const texts = async (page: Probe) => (await page.evaluate(readHighlights)).map((h: HighlightedRange) => h.text);

async function until(page: Probe, names: string[], timeout = 20_000): Promise<string[]> {
  const end = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < end) {
    seen = await texts(page);
    if (names.every((n) => seen.includes(n))) return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  return seen;
}

function checkMultiPart(seen: string[]): void {
  for (const name of IN_ARTICLE) expect(seen, `a mark on "${name}"`).toContain(name);
  for (const name of IN_FURNITURE) expect(seen, `no mark on "${name}" (furniture)`).not.toContain(name);
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('Chromium: an article in parts', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks every part and the lead, none of the furniture between them', async () => {
    const page: Page = await session.context.newPage();
    await page.goto(server.url(MULTI_PART));
    checkMultiPart(await until(page, IN_ARTICLE));
    await page.close();
  });
});
