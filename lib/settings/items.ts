import { storage } from 'wxt/utils/storage';
import { ENTITY_KINDS, type EntityKind } from '../pack/types';
import type { SettingsSnapshot } from './schemas';
import { DISABLED_SITES_KEY, PAUSED_KEY } from './switch-keys';

/**
 * The user's settings, in `storage.local` (never `sync`: nothing leaves the machine). Each item is
 * versioned so a later release can migrate what an earlier one stored.
 */
export interface DisplaySettings {
  /** Kinds that get marked on pages. */
  kinds: EntityKind[];
  /** Mark every mention, or only the first of each entity per paragraph. */
  mode: 'every' | 'first-per-paragraph';
  /** How long the pointer rests on a mention before the card opens. */
  cardDelayMs: number;
  underline: 'dotted' | 'solid' | 'wavy';
}

export const DEFAULT_DISPLAY: DisplaySettings = {
  kinds: [...ENTITY_KINDS],
  mode: 'every',
  cardDelayMs: 500,
  underline: 'dotted',
};

export const displaySettings = storage.defineItem<DisplaySettings>('local:display', {
  fallback: DEFAULT_DISPLAY,
  version: 1,
});

/** Host names where Gloss does not run (e.g. "www.example.com"). */
export const disabledSites = storage.defineItem<string[]>(`local:${DISABLED_SITES_KEY}`, { fallback: [], version: 1 });

/** Pause everywhere. */
export const paused = storage.defineItem<boolean>(`local:${PAUSED_KEY}`, { fallback: false, version: 1 });

/** The settings a backup carries. */
export async function readSettings(): Promise<SettingsSnapshot> {
  const [display, sites, isPaused] = await Promise.all([displaySettings.getValue(), disabledSites.getValue(), paused.getValue()]);
  return { display, disabledSites: sites, paused: isPaused };
}

/**
 * Whether a card may look an unknown name up on Wikidata when the reader asks. Off by default; not
 * carried by backups, since it goes with a browser permission that a backup cannot grant.
 */
export const wikidataLookup = storage.defineItem<boolean>('local:wikidataLookup', { fallback: false, version: 1 });
