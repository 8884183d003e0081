/** Pack format v1: what a pack author writes. See docs/pack-format.md. */

export const ENTITY_KINDS = [
  'person',
  'organization',
  'armed-group',
  'government-body',
  'country',
  'territory',
  'place',
  'event',
  'term',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * How an alias must be written in the text to count:
 * - `exact`: same letters and case (acronyms: "UN", "IS").
 * - `capitalized`: every word starts with a capital, or is all capitals ("Jordan", "JORDAN", not "jordan").
 * - `any`: case is ignored (terms: "ethnic cleansing").
 */
export type CaseRule = 'exact' | 'capitalized' | 'any';

export interface Alias {
  text: string;
  lang?: string;
  case?: CaseRule;
}

/** A dated role or fact. Dates are ISO 8601 with the precision known: "2022", "2022-12", "2022-12-29". */
export interface DatedFact {
  label: string;
  from?: string;
  to?: string;
  source?: string;
  /**
   * The day (YYYY-MM-DD) the fact was last confirmed; absent means the pack's `asOf`. Past that day Gloss
   * never presents the role as current: it says "as of <date>".
   */
  confirmed?: string;
}

export interface Links {
  wikipedia?: string;
  wikidata?: string;
  official?: string;
}

/** A term is annotated only where the article also contains one of these words or phrases. */
interface ContextRule {
  anyOf: string[];
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  alternateName?: Alias[];
  description: string;
  /**
   * Two or three sentences for the card, past the one-line `description`: who or what this is and why the
   * news names it. Plain text.
   */
  summary?: string;
  /**
   * The page the summary is adapted from, when it is. An English Wikipedia article makes the card say
   * "adapted from English Wikipedia (CC BY-SA 4.0)" with a link to it.
   */
  summarySource?: string;
  roles?: DatedFact[];
  facts?: DatedFact[];
  links?: Links;
  sameAs?: string[];
  image?: string;
  related?: string[];
  context?: ContextRule;
  story?: string;
  /** URLs a reader can open to check what the entity says. At least one. */
  sources: string[];
  /** How likely this entity is, among those sharing an alias (0..1). */
  prior?: number;
}

export interface PackMeta {
  format: 1;
  id: string;
  name: string;
  version: string;
  license: string;
  attribution: string;
  homepage?: string;
  /** The date the pack's facts are "as of" (ISO date). */
  asOf: string;
  description?: string;
}

export interface Pack extends PackMeta {
  entities: Entity[];
}
