import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import type { EntityView } from '../../lib/messaging/protocol';
import { renderInto } from './support/render';

/** Renders a card into a linkedom document and returns its element. */
const renderCard = (entity: EntityView): HTMLElement => renderInto(<EntityCard entity={entity} />);

const base: EntityView = {
  id: 'wd:Q1',
  kind: 'organization',
  name: 'Example Org',
  description: 'From the first source.',
  aliases: [],
  sources: ['https://example.org/a'],
  sourceIds: ['first'],
} as unknown as EntityView;

describe('EntityCard', () => {
  it('shows what the other sources say of an entity (lib/kb/merge-variants.ts keeps it in alternatives)', () => {
    const card = renderCard({
      ...base,
      alternatives: [
        { sourceId: 'second', sourceName: 'Second pack', name: 'Example Organisation', description: 'From the second.' },
      ],
    } as EntityView);
    const details = card.querySelector('details.gloss-alternatives');
    expect(details?.textContent).toContain('Also described by Second pack');
    expect(details?.textContent).toContain('Example Organisation — From the second.');
  });

  it('shows no alternatives block when one source describes the entity', () => {
    expect(renderCard(base).querySelector('details.gloss-alternatives')).toBeNull();
  });
});

/** Renders a card for an article of `articleDate`, read on `today`, and returns its text. */
function cardText(entity: EntityView, articleDate: string | undefined, today: string): string {
  const root = renderInto(<EntityCard entity={entity} articleDate={articleDate} today={today} />);
  return (root.textContent ?? '').replace(/\s+/g, ' ');
}

const g = globalThis as { chrome?: unknown };

/** A browser in the given interface language whose `_locales` hold `messages` (others fall back to English). */
function withLocale(lang: string, messages: Record<string, string> = {}) {
  g.chrome = {
    i18n: {
      getUILanguage: () => lang,
      getMessage: (key: string, subs?: string[]) =>
        messages[key] === undefined ? '' : (subs ?? []).reduce((s, v, i) => s.replace(`$${i + 1}`, v), messages[key]),
    },
  };
}

describe('EntityCard roles', () => {
  // The dates below are written as a British English interface writes them.
  beforeEach(() => withLocale('en-GB'));
  afterEach(() => delete g.chrome);
  const person = {
    ...base,
    kind: 'person',
    name: 'Ana Example',
    roles: [
      { label: 'President of Exampleland', from: '2017-01-20', to: '2021-01-20', confirmed: '2025-02-03' },
      { label: 'President of Exampleland', from: '2025-01-20', confirmed: '2025-02-03' },
    ],
  } as EntityView;

  it('never presents a role as current past its confirmed day: it says "as of"', () => {
    const text = cardText(person, '2025-01-25', '2026-12-07');
    expect(text).toContain('Now');
    expect(text).toContain('President of Exampleland since 20 January 2025, as of 3 February 2025');
    const plain = cardText(person, undefined, '2026-12-07');
    expect(plain).toContain('President of Exampleland since 20 January 2025, as of 3 February 2025');
    expect(cardText(person, undefined, '2025-02-01')).not.toContain('as of');
  });

  it('shows on an article between two terms the most recent role before it, next to today\u2019s', () => {
    const text = cardText(person, '2023-06-01', '2025-02-01');
    expect(text).toContain('Then (1 June 2023)');
    expect(text).toContain('the most recent before it');
    expect(text).toContain('President of Exampleland 20 January 2017 – 20 January 2021');
    expect(text).toContain('President of Exampleland since 20 January 2025');
  });

  it('shows the role held on the article\u2019s day of 2018', () => {
    const text = cardText(person, '2018-05-01', '2025-02-01');
    expect(text).toContain('Then (1 May 2018)');
    expect(text).not.toContain('the most recent before it');
  });

  it('writes dates in the interface language, at their recorded precision (American English)', () => {
    withLocale('en-US');
    const text = cardText(person, '2023-06-01', '2025-02-01');
    expect(text).toContain('Then (June 1, 2023)');
    expect(text).toContain('President of Exampleland January 20, 2017 – January 20, 2021');
    expect(
      cardText({ ...person, roles: [{ label: 'Chair', from: '2019-05' }] } as EntityView, '2023-06-01', '2025-02-01'),
    ).toContain('Chair since May 2019');
  });

  it('writes "since", "as of" and month names in the reader\u2019s language, from _locales and Intl', () => {
    withLocale('fr', {
      card_thenOn: 'Alors ($1)',
      card_now: 'Maintenant',
      role_since: '$1 depuis le $2',
      role_asOf: '$1, au $2',
      role_spanSpaced: '$1 du $2 au $3',
    });
    const text = cardText(person, '2023-06-01', '2026-12-07');
    expect(text).toContain('Alors (1 juin 2023)');
    expect(text).toContain('President of Exampleland du 20 janvier 2017 au 20 janvier 2021');
    expect(text).toContain('President of Exampleland depuis le 20 janvier 2025, au 3 février 2025');
    expect(text).not.toMatch(/January|February|since|as of/);
  });

  it('says "Sources" only over links: an entity without one shows no "Sources:" line with nothing after it', () => {
    const card = renderCard({ ...base, sources: [] } as unknown as EntityView);
    expect(card.textContent).not.toMatch(/Sources:/);
    expect(card.querySelector('footer.gloss-sources')).toBeNull();
  });
});

