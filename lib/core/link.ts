import { foldText } from './fold';
import type { IndexedEntity } from './match-index';
import { countryEvidence, fitsCountry, fitsDate, institutionCountries, isGenericName, leadingCountries } from './article-context';
import { heldOn } from './roles-as-of';
import { acronymFitsArticle, countryCodeEndsName, isAcronym, partOfSomethingElse, regionAfterPlace } from './link-guards';

/** A span whose candidates are still to be chosen. */
export interface Candidates {
  start: number;
  end: number;
  block: number;
  entities: number[];
}

export interface Linked {
  entity: number | null;
  score: number;
  runnerUp: number;
  /** No candidate fits the article (its country or date): the span is no mention of a known entity. */
  unfit?: boolean;
}

/** Candidates closer than this are reported as ambiguous rather than guessed. */
const AMBIGUITY_MARGIN = 0.1;

/** Words that, just before a name, say what kind of actor it is. */
const TITLE_CUES = [
  'president',
  'prime minister',
  'premier',
  'chancellor',
  'king',
  'queen',
  'emir',
  'sultan',
  'crown prince',
  'prince',
  'minister',
  'secretary',
  'senator',
  'governor',
  'mayor',
  'general',
  'envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'leader',
  'pope',
  'ayatollah',
  'sheikh',
];
const PLACE_CUES = ['in', 'from', 'to', 'into', 'across', 'near', 'visit', 'visited', 'visits'];

function cueBefore(text: string, start: number): { title: string | null; place: boolean } {
  const before = foldText(text.slice(Math.max(0, start - 40), start));
  const title = TITLE_CUES.find((cue) => before.endsWith(` ${cue}`) || before === cue) ?? null;
  const lastWord =
    before
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .at(-1) ?? '';
  return { title, place: PLACE_CUES.includes(lastWord) };
}

/** The countries of a place named unambiguously right before ", " and this span ("Atlanta, Georgia"). */
function placeBefore(spans: readonly Candidates[], k: number, text: string, entities: readonly IndexedEntity[]): string[] {
  const prev = spans[k - 1];
  const s = spans[k]!;
  if (!prev || prev.block !== s.block || prev.entities.length !== 1 || text.slice(prev.end, s.start) !== ', ') return [];
  const e = entities[prev.entities[0]!]!;
  return e.kind === 'place' ? (e.countries ?? []) : [];
}

export interface LinkContext {
  blocks: readonly string[];
  /** YYYY-MM-DD of the article, when known. */
  date?: string;
  /**
   * Country entities the article names in other ways than a mention (demonyms: demonymEvidence), once per
   * occurrence; asked for only where a choice depends on the article's country.
   */
  countryEvidence?: () => readonly number[];
  /** The country written right before spans[k] ("Mexico's Senate": localCountry), asked for generic names only. */
  localCountry?: (k: number) => number | null;
  /** Told how much evidence the article gives of each country (countryEvidence), once the links are chosen. */
  onCountries?: (counts: ReadonlyMap<string, number>) => void;
}

/**
 * Chooses an entity for every span. Candidates that do not fit the article (its country for a generic name,
 * its date for a dated body: fitsCountry, fitsDate) go first; among the rest: prior, then evidence from the page
 * (related entities named unambiguously elsewhere, the countries the article is about), the words just
 * before the name, and whether the entity's roles fit the article's date. Too close to call: ambiguous.
 */
