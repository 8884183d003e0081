import { ENTITY_KINDS, type EntityKind } from '../pack/types';
import type { PageMention } from './highlighter';

export interface MentionFilter {
  kinds: ReadonlySet<EntityKind>;
  mode: 'every' | 'first-per-paragraph';
  /** Mentions the reader hid on this page ("wrong match?"). */
  hidden: (m: PageMention) => boolean;
}

export const SHOW_ALL: MentionFilter = {
  kinds: new Set<EntityKind>(ENTITY_KINDS),
  mode: 'every',
  hidden: () => false,
};

/**
 * Key of what a mention names: its entity; for an unknown actor, the actor ("Hicks" is "Vanessa Hicks"
 * again); else its words.
 */
export function mentionKey(m: PageMention): string {
  return m.entityId ?? (m.unknown ? `?${m.unknown.actor}` : `?${m.surface.toLowerCase()}`);
}

/** The mentions the display settings show, in the order given. */
export function visibleMentions(all: readonly PageMention[], filter: MentionFilter): PageMention[] {
  const seen = new Map<Element, Set<string>>();
  const out: PageMention[] = [];
  for (const m of all) {
    if (!filter.kinds.has(m.kind) || filter.hidden(m)) continue;
    if (filter.mode === 'first-per-paragraph') {
      let keys = seen.get(m.paragraph);
      if (!keys) seen.set(m.paragraph, (keys = new Set()));
      const key = mentionKey(m);
      if (keys.has(key)) continue;
      keys.add(key);
    }
    out.push(m);
  }
  return out;
}
