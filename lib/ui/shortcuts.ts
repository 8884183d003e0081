import { t } from './i18n';

/**
 * The keys of the keyboard walk (entrypoints/content/card/open-from-keys.ts, isWalkKey), as the popup and the card's
 * help name them. A unit test holds the two together.
 */
export const WALK_KEYS = { next: 'ArrowDown', previous: 'ArrowUp' } as const;

/** "Alt+Shift+↓", or "Option+Shift+↓" on a Mac, where the key is labelled so. */
export function walkShortcut(direction: keyof typeof WALK_KEYS, mac: boolean): string {
  const alt = mac ? t('key_option', 'Option') : t('key_alt', 'Alt');
  return `${alt}+${t('key_shift', 'Shift')}+${direction === 'next' ? '↓' : '↑'}`;
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac/.test(navigator.platform || navigator.userAgent);
}

/** The walk, Enter and Escape, in one list: what the popup and the card's help show. */
export function shortcutLines(mac = isMac()): { keys: string; does: string }[] {
  return [
    {
      keys: `${walkShortcut('next', mac)} / ${walkShortcut('previous', mac)}`,
      does: t('shortcut_walk', 'Move from mark to mark on the page'),
    },
    { keys: t('key_enter', 'Enter'), does: t('shortcut_open', 'Open the card of that mark') },
    { keys: t('key_escape', 'Escape'), does: t('shortcut_close', 'Close the card; again to stop') },
  ];
}