/** Renders the hover card's compact form and returns its root. */
function renderCompact(entity: EntityView, extra: Partial<Parameters<typeof EntityCard>[0]> = {}) {
  return renderInto(<EntityCard entity={entity} articleDate="2025-02-04" today="2025-02-04" compact {...extra} />);
}

const words = (s: string | null) => (s ?? '').split(/\s+/).filter(Boolean).length;

describe('EntityCard, compact (the hover card)', () => {
  beforeEach(() => withLocale('en-GB'));
  afterEach(() => delete g.chrome);
  const leader = {
    ...base,
    kind: 'person',
    name: 'Ana Example',
    description: 'Exampleland politician, president since 2025.',
    summary:
      'Ana Example is an Exampleland politician who has been president since January 2025. She was president from 2017 to 2021. She leads the Example Party.',
    summarySource: 'https://en.wikipedia.org/wiki/Ana_Example',
    roles: [
      { label: 'Mayor of Example City', from: '2009', to: '2016' },
      { label: 'President of Exampleland', from: '2017-01-20', to: '2021-01-20' },
      { label: 'President of Exampleland', from: '2025-01-20' },
    ],
  } as EntityView;

  it('shows the summary with its credit, country and party, and the role of the day; "More" holds the rest', () => {
    const card = renderCompact(leader, { affiliations: { country: 'Exampleland', party: 'Example Party' } });
    const text = card.textContent ?? '';
    expect(text).toContain('She leads the Example Party.');
    expect(text).toContain('Adapted from English Wikipedia (CC BY-SA 4.0)');
    expect(card.querySelector('.gloss-credit a')?.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Ana_Example');
    expect(text).toContain('Country: Exampleland · Party: Example Party');
    expect(text).toContain('President of Exampleland since 20 January 2025');
    // The older roles and the one-line description wait behind "More".
    expect(text).not.toContain('Mayor of Example City');
    expect(text).not.toContain('president since 2025.');
    const more = card.querySelector('button.gloss-more')!;
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(words(text)).toBeLessThanOrEqual(80);
  });

  it('credits no one when the pack gives no summary source, and no summary falls back to the description', () => {
    const plain = renderCompact({ ...leader, summarySource: undefined } as EntityView);
    expect(plain.textContent).not.toContain('Adapted from');
    const none = renderCompact({ ...leader, summary: undefined } as EntityView);
    expect(none.textContent).toContain('Exampleland politician, president since 2025.');
    expect(none.textContent).not.toContain('Adapted from');
  });

  it('is the whole card outside the hover card (popup, options): no "More"', () => {
    expect(renderCard(leader).querySelector('button.gloss-more')).toBeNull();
    expect(renderCard(leader).textContent).toContain('Mayor of Example City');
  });
});

describe('the sources’ link words', () => {
  it('name the page as well where two links go to the same site, and list a link once', () => {
    const card = renderCard({
      ...base,
      sources: [
        'https://en.wikipedia.org/wiki/Benjamin_Netanyahu',
        'https://www.wikidata.org/wiki/Q43723',
        'https://en.wikipedia.org/wiki/List_of_prime_ministers_of_Israel',
        'https://www.wikidata.org/wiki/Q43723',
      ],
    } as unknown as EntityView);
    const words = [...card.querySelectorAll('footer a')].map((a) => a.textContent);
    expect(words).toEqual([
      'en.wikipedia.org: Benjamin Netanyahu',
      'wikidata.org',
      'en.wikipedia.org: List of prime ministers of Israel',
    ]);
  });
});
