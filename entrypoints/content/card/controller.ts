/**
 * The hover card, in the order a card comes to be (each a file of this folder):
 * open-on-hover.ts / open-from-keys.ts → controller.ts (this file: one card at a time, pinned or not)
 * → fetch-data.ts (asks the worker what to show) → shadow-host.ts (the card's shadow root in the page)
 * → load-view.ts (the drawing code, loaded on the first hover as entrypoints/card-view.ts, contract
 * view-api.ts) → view.tsx → HoverCard.tsx → components/EntityCard.tsx.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageMention } from '@/lib/page/highlighter';
import type { PageTheme } from '@/lib/page/highlight-style';
import { sendMessage } from '@/lib/messaging/protocol';
import { wikidataLookup } from '@/lib/settings/items';
import { loadCandidates, loadCardData, type CardData } from './fetch-data';
import { createCardUi, type CardUi } from './shadow-host';
import type { CardChromeState } from './CardChrome';
import type { CardActions } from './HoverCard';
import { actorMentions, unknownActorView } from './unknown-actor-view';
import { t } from '@/lib/ui/i18n';
import { mentionKey } from '@/lib/page/mention-filter';

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
  /** Marks the page again (after the reader added an entity from a card). */
  rescan(): void;
  /** The site "Off on this site" would switch Gloss off for, or null where it can't. */
  site(): string | null;
  /** Switches Gloss off for this site (the session stops, the marks go). */
  offHere(): Promise<void>;
}

/** How a card is opened: from the keyboard it takes focus; the keyboard walk says its own words. */
export interface OpenOptions {
  focus: boolean;
  announce?: boolean;
  pinned?: boolean;
  /** Opened by "next mention": focus goes back to that button, so the reader can keep jumping. */
  jumped?: boolean;
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
  private isPinned = false;
  /** Counts openings: one that finishes loading after a later one began is stale and shows nothing. */
  private openings = 0;

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

  /** A pinned card (by the pin, or moved by "next mention") stays until Escape or a click elsewhere. */
  get pinned(): boolean {
    return this.shown !== null && (this.isPinned || this.jumpMarked);
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

  async open(m: PageMention, opts: OpenOptions): Promise<void> {
    const opening = ++this.openings;
    // The card's code failed to load (the extension was updated, say): nothing to show, and nothing to
    // say in the page's console; the next hover tries again.
    const ui = await this.getUi().catch(() => null);
    const loaded = await this.prefetch(m);
    // Read at each opening: turning lookups off in the options shows at once.
    const lookupOn = m.unknown ? await wikidataLookup.getValue().catch(() => false) : false;
    const unknownActor = unknownActorView(m, this.page.shown(), { focusNext: opts.jumped === true, lookupOn });
    const actorName = unknownActor ? fullestName(this.mentionsLike(m)) : undefined;
    const data = unknownActor ? { ...loaded, unknownActor, actorName } : loaded;
    // The walk moved on (or the reader hovered another mark) while this card's facts were loading.
    if (!ui || this.ctx.isInvalid || opening !== this.openings) return;
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
    this.isPinned = opts.pinned ?? false;
    ui.show(data, this.actionsFor(m), m.range, {
      focus: opts.focus,
      theme: this.page.theme(),
      chrome: this.chromeFor(m, opts.jumped === true),
    });
    if (opts.announce !== false) ui.announce(`${data.entity?.name ?? m.surface}. ${data.entity?.description ?? ''}`.trim());
  }

  /** The marks naming what `m` names: an unknown actor's name and its short forms, else the same entity or words. */
  private mentionsLike(m: PageMention): readonly PageMention[] {
    const shown = this.page.shown();
    if (m.unknown) return actorMentions(m, shown);
    const key = mentionKey(m);
    return shown.filter((other) => mentionKey(other) === key);
  }

  private chromeFor(m: PageMention, focusNext = false): CardChromeState {
    const like = this.mentionsLike(m);
    const index = like.indexOf(m);
    return {
      pinned: this.isPinned,
      // An unknown actor's card counts its mentions in its own section (UnknownActorDetails).
      position: !m.unknown && like.length > 1 && index >= 0 ? { index, count: like.length } : null,
      site: this.page.site(),
      focusNext,
    };
  }

  private async setPinned(m: PageMention, pinned: boolean): Promise<void> {
    if (this.shown !== m) return;
    this.isPinned = pinned;
    const ui = await this.loadedUi();
    ui?.redraw(this.chromeFor(m));
    ui?.announce(pinned ? t('card_pinnedSaid', 'Card pinned. Escape closes it.') : t('card_unpinnedSaid', 'Card unpinned.'));
  }

  /** The card moves to the next mention of the same thing, pinned: the reader asked for it to stay. */
  private async nextMention(m: PageMention): Promise<void> {
    const like = this.mentionsLike(m);
    if (like.length < 2) return;
    const next = like[(like.indexOf(m) + 1) % like.length]!;
    // Pinned before the page scrolls: the pointer leaving the moving card must not close it.
    this.isPinned = true;
    this.page.focusMark(next);
    this.jumpMarked = true;
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await this.open(next, { focus: true, jumped: true, announce: false, pinned: true });
    const at = like.indexOf(next) + 1;
    (await this.loadedUi())?.announce(t('card_mentionOfSaid', 'Mention $1 of $2.', [String(at), String(like.length)]));
  }

  async close(): Promise<void> {
    this.openings++;
    this.shown = null;
    if (this.jumpMarked) this.page.focusMark(null);
    this.jumpMarked = false;
    this.isPinned = false;
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

  /** The centre of the open card's button or link with these words, scrolled into view; null if none. */
  async controlAt(name: string): Promise<{ x: number; y: number } | null> {
    const ui = await this.loadedUi();
    return ui?.isShown() ? ui.controlAt(name) : null;
  }

  /** What has keyboard focus in the open card: a control's words, '' for the card, null outside it. */
  async focusedControl(): Promise<string | null> {
    const ui = await this.loadedUi();
    return ui?.isShown() ? ui.focused() : null;
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
      loadCandidates: () => loadCandidates(m),
      lookup: (words) => sendMessage('lookupWikidata', { words, ...(pageLanguage() && { lang: pageLanguage() }) }),
      openOptions: (hash) => void sendMessage('openOptions', { hash }),
      addEntity: async (entity) => {
        const reply = await sendMessage('addEntityFromCard', { entity });
        if (reply.ok) this.page.rescan();
        return reply;
      },
      setPinned: (pinned) => void this.setPinned(m, pinned),
      nextMention: () => void this.nextMention(m),
      offHere: () => {
        void this.close();
        void this.page.offHere();
      },
    };
  }
}

/** The longest of the words the page names an actor with: its full name rather than a later short form. */
function fullestName(mentions: readonly PageMention[]): string | undefined {
  return mentions.reduce<string | undefined>(
    (best, x) => (best && best.length >= x.surface.length ? best : x.surface),
    undefined,
  );
}
