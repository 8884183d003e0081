/**
 * Addresses of Gloss's own pages with what they should show, and reading them back. The context menu
 * builds them, the popup and the options page read them; the tests open them directly.
 */

/** Longest selection taken from a page: a name, not a paragraph. */
export const MAX_SELECTION = 200;

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
export const OPTIONS_SECTIONS: readonly OptionsSection[] = ['sources', 'sites', 'display', 'notes', 'data', 'about'];

/** Element ids apart from the hash names, so a section's own ids (SourcesSection's) can never clash. */
export const sectionId = (section: OptionsSection) => `section-${section}`;

export type OptionsRoute =
  | { section: OptionsSection }
  /** Add an entity of one's own, its name filled in. */
  | { section: 'notes'; add: string }
  /** Write a note on an entity. */
  | { section: 'notes'; note: string };

/** `options.html#add?name=…`, `#note?entity=…` or a section's name. */
export function optionsHash(route: OptionsRoute): string {
  if ('add' in route) return `#add?name=${encodeURIComponent(route.add)}`;
  if ('note' in route) return `#note?entity=${encodeURIComponent(route.note)}`;
  return `#${route.section}`;
}

export function readOptionsHash(hash: string): OptionsRoute | null {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  if (path === 'add') return { section: 'notes', add: cleanSelection(params.get('name') ?? '') };
  if (path === 'note' && params.get('entity')) return { section: 'notes', note: params.get('entity')! };
  return (OPTIONS_SECTIONS as readonly string[]).includes(path) ? { section: path as OptionsSection } : null;
}