export function link(entities: readonly IndexedEntity[], spans: readonly Candidates[], ctx: LinkContext): Linked[] {
  // Entities named unambiguously somewhere on the page, and what they are related to.
  const anchors = new Set<string>();
  const anchorIndexes: number[] = [];
  const relatedToAnchor = new Set<string>();
  const surfaces = spans.map((s) => ctx.blocks[s.block]!.slice(s.start, s.end));
  const generic = surfaces.map(isGenericName);
  const acronym = surfaces.map(isAcronym);
  // Acronyms are no evidence of their own country either: "(PNA)" does not make an article Palestinian.
  const nonAcronymAnchors: number[] = [];
  // Where each entity is first named unambiguously by a name of its own (not a generic one).
  const namedAt = new Map<number, number>();
  spans.forEach((s, k) => {
    if (s.entities.length !== 1) return;
    const e = entities[s.entities[0]!]!;
    if (!generic[k] && !namedAt.has(s.entities[0]!)) namedAt.set(s.entities[0]!, k);
    anchors.add(e.id);
    // A generic name ("Democratic Party") is no evidence of its own country: that is what is in question.
    if (!generic[k]) anchorIndexes.push(s.entities[0]!);
    if (!generic[k] && !acronym[k]) nonAcronymAnchors.push(s.entities[0]!);
    for (const r of e.related ?? []) relatedToAnchor.add(r);
  });
  const needsCountry = spans.some(
    (s, k) => s.entities.length > 1 || generic[k] || (acronym[k] && s.entities.some((i) => entities[i]!.countries)),
  );
  for (const i of needsCountry && ctx.countryEvidence ? ctx.countryEvidence() : []) {
    anchors.add(entities[i]!.id);
    anchorIndexes.push(i);
    nonAcronymAnchors.push(i);
  }
  const countries = countryEvidence(entities, anchorIndexes);
  const shown = new Set(countryEvidence(entities, nonAcronymAnchors).keys());
  const leading = leadingCountries(countries);
  const most = Math.max(1, ...countries.values());
  ctx.onCountries?.(countries);

  return spans.map((s, k) => {
    const text = ctx.blocks[s.block]!;
    // "Mexico's Senate" is Mexico's, whatever the article is most about; no Mexican senate known, no link.
    const local = generic[k] && ctx.localCountry ? ctx.localCountry(k) : null;
    const inCountry = (i: number) => {
      if (!generic[k]) return true;
      const own = institutionCountries(entities[i]!, entities);
      return local === null ? fitsCountry(own, true, leading) : !!own?.includes(entities[local]!.id);
    };
    // "The United States Department of Justice said … the Justice Department's efforts": a generic name of a
    // body the article itself named in full before it is that body, whatever country the article is most about,
    // where no body of that country is a candidate.
    const namedEarlier = (i: number) => local === null && (namedAt.get(i) ?? k) < k;
    const ofCountry = s.entities.filter(inCountry);
    const prev = spans[k - 1];
    const prevEntity = prev?.block === s.block && prev.entities.length === 1 ? entities[prev.entities[0]!] : undefined;
    const gap = prev?.block === s.block ? text.slice(prev.end, s.start) : '';
    const candidates = s.entities.map((i) => entities[i]!);
    if (
      partOfSomethingElse(text, s.start, s.end, candidates) ||
      countryCodeEndsName(prevEntity?.kind, gap, surfaces[k]!) ||
      regionAfterPlace(prevEntity, gap, candidates, text.slice(s.end, s.end + 12))
    )
      return { entity: null, score: 0, runnerUp: 0, unfit: true };
    const inArticle = (i: number) => !acronym[k] || acronymFitsArticle(entities[i]!, shown);
    const fitting = fitsDate(
      (ofCountry.length > 0 ? ofCountry : s.entities.filter(namedEarlier)).filter(inArticle),
      entities,
      ctx.date,
    );
    if (fitting.length === 0) return { entity: null, score: 0, runnerUp: 0, unfit: true };
    if (fitting.length === 1) return { entity: fitting[0]!, score: 1, runnerUp: 0 };
    const cue = cueBefore(text, s.start);
    const within = placeBefore(spans, k, text, entities);
    const scored = fitting
      .map((i) => {
        const e = entities[i]!;
        let score = e.prior;
        if (relatedToAnchor.has(e.id) || e.related?.some((r) => anchors.has(r))) score += 0.3;
        // The article's country context: more for the country it is most about.
        const tie = Math.max(0, ...(e.countries ?? []).map((c) => countries.get(c) ?? 0));
        score += (0.3 * tie) / most;
        if (cue.title) {
          if (e.kind === 'person') score += e.roles?.some((r) => foldText(r.label).includes(cue.title!)) ? 0.4 : 0.2;
          else score -= 0.2;
        }
        if (cue.place && (e.kind === 'country' || e.kind === 'territory' || e.kind === 'place')) score += 0.15;
        if (ctx.date && e.roles?.some((r) => heldOn(r, ctx.date!))) score += 0.15;
        // "Atlanta, Georgia": the region of the country the place before the comma is in.
        if (within.length > 0 && e.countries?.some((c) => within.includes(c))) score += 0.6;
        return { i, score };
      })
      .sort((a, b) => b.score - a.score);
    const best = scored[0]!;
    const second = scored[1]!;
    return best.score - second.score < AMBIGUITY_MARGIN
      ? { entity: null, score: best.score, runnerUp: second.score }
      : { entity: best.i, score: best.score, runnerUp: second.score };
  });
}
