import { safeHttpUrl } from '../core/safe-url';
import { ENTITY_KINDS, type EntityKind } from '../pack/types';

/**
 * Addresses of Gloss's own pages with what they should show, and reading them back. The context menu
 * builds them, the popup and the options page read them; the tests open them directly.
 */

/** Longest selection taken from a page: a name, not a paragraph. */
const MAX_SELECTION = 200;

export function cleanSelection(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
}

/** `popup.html?q=…&tab=…`: the popup opened in a tab searches `q` and reads "On this page" from `tab`. */
export function popupPath(opts: { query?: string; tabId?: number }): `/popup.html${string}` {
  const params = new URLSearchParams();
  if (opts.query) params.set('q', opts.query);
  if (opts.tabId !== undefined) params.set('tab', String(opts.tabId));
  const qs = params.toString();
  return `/popup.html${qs ? `?${qs}` : ''}`;
}

export function readPopupParams(search: string): { query: string; tabId: number | null } {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  return { query: params.get('q') ?? '', tabId: Number.isInteger(tab) && tab > 0 ? tab : null };
}

export type OptionsSection = 'sources' | 'sites' | 'display' | 'notes' | 'data' | 'about';
const OPTIONS_SECTIONS: readonly OptionsSection[] = ['sources', 'sites', 'display', 'notes', 'data', 'about'];

/** Element ids apart from the hash names, so a section's own ids (SourcesSection's) can never clash. */
export const sectionId = (section: OptionsSection) => `section-${section}`;

/** What a Wikidata lookup from a card fills into the "your own entity" form; the reader checks it and saves. */
export interface EntityPrefill {
  kind?: EntityKind;
  description?: string;
  /** Where the facts come from (the Wikidata item's page). */
  source?: string;
}

export type OptionsRoute =
  | { section: OptionsSection }
  /** Add an entity of one's own, its name (and, from a lookup, more) filled in. */
  | { section: 'notes'; add: string; prefill?: EntityPrefill }
  /** Write a note on an entity. */
  | { section: 'notes'; note: string };

/** Longest description carried in an address, as in the form. */
const MAX_PREFILL_DESCRIPTION = 1_000;

/** `options.html#add?name=…`, `#note?entity=…` or a section's name. */
export function optionsHash(route: OptionsRoute): string {
  if ('add' in route) {
    const params = new URLSearchParams({ name: route.add });
    const p = route.prefill ?? {};
    if (p.kind) params.set('kind', p.kind);
    if (p.description) params.set('description', p.description.slice(0, MAX_PREFILL_DESCRIPTION));
    if (p.source) params.set('source', p.source);
    return `#add?${params.toString()}`;
  }
  if ('note' in route) return `#note?entity=${encodeURIComponent(route.note)}`;
  return `#${route.section}`;
}

export function readOptionsHash(hash: string): OptionsRoute | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  if (path === 'add') {
    const prefill = readPrefill(params);
    return { section: 'notes', add: cleanSelection(params.get('name') ?? ''), ...(prefill && { prefill }) };
  }
  if (path === 'note' && params.get('entity')) return { section: 'notes', note: params.get('entity')! };
  return (OPTIONS_SECTIONS as readonly string[]).includes(path) ? { section: path as OptionsSection } : null;
}

/** Anyone can make such an address: each field is checked as the form would check it. */
function readPrefill(params: URLSearchParams): EntityPrefill | undefined {
  const kind = params.get('kind');
  const description = params.get('description')?.replace(/\s+/g, ' ').trim().slice(0, MAX_PREFILL_DESCRIPTION);
  const source = safeHttpUrl(params.get('source'));
  const prefill: EntityPrefill = {
    ...(kind && (ENTITY_KINDS as readonly string[]).includes(kind) && { kind: kind as EntityKind }),
    ...(description && { description }),
    ...(source && { source }),
  };
  return Object.keys(prefill).length > 0 ? prefill : undefined;
}
