import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageMention } from '@/lib/page/highlighter';
import type { PageTheme } from '@/lib/page/highlight-style';
import { sendMessage } from '@/lib/messaging/protocol';
import { wikidataLookup } from '@/lib/settings/items';
import { loadCandidates, loadCardData, type CardData } from './card-data';
import { createCardUi, type CardUi } from './card-ui';
import type { CardActions } from './HoverCard';
import { nextActorMention, unknownActorView } from './unknown-actor-view';

/** The page's declared language ("en" of "en-GB"), when it declares one. */
function pageLanguage(): string | undefined {
  const lang = document.documentElement.lang.split(/[-_]/)[0]?.toLowerCase();
  return lang && /^[a-z]{2,3}$/.test(lang) ? lang : undefined;
}

/** What the card needs to know about the page it is on. */
export interface CardPage {
  articleDate(): string | undefined;
  theme(): PageTheme;
  /** Entity ids on the page with their names, for "also on this page". */
  actors(): ReadonlyMap<string, string>;
  /** The first shown mention of an entity. */
  firstMentionOf(entityId: string): PageMention | null;
  /** The marks shown, in page order: an unknown actor's card counts its mentions among them. */
  shown(): readonly PageMention[];
  /** Draws the keyboard focus mark on a mention (the card's "next mention" moves it there), or clears it. */
  focusMark(m: PageMention | null): void;
  hideHere(m: PageMention): void;
  relink(m: PageMention, entityId: string): void;
}

/**
 * Opens and closes the one card, loads what it shows (once per mention) and remembers where keyboard
 * focus was, to give it back on Escape. The shadow root is made on first use: a page nobody hovers
 * never gets one.
 */
export class CardController {
  private ui: Promise<CardUi> | null = null;
  private shown: PageMention | null = null;
  private loading: { mention: PageMention; data: Promise<CardData> } | null = null;
  private returnFocus: HTMLElement | null = null;
  /** A "next mention" jump drew the focus mark: closing the card takes it away again. */
  private jumpMarked = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly page: CardPage,
  ) {}

  getUi(): Promise<CardUi> {
    if (this.ui) return this.ui;
    const ui = createCardUi(this.ctx).then((made) => {
      made.onPointerLeave(() => this.onLeaveCard?.());
      made.onPointerEnter(() => this.onEnterCard?.());
      return made;
    });
    this.ui = ui;
    // A card that failed to load (its code could not be fetched) is tried again on the next hover.
    ui.catch(() => {
      if (this.ui === ui) this.ui = null;
    });
    return ui;
  }

  /** The card once it has loaded; null if it was never asked for or failed to load. */
  private async loadedUi(): Promise<CardUi | null> {
    return (await this.ui?.catch(() => null)) ?? null;
  }

  /** Set by the hover tracker: leaving the card starts the hide delay, entering it cancels it. */
  onLeaveCard: (() => void) | null = null;
  onEnterCard: (() => void) | null = null;

  get mention(): PageMention | null {
    return this.shown;
  }

  /**
   * A card the reader moved with "next mention" stays until Escape or a click elsewhere: the page scrolled
   * under the pointer, and leaving the moved card must not close it.
   */
  get pinned(): boolean {
    return this.shown !== null && this.jumpMarked;
  }

  /** Starts loading a mention's card before it is shown (Wikipedia's previews fetch at 150 ms). */
  prefetch(m: PageMention): Promise<CardData> {
    if (this.loading?.mention !== m) {
      this.loading = {
        mention: m,
        data: loadCardData(m, {
          articleDate: this.page.articleDate(),
          lang: pageLanguage() ?? 'en',
          actors: this.page.actors(),
        }),
      };
      void this.getUi();
    }
    return this.loading.data;
  }

  async open(m: PageMention, opts: { focus: boolean; jumped?: boolean }): Promise<void> {
    // The card's code failed to load (the extension was updated, say): nothing to show, and nothing to
    // say in the page's console; the next hover tries again.
    const ui = await this.getUi().catch(() => null);
    const loaded = await this.prefetch(m);
    // Read at each opening: turning lookups off in the options shows at once.
    const lookupOn = m.unknown ? await wikidataLookup.getValue().catch(() => false) : false;
    const unknownActor = unknownActorView(m, this.page.shown(), { focusNext: opts.jumped === true, lookupOn });
    const data = unknownActor ? { ...loaded, unknownActor } : loaded;
    if (!ui || this.ctx.isInvalid) return;
    if (opts.focus && !this.returnFocus) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    this.shown = m;
    // Another card replaces a jumped-to one: the focus mark and the pin were that one's.
    if (this.jumpMarked && !opts.jumped) {
      this.page.focusMark(null);
      this.jumpMarked = false;
    }
    ui.show(data, this.actionsFor(m), m.range, { focus: opts.focus, theme: this.page.theme() });
    ui.announce(`${data.entity?.name ?? m.surface}. ${data.entity?.description ?? ''}`.trim());
  }

  async close(): Promise<void> {
    this.shown = null;
    if (this.jumpMarked) this.page.focusMark(null);
    this.jumpMarked = false;
    const ui = await this.loadedUi();
    ui?.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  async isShown(): Promise<boolean> {
    return (await this.loadedUi())?.isShown() ?? false;
  }

  /** The words the open card shows, or null when none is open. */
  async shownText(): Promise<string | null> {
    const ui = await this.loadedUi();
    return ui?.isShown() ? ui.text() : null;
  }

  async contains(path: EventTarget[]): Promise<boolean> {
    return (await this.loadedUi())?.contains(path) ?? false;
  }

  async announce(text: string): Promise<void> {
    (await this.getUi()).announce(text);
  }

  async remove(): Promise<void> {
    const ui = await this.loadedUi();
    this.ui = null;
    this.shown = null;
    this.loading = null;
    ui?.remove();
  }

  private actionsFor(m: PageMention): CardActions {
    return {
      showRelated: (id) => {
        const target = this.page.firstMentionOf(id);
        if (!target) return;
        target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        void this.open(target, { focus: true });
      },
      hideHere: () => {
        this.page.hideHere(m);
        void this.close();
      },
      choose: (id) => {
        this.page.relink(m, id);
        this.loading = null;
        void this.open(m, { focus: true });
      },
      nextMention: () => {
        const target = nextActorMention(m, this.page.shown());
        if (!target) return;
        this.page.focusMark(target);
        this.jumpMarked = true;
        target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        void this.open(target, { focus: true, jumped: true });
      },
      loadCandidates: () => loadCandidates(m),
      lookup: (words) => sendMessage('lookupWikidata', { words, ...(pageLanguage() && { lang: pageLanguage() }) }),
      openOptions: (hash) => void sendMessage('openOptions', { hash }),
    };
  }
}
