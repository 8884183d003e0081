import { ENTITY_KINDS, type EntityKind } from '../pack/types';
import { randomName } from './page-names';

const KIND_HIGHLIGHTS = new Map<EntityKind, string>(ENTITY_KINDS.map((k) => [k, randomName()]));
const KIND_OF_HIGHLIGHT = new Map([...KIND_HIGHLIGHTS].map(([k, name]) => [name, k]));
/** Actors the knowledge base does not know, found by the article's own cues. */
const UNKNOWN_HIGHLIGHT = randomName();
/** The mention the keyboard walk is on. */
export const FOCUS_HIGHLIGHT = randomName();
/** A mention the popup asked to reveal. */
export const FLASH_HIGHLIGHT = randomName();

/** Every highlight name of this page, by what it marks: read by the content script's own stats (tests). */
export function highlightNames(): Record<EntityKind | 'unknown' | 'focus' | 'flash', string> {
  return {
    ...(Object.fromEntries(KIND_HIGHLIGHTS) as Record<EntityKind, string>),
    unknown: UNKNOWN_HIGHLIGHT,
    focus: FOCUS_HIGHLIGHT,
    flash: FLASH_HIGHLIGHT,
  };
}

export type PageTheme = 'light' | 'dark';
export type UnderlineStyle = 'dotted' | 'solid' | 'wavy';

/**
 * One colour per kind and page theme. Light colours are dark enough to read as a line on white (≥ 3:1),
 * dark ones light enough on near-black; kinds that share a meaning (country, territory) share a hue.
 */
const KIND_COLOURS: Record<EntityKind, Record<PageTheme, string>> = {
  person: { light: '#1a62c9', dark: '#8ab4f8' },
  organization: { light: '#8e24aa', dark: '#d7aefb' },
  'armed-group': { light: '#c62828', dark: '#f28b82' },
  'government-body': { light: '#6a1b9a', dark: '#c58af9' },
  country: { light: '#2e7d32', dark: '#81c995' },
  territory: { light: '#2e7d32', dark: '#81c995' },
  place: { light: '#00796b', dark: '#78d9ec' },
  event: { light: '#d84315', dark: '#fcad70' },
  term: { light: '#a05a00', dark: '#fdd663' },
};
const UNKNOWN_COLOUR: Record<PageTheme, string> = { light: '#80868b', dark: '#9aa0a6' };

/** How marks of a kind look, for the legend of the popup and the options (the same colours as on pages). */
export function markLook(
  kind: EntityKind | 'unknown',
  theme: PageTheme,
  underline: UnderlineStyle,
): { colour: string; style: string } {
  if (kind === 'unknown') return { colour: UNKNOWN_COLOUR[theme], style: 'dashed' };
  return { colour: KIND_COLOURS[kind][theme], style: underline };
}

export function highlightName(kind: EntityKind | 'unknown'): string {
  return kind === 'unknown' ? UNKNOWN_HIGHLIGHT : KIND_HIGHLIGHTS.get(kind)!;
}

/** The colour and line of a highlight name, for painters that draw lines themselves (the overlay). */
export function lineFor(name: string, theme: PageTheme, underline: UnderlineStyle): { colour: string; style: string } {
  if (name === UNKNOWN_HIGHLIGHT) return { colour: UNKNOWN_COLOUR[theme], style: 'dashed' };
  if (name === FOCUS_HIGHLIGHT || name === FLASH_HIGHLIGHT)
    return { colour: theme === 'dark' ? '#fdd663' : '#b06000', style: 'solid' };
  const kind = KIND_OF_HIGHLIGHT.get(name);
  const colour = (kind && KIND_COLOURS[kind][theme]) ?? UNKNOWN_COLOUR[theme];
  return { colour, style: underline === 'wavy' ? 'dotted' : underline };
}

/**
 * CSS for the highlights: a subtle underline per kind in the page's theme. Forced-colors mode (Windows
 * high contrast) ignores author colours, so there every mention takes the system's link colour and
 * the keyboard focus the system's selection colours.
 */
export function highlightCss(theme: PageTheme, underline: UnderlineStyle): string {
  const rules = (Object.keys(KIND_COLOURS) as EntityKind[]).map(
    (kind) =>
      `::highlight(${highlightName(kind)}) { text-decoration: underline ${underline} ${KIND_COLOURS[kind][theme]}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
  );
  rules.push(
    `::highlight(${UNKNOWN_HIGHLIGHT}) { text-decoration: underline dashed ${UNKNOWN_COLOUR[theme]}; text-decoration-thickness: 1px; text-underline-offset: 3px; }`,
    `::highlight(${FOCUS_HIGHLIGHT}) { background-color: ${theme === 'dark' ? 'rgba(253, 214, 99, 0.35)' : 'rgba(255, 213, 79, 0.55)'}; text-decoration: underline solid; text-decoration-thickness: 3px; }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: ${theme === 'dark' ? 'rgba(253, 214, 99, 0.35)' : 'rgba(255, 213, 79, 0.6)'}; }`,
    `@media (forced-colors: active) { ${[...Object.keys(KIND_COLOURS), 'unknown']
      .map((k) => `::highlight(${highlightName(k as EntityKind)}) { text-decoration-color: LinkText; }`)
      .join(
        ' ',
      )} ::highlight(${FOCUS_HIGHLIGHT}), ::highlight(${FLASH_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; } }`,
  );
  return rules.join('\n');
}
