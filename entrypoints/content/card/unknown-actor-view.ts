import { dedupeDescriptors } from '@/lib/core/actor-descriptors';
import type { PageMention } from '@/lib/page/highlighter';

/** What an unknown actor's card says the article says of them, and where else they are mentioned. */
export interface UnknownActorView {
  /** The fullest name the page gives the actor ("Vanessa Hicks" on a card for "Hicks"): what a lookup sends. */
  name: string;
  /** Every descriptor the article gives them, over all their mentions, once each, first given first. */
  descriptors: string[];
  /** How many marks on the page name this actor (the full name and its short forms). */
  mentions: number;
  /** Which of those marks (1-based, in page order) this card is for. */
  position: number;
  /** The card opened from "next mention": focus goes back to that button, so the reader can keep jumping. */
  focusNext: boolean;
  /** Whether the reader turned Wikidata lookups on: only then does the card offer one. */
  lookupOn: boolean;
}

/** The unknown actor's view for a card on `m`, from the marks shown on the page (in page order). */
export function unknownActorView(
  m: PageMention,
  shown: readonly PageMention[],
  opts: { focusNext?: boolean; lookupOn?: boolean } = {},
): UnknownActorView | undefined {
  if (!m.unknown) return undefined;
  const same = actorMentions(m, shown);
  const name = same.reduce((longest, s) => (s.surface.length > longest.length ? s.surface : longest), m.surface);
  return {
    name,
    descriptors: dedupeDescriptors(same.flatMap((s) => s.unknown?.descriptors ?? [])),
    mentions: same.length,
    position: Math.max(1, same.indexOf(m) + 1),
    focusNext: opts.focusNext === true,
    lookupOn: opts.lookupOn === true,
  };
}

/** The shown marks that name the same unknown actor as `m`, in page order; `m` itself among them. */
export function actorMentions(m: PageMention, shown: readonly PageMention[]): PageMention[] {
  const actor = m.unknown?.actor;
  if (actor === undefined) return [m];
  const same = shown.filter((s) => s.unknown?.actor === actor);
  return same.includes(m) ? same : [m, ...same];
}

/** The mark after `m` that names the same actor, wrapping round to the first; null when it is the only one. */
export function nextActorMention(m: PageMention, shown: readonly PageMention[]): PageMention | null {
  const same = actorMentions(m, shown);
  if (same.length < 2) return null;
  return same[(same.indexOf(m) + 1) % same.length]!;
}
