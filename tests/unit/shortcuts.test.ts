import { describe, expect, it } from 'vitest';
import { isWalkKey } from '../../entrypoints/content/card/open-from-keys';
import { shortcutLines, WALK_KEYS, walkShortcut } from '../../lib/ui/shortcuts';

const key = (k: string) => ({ key: k, altKey: true, shiftKey: true, ctrlKey: false, metaKey: false }) as KeyboardEvent;

describe('the shortcuts the popup and the card name', () => {
  it('are the keys the keyboard walk answers', () => {
    expect(isWalkKey(key(WALK_KEYS.next))).toBe('next');
    expect(isWalkKey(key(WALK_KEYS.previous))).toBe('previous');
  });

  it('are named as the keyboard labels them', () => {
    expect(walkShortcut('next', false)).toBe('Alt+Shift+↓');
    expect(walkShortcut('previous', true)).toBe('Option+Shift+↑');
    expect(shortcutLines(false).map((l) => l.keys)).toEqual(['Alt+Shift+↓ / Alt+Shift+↑', 'Enter', 'Escape']);
  });
});
