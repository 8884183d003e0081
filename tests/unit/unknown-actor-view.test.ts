import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../lib/page/highlighter';
import { mentionKey } from '../../lib/page/mention-filter';
import { actorMentions, nextActorMention, unknownActorView } from '../../entrypoints/content/card/unknown-actor-view';

const para = {} as Element;
const unknown = (surface: string, actor: string, descriptors: string[] = []): PageMention =>
  ({
    surface,
    name: surface,
    entityId: null,
    kind: 'person',
    paragraph: para,
    candidates: [],
    range: {} as Range,
    unknown: { actor, descriptors },
  }) as PageMention;

describe('an unknown actor on the page, for its card', () => {
  const full = unknown('Vanessa Hicks', 'vanessa hicks', ['photographer and Navy veteran']);
  const other = unknown('Daniel Marsh', 'daniel marsh');
  const short = unknown('Hicks', 'vanessa hicks', ['served in the Navy', 'photographer and Navy veteran']);
  const again = unknown('Hicks', 'vanessa hicks');
  const shown = [full, other, short, again];

  it('counts the full name and its short forms as one actor, and gathers every descriptor once', () => {
    expect(unknownActorView(short, shown)).toEqual({
      name: 'Vanessa Hicks',
      descriptors: ['photographer and Navy veteran', 'served in the Navy'],
      mentions: 3,
      position: 2,
      focusNext: false,
      lookupOn: false,
    });
    expect(unknownActorView(other, shown)).toMatchObject({ descriptors: [], mentions: 1, position: 1 });
  });

  it('jumps to the next mention of the same actor, and from the last back to the first', () => {
    expect(nextActorMention(full, shown)).toBe(short);
    expect(nextActorMention(short, shown)).toBe(again);
    expect(nextActorMention(again, shown)).toBe(full);
    expect(nextActorMention(other, shown)).toBeNull();
  });

  it('counts a mention the settings hide (first per paragraph) as the one shown', () => {
    expect(actorMentions(unknown('Hicks', 'vanessa hicks'), [full])).toHaveLength(2);
  });

  it('gives the full name and its short forms one key, so hiding or first-per-paragraph treat them as one', () => {
    expect(mentionKey(short)).toBe(mentionKey(full));
    expect(mentionKey(other)).not.toBe(mentionKey(full));
  });

  it('has nothing to say of a known entity', () => {
    expect(unknownActorView({ ...full, unknown: undefined, entityId: 'wd:Q1' } as PageMention, shown)).toBeUndefined();
  });
});
