import type { EntityKind } from '../pack/types';
import { HIGHLIGHT_PREFIX } from './highlighter';

const KIND_COLOURS: Record<EntityKind, string> = {
  person: '#1a73e8',
  organization: '#8e24aa',
  'armed-group': '#c62828',
  'government-body': '#6a1b9a',
  country: '#2e7d32',
  territory: '#2e7d32',
  place: '#00897b',
  event: '#ef6c00',
  term: '#f9a825',
};

/** CSS for the highlights: a subtle dotted underline per kind; system colours in forced-colors mode. */
export function highlightCss(): string {
  const rules = Object.entries(KIND_COLOURS).map(
    ([kind, colour]) =>
      `::highlight(${HIGHLIGHT_PREFIX}${kind}) { text-decoration: underline dotted ${colour}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
  );
  rules.push(`::highlight(gloss-flash) { background-color: rgba(255, 213, 79, 0.6); }`);
  rules.push(
    `@media (forced-colors: active) { ${Object.keys(KIND_COLOURS)
      .map((k) => `::highlight(${HIGHLIGHT_PREFIX}${k}) { text-decoration-color: LinkText; }`)
      .join(' ')} }`,
  );
  return rules.join('\n');
}
