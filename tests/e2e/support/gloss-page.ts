import type { BrowserContext, Page } from 'playwright-core';
import { contentWorld } from './content-world';
import { readHighlights, type HighlightedRange, type HighlightLabels } from './page-probes';

/**
 * What Gloss shows on a page, read the way only Gloss itself could: its highlight names are random per
 * page and its card sits in a closed shadow root, so a test reads both through the content script's own
 * world (Chromium's DevTools protocol; `chrome.dom.openOrClosedShadowRoot` is a content-script API). The
 * page's own scripts have neither.
 */
type World = Awaited<ReturnType<typeof contentWorld>>;
const worlds = new WeakMap<Page, Promise<World>>();

export function worldOf(context: BrowserContext, page: Page, extensionId: string): Promise<World> {
  let world = worlds.get(page);
  if (!world) {
    world = contentWorld(context, page, extensionId);
    worlds.set(page, world);
  }
  return world;
}

/** This page's highlight names → what each marks (a kind, "unknown", "focus", "flash"). */
export async function highlightLabels(world: World): Promise<HighlightLabels> {
  const names = await world.evaluate<Record<string, string> | null>(
    'globalThis.__glossStats ? JSON.parse(JSON.stringify(globalThis.__glossStats.names.highlights)) : null',
  );
  return Object.fromEntries(Object.entries(names ?? {}).map(([what, name]) => [name, what]));
}

/** Every Gloss mark on the page with its kind. */
export async function highlightsIn(world: World, page: Page): Promise<HighlightedRange[]> {
  return page.evaluate(readHighlights, await highlightLabels(world));
}

/** The ranges' text of one highlight ("focus", "flash", a kind) on this page. */
export async function highlightTexts(world: World, page: Page, what: string): Promise<string[]> {
  const name = Object.entries(await highlightLabels(world)).find(([, w]) => w === what)?.[0];
  if (!name) return [];
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

/** An expression, in the content world, for the card element (`.gloss-card` in its closed root) or null. */
const CARD = `(() => {
  const names = globalThis.__glossStats?.names;
  const host = names && document.querySelector(names.card);
  const root = host && chrome.dom.openOrClosedShadowRoot(host);
  return root ? { host, root, card: root.querySelector('.gloss-card') } : null;
})()`;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The hover card as a reader sees it, and clicks on it as a reader makes them (trusted, by coordinates). */
export class CardProbe {
  constructor(
    private readonly world: Promise<World>,
    private readonly page: Page,
  ) {}

  private async read<T>(body: string): Promise<T | undefined> {
    return (await this.world).evaluate<T>(`(() => { const found = ${CARD}; ${body} })()`);
  }

  /** Whether the card's element exists on the page at all. */
  async exists(): Promise<boolean> {
    return (await this.read<boolean>('return !!found;')) ?? false;
  }

  async isVisible(): Promise<boolean> {
    return (
      (await this.read<boolean>(
        "const c = found?.card; return !!c && !c.hidden && c.style.visibility !== 'hidden' && c.getClientRects().length > 0;",
      )) ?? false
    );
  }

  async innerText(): Promise<string> {
    return (await this.read<string>("const c = found?.card; return c && !c.hidden ? c.innerText : '';")) ?? '';
  }

  async getAttribute(name: string): Promise<string | null> {
    return (await this.read<string | null>(`return found?.card?.getAttribute(${JSON.stringify(name)}) ?? null;`)) ?? null;
  }

  async boundingBox(): Promise<Box | null> {
    return (
      (await this.read<Box | null>(
        'const r = found?.card?.getBoundingClientRect(); return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;',
      )) ?? null
    );
  }

  async backgroundColor(): Promise<string> {
    return (await this.read<string>("return found?.card ? getComputedStyle(found.card).backgroundColor : '';")) ?? '';
  }

  /** The class of what has keyboard focus inside the card's root. */
  async focusedClass(): Promise<string | null> {
    return (await this.read<string | null>('return found?.root.activeElement?.className ?? null;')) ?? null;
  }

  /** What the card's live region says to screen readers. */
  async liveText(): Promise<string> {
    return (await this.read<string>("return found?.root.querySelector('.gloss-live')?.innerText ?? '';")) ?? '';
  }

  private controls(role: 'button' | 'link', name: string, body: string): Promise<unknown> {
    const selector = role === 'button' ? 'button' : 'a[href]';
    return this.read(
      `const all = found?.card ? [...found.card.querySelectorAll(${JSON.stringify(selector)})] : [];
       const el = all.filter((e) => (e.getAttribute('aria-label') ?? e.textContent).trim() === ${JSON.stringify(name)});
       ${body}`,
    );
  }

  async count(role: 'button' | 'link', name: string): Promise<number> {
    return ((await this.controls(role, name, 'return el.length;')) as number | undefined) ?? 0;
  }

  async href(name: string): Promise<string | null> {
    return ((await this.controls('link', name, "return el[0]?.getAttribute('href') ?? null;")) as string | null) ?? null;
  }

  /**
   * What would show that a payload became markup inside the card: elements with event-handler
   * attributes, or a script, frame, SVG or image carrying the "pwned" marker, and unsafe links.
   */
  async damage(): Promise<{ elements: string[]; unsafeLinks: string[] }> {
    return (
      (await this.read<{ elements: string[]; unsafeLinks: string[] }>(`
        const all = found ? [...found.root.querySelectorAll('*')] : [];
        const made = all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on')) ||
          (['script', 'iframe', 'svg', 'img', 'object', 'embed'].includes(e.localName) && e.outerHTML.includes('pwned')));
        const hrefs = found ? [...found.root.querySelectorAll('a[href]')].map((a) => a.href) : [];
        return { elements: made.map((e) => e.outerHTML.slice(0, 80)), unsafeLinks: hrefs.filter((h) => /^(javascript|data|vbscript):/i.test(h)) };
      `)) ?? { elements: [], unsafeLinks: [] }
    );
  }

  /** Every link's absolute address. */
  async hrefs(): Promise<string[]> {
    return (
      (await this.read<string[]>("return found?.card ? [...found.card.querySelectorAll('a[href]')].map((a) => a.href) : [];")) ??
      []
    );
  }

  /** The first link's address. */
  async firstHref(): Promise<string | null> {
    return (
      (await this.read<string | null>("return found?.card?.querySelector('a[href]')?.getAttribute('href') ?? null;")) ?? null
    );
  }

  /** Clicks a button or link of the card by its words, with the mouse (a trusted click). */
  async click(role: 'button' | 'link', name: string): Promise<void> {
    const box = (await this.controls(
      role,
      name,
      "if (!el[0]) return null; el[0].scrollIntoView({ block: 'nearest' }); const r = el[0].getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 };",
    )) as { x: number; y: number } | null;
    if (!box) throw new Error(`the card has no ${role} "${name}"`);
    await this.page.mouse.click(box.x, box.y);
  }
}

export function cardProbe(context: BrowserContext, page: Page, extensionId: string): CardProbe {
  return new CardProbe(worldOf(context, page, extensionId), page);
}
