import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_DISPLAY, displaySettings, type DisplaySettings } from '@/lib/settings/items';
import { Highlighter, type PageMention } from '@/lib/page/highlighter';
import { FOCUS_HIGHLIGHT, highlightCss, lineFor, type PageTheme } from '@/lib/page/highlight-style';
import { mentionKey, type MentionFilter } from '@/lib/page/mention-filter';
import { watchMutations } from '@/lib/page/mutation-batcher';
import { OverlayPainter } from '@/lib/page/overlay-painter';
import { HighlightApiPainter, type Painter } from '@/lib/page/painter';
import { PageStyle } from '@/lib/page/page-style';
import { isGlossElement } from '@/lib/page/page-names';
import { pageTheme } from '@/lib/page/page-theme';
import { watchUrl } from '@/lib/page/url-watch';
import { Annotator } from './annotator';
import { CardController } from './card/controller';
import { trackPointer } from './card/open-on-hover';
import { trackKeyboard } from './card/open-from-keys';
import { siteOf } from '@/lib/settings/site-rules';
import { switchOffHere } from './site-switch';
import { stats } from './stats';
import { answerTabMessages } from './tab-handlers';

/** How often to check that a page script has not cleared the highlights, besides every pointer frame. */
const REPAINT_CHECK_MS = 1_000;
/** After a single-page app changes URL, how long to let it render the new page before scanning. */
const NAVIGATION_SETTLE_MS = 400;

/**
 * Gloss on one page while it is switched on there: highlights, card, keyboard walk, and the watchers
 * that keep them in step with the page. `stop()` takes every piece of it away again (the site was
 * switched off, Gloss paused, or the extension updated).
 */
export class PageSession {
  private run: AbortController | null = null;
  private highlighter: Highlighter | null = null;
  private painters: Painter[] = [];
  private style: PageStyle | null = null;
  private cards: CardController | null = null;
  private display: DisplaySettings = DEFAULT_DISPLAY;
  private theme: PageTheme = 'light';
  private hidden = new Set<string>();

  constructor(private readonly ctx: ContentScriptContext) {}

  get active(): boolean {
    return this.run !== null;
  }

  async start(): Promise<void> {
    if (this.run) return;
    const run = new AbortController();
    this.run = run;
    const signal = AbortSignal.any([run.signal, this.ctx.signal]);
    this.display = await displaySettings.getValue();
    if (signal.aborted) return;

    const makePainter = (): Painter =>
      HighlightApiPainter.isSupported(window)
        ? new HighlightApiPainter(window as Window & typeof globalThis)
        : new OverlayPainter(document, (name) => lineFor(name, this.theme, this.display.underline));
    const [marks, focus] = [makePainter(), makePainter()];
    this.painters = [marks, focus];
    const highlighter = new Highlighter(document, marks);
    this.highlighter = highlighter;
    this.style = new PageStyle(document);
    this.hidden = new Set();
    highlighter.setFilter(this.filter());

    const annotator = new Annotator(document, highlighter, signal, () => this.onFirstPaint());
    const cards = new CardController(this.ctx, {
      articleDate: () => annotator.articleDate,
      theme: () => this.theme,
      actors: () => new Map(highlighter.shown.filter((m) => m.entityId).map((m) => [m.entityId!, m.name])),
      firstMentionOf: (id) => highlighter.shown.find((m) => m.entityId === id) ?? null,
      shown: () => highlighter.shown,
      focusMark: (m) => focus.paint(new Map(m ? [[FOCUS_HIGHLIGHT, [m.range]]] : [])),
      hideHere: (m) => {
        this.hidden.add(mentionKey(m));
        highlighter.setFilter(this.filter());
      },
      relink: (m, id) => this.relink(m, id),
      site: () => siteOf(location.href),
      rescan: () => void annotator.scanPage().catch(ignoreAbort),
      offHere: () => switchOffHere(),
    });
    this.cards = cards;

    const ensurePainted = () => {
      this.style?.ensure();
      if (highlighter.ensurePainted()) stats.repaints++;
    };
    trackPointer(signal, highlighter, cards, () => this.display.cardDelayMs, ensurePainted);
    trackKeyboard(signal, highlighter, cards, (m) => focus.paint(new Map(m ? [[FOCUS_HIGHLIGHT, [m.range]]] : [])));
    answerTabMessages(signal, highlighter, makePainter, cards);
    const check = setInterval(ensurePainted, REPAINT_CHECK_MS);
    signal.addEventListener('abort', () => clearInterval(check));

    const unwatch = displaySettings.watch((value) => {
      this.display = value ?? DEFAULT_DISPLAY;
      this.applyStyle();
      highlighter.setFilter(this.filter());
    });
    signal.addEventListener('abort', unwatch);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.applyStyle(true), { signal });

    watchMutations(document.body ?? document.documentElement, (batch) => void annotator.update(batch).catch(ignoreAbort), {
      signal,
      ignore: isGlossElement,
    });
    watchUrl(
      window,
      () => {
        void cards.close();
        setTimeout(() => void annotator.scanPage().catch(ignoreAbort), NAVIGATION_SETTLE_MS);
      },
      signal,
    );
    await annotator.scanPage().catch(ignoreAbort);
  }

  stop(): void {
    this.run?.abort();
    this.run = null;
    this.highlighter?.clear();
    this.highlighter = null;
    for (const p of this.painters) p.clear();
    this.painters = [];
    this.style?.remove();
    this.style = null;
    void this.cards?.remove();
    this.cards = null;
  }

  private onFirstPaint(): void {
    this.applyStyle(true);
    // The frame after this one shows the highlights; the timer fires once that frame is done.
    requestAnimationFrame(() => setTimeout(() => (stats.paintedAt ??= performance.now()), 0));
  }

  private applyStyle(recomputeTheme = false): void {
    const first = this.highlighter?.shown[0];
    if (recomputeTheme && first) {
      const el = first.range.startContainer.parentElement;
      if (el) this.theme = pageTheme(el, window);
    }
    this.style?.set(highlightCss(this.theme, this.display.underline));
    // The overlay draws its own lines: repaint it with the new colours.
    if (this.painters[0] instanceof OverlayPainter) this.painters[0].layout();
  }

  private filter(): MentionFilter {
    return {
      kinds: new Set(this.display.kinds),
      mode: this.display.mode,
      hidden: (m) => this.hidden.has(mentionKey(m)),
    };
  }

  /** "Wrong match?" → another entry: these words mean that entry on this page, until it is reloaded. */
  private relink(m: PageMention, entityId: string): void {
    const key = mentionKey(m);
    for (const other of this.highlighter?.all ?? []) {
      if (mentionKey(other) !== key) continue;
      other.entityId = entityId;
      other.candidates = other.candidates.includes(entityId) ? other.candidates : [...other.candidates, entityId];
    }
    this.highlighter?.setFilter(this.filter());
  }
}

function ignoreAbort(e: unknown): void {
  if (e instanceof DOMException && e.name === 'AbortError') return;
  console.debug('Gloss:', e);
}
