import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EntityCard } from '../../components/EntityCard';
import type { EntityView } from '../../lib/messaging/protocol';

/** Renders a card into a linkedom document and returns its text and element. */
function renderCard(entity: EntityView): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const g = globalThis as { document?: unknown };
  const previous = g.document;
  g.document = document;
  try {
    const root = document.getElementById('root')!;
    render(<EntityCard entity={entity} />, root);
    return root as unknown as HTMLElement;
  } finally {
    g.document = previous;
  }
}

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
