import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityKind } from '../pack/types';
import type { Result } from './result';

/** An actor or term found on the current page, for the popup's "On this page". */
export interface PageActor {
  /** null for ambiguous mentions, keyed by their surface text instead. */
  entityId: string | null;
  name: string;
  kind: EntityKind;
  count: number;
}

/**
 * What extension pages (the popup) ask a tab's content script. Content scripts only answer; only
 * Gloss's own pages can send tab messages, web pages cannot.
 */
export interface TabProtocol {
  pageActors(data: Record<string, never>): Result<PageActor[]>;
  /**
   * The words of the card open on the page, or null. The card sits in a closed shadow root that page
   * scripts cannot read; Gloss's own pages can ask (end-to-end tests in Firefox read the card this way).
   */
  shownCard(data: Record<string, never>): Result<string | null>;
  /**
   * Where a button or link of the open card is on screen (its centre, in viewport pixels), found by its
   * words: Firefox's end-to-end tests click it there with the real mouse, as a reader would.
   */
  cardControl(data: { name: string }): Result<{ x: number; y: number } | null>;
  /**
   * What has keyboard focus in the open card: a control's words, '' for the card itself, null when focus
   * is outside it (Firefox's end-to-end tests walk the card with Tab this way; its root is closed).
   */
  focusedCardControl(data: Record<string, never>): Result<string | null>;
  /** Scrolls to the first mention of an entity and flashes it. */
  revealMention(data: { entityId: string }): Result<boolean>;
  /**
   * The page's address, answered even where Gloss is switched off: a popup opened in a tab of its own
   * (no activeTab grant) learns the site this way, to offer switching Gloss on or off there.
   */
  pageUrl(data: Record<string, never>): Result<string>;
}

export const tabMessaging = defineExtensionMessaging<TabProtocol>({ breakError: true });
