import { describe, expect, it } from 'vitest';
import { HoverCard, type CardActions } from '../../entrypoints/content/card/HoverCard';
import type { CardData } from '../../entrypoints/content/card/fetch-data';
import type { UnknownActorView } from '../../entrypoints/content/card/unknown-actor-view';
import type { PageMention } from '../../lib/page/highlighter';
import { renderInto } from './support/render';

const mention = {
  surface: 'Hicks',
  name: 'Hicks',
  entityId: null,
  kind: 'person',
  candidates: [],
  paragraph: {} as Element,
  range: {} as Range,
  unknown: { actor: 'vanessa hicks', descriptors: [] },
} as PageMention;

const view = (change: Partial<UnknownActorView> = {}): UnknownActorView => ({
  name: 'Vanessa Hicks',
  descriptors: ['photographer and Navy veteran', 'served in the Navy for ten years'],
  mentions: 3,
  position: 2,
  focusNext: false,
  lookupOn: false,
  ...change,
});

const data = (unknownActor: UnknownActorView): CardData => ({
  mention,
  entity: null,
  note: null,
  sourceNotes: [],
  related: [],
  pageLang: 'en',
  unknownActor,
});

const actions = {} as CardActions;
const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent);

describe('the unknown actor card', () => {
  it('lists every descriptor, says how often and which mention this is, and offers the next one', () => {
    const root = renderInto(<HoverCard data={data(view())} actions={actions} />);
    expect([...root.querySelectorAll('.gloss-descriptors li')].map((li) => li.textContent)).toEqual([
      'photographer and Navy veteran',
      'served in the Navy for ten years',
    ]);
    expect(root.textContent).toContain('Mentioned 3 times on this page (this is mention 2).');
    expect(buttons(root)).toContain('Next mention');
    expect(root.querySelector('[data-focus-first]')).toBeNull();
  });

  it('after a jump, asks for focus on the jump; with one mention there is nothing to jump to', () => {
    expect(
      renderInto(<HoverCard data={data(view({ focusNext: true }))} actions={actions} />).querySelector('[data-focus-first]')
        ?.textContent,
    ).toBe('Next mention');
    const once = renderInto(<HoverCard data={data(view({ mentions: 1, position: 1, descriptors: [] }))} actions={actions} />);
    expect(once.textContent).toContain('Mentioned once on this page.');
    expect(buttons(once)).not.toContain('Next mention');
    expect(once.querySelector('.gloss-descriptors')).toBeNull();
  });

  it('offers a Wikidata lookup only when lookups are on, saying what it sends: the full name, and where', () => {
    const off = renderInto(<HoverCard data={data(view())} actions={actions} />);
    expect(buttons(off)).not.toContain('Look it up on Wikidata');
    expect(off.textContent).not.toContain('wikidata.org');
    const on = renderInto(<HoverCard data={data(view({ lookupOn: true }))} actions={actions} />);
    expect(buttons(on)).toContain('Look it up on Wikidata');
    expect(on.textContent).toContain(
      'Sends “Vanessa Hicks” and the languages to answer in (en) to www.wikidata.org; nothing else from this page.',
    );
  });
});
