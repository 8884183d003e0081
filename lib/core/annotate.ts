import type { EntityKind } from '../pack/types';
import { fitsCaseRule } from './case-rule';
import { foldText } from './fold';
import { link, type Candidates } from './link';
import { primaryLanguage, type MatchIndex } from './match-index';
import { scan } from './scan';
import { variantRule } from './variant-table';
import { dropNestedInNames } from './nested-names';
import { dropTermsInNames } from './terms-in-names';
import { bindShortForms, surnamesOverPlaces } from './short-forms';
import { demonymEvidence } from './demonyms';
import { localCountry } from './local-country';
import { splitCountryPossessives } from './possessive-owner';
import { platformMentions } from './platform-cues';
import { readsNames } from './names/article-names';
import { personVariants } from './name-variants';
import { clearCountry, countryBodies } from './country-bodies';

export interface Mention {
  start: number;
  end: number;
  surface: string;
  /** The linked entity, or null where the candidates are too close to call. */
  entityId: string | null;
  kind: EntityKind;
  name: string;
  candidates: string[];
  confidence: number;
}

export interface AnnotateOptions {
  /** The article's date (YYYY-MM-DD), to prefer entities whose roles fit it. */
  date?: string;
  /**
   * The proper names of each block (findArticleNames): an alias strictly inside a longer name is then
   * not a mention of its own. Without them, every alias that fits is a mention.
   */
  names?: readonly (readonly { start: number; end: number }[])[];
  /**
   * The page's declared language. An alias with a language (AliasVariant.lang) counts only on a page in that
   * language; a page that declares none is read as English (readsNames).
   */
  lang?: string | null;
}

/** Spans of one block whose aliases fit their case rules and context, longest first, no overlaps. */
function findSpans(
  index: MatchIndex,
  text: string,
  block: number,
  contextHolds: (e: number) => boolean,
  pageLang: string,
): Candidates[] {
  const spans: Candidates[] = [];
  const t = index.variants;
  let covered = 0;
  for (const raw of scan(index, text)) {
    if (raw.start < covered) continue;
    for (let k = raw.ends.length - 1; k >= 0; k--) {
      const end = raw.ends[k]!;
      const group = raw.groups[k]!;
      // Read from the variant table in place (variantsOf made an object per alias): each entity once, in the
      // order of its first fitting alias.
      let surface: string | undefined;
      const entities: number[] = [];
      for (let v = t.groupStart[group]!; v < t.groupStart[group + 1]!; v++) {
        const entity = t.entity[v]!;
        const lang = t.lang[v]!;
        if ((lang !== 0 && t.langs[lang - 1] !== pageLang) || entities.includes(entity)) continue;
        const rule = variantRule(t, v);
        if (rule !== 'any') {
          surface ??= text.slice(raw.start, end);
          if (!fitsCaseRule(surface, t.text.slice(t.textStart[v]!, t.textStart[v + 1]!), rule)) continue;
        }
        if (contextHolds(entity)) entities.push(entity);
      }
      if (entities.length === 0) continue;
      spans.push({ start: raw.start, end, block, entities });
      covered = end;
      break;
    }
  }
  return spans;
}

/**
 * Finds and links every known mention in an article given as blocks of text (paragraphs). Offsets
 * are per block. Document-level evidence (context rules, related entities, short forms of names seen
 * in full) is drawn from all blocks together.
 */
export function annotateBlocks(index: MatchIndex, blocks: readonly string[], options: AnnotateOptions = {}): Mention[][] {
  let foldedArticle: string | undefined;
  // Asked once per entity and article: an entity's aliases match many times in one article, and a stored
  // matcher's entities are read through a Proxy (index-store), which costs.
  const holds = new Map<number, boolean>();
  const contextHolds = (i: number): boolean => {
    let answer = holds.get(i);
    if (answer === undefined) {
      const e = index.entities[i]!;
      if (e.context) foldedArticle ??= foldText(blocks.join('\n'));
      answer = !e.context || e.context.some((w) => foldedArticle!.includes(w));
      holds.set(i, answer);
    }
    return answer;
  };
  const pageLang = readsNames(options.lang) ? 'en' : primaryLanguage(options.lang);
  const spansIn = (text: string, block: number) => findSpans(index, text, block, contextHolds, pageLang);
  const found = splitCountryPossessives(blocks.flatMap(spansIn), blocks, index.entities, spansIn);
  const spans = dropTermsInNames(
    options.names ? dropNestedInNames(found, options.names, blocks, index.entities) : found,
    blocks,
    index.entities,
  );
  // The one country the article is clearly about, if any (clearCountry), as the linker weighed it.
  let country: string | null = null;
  const links = link(index.entities, spans, {
    blocks,
    ...(options.date ? { date: options.date } : {}),
    countryEvidence: () => demonymEvidence(index, blocks),
    localCountry: (k) => localCountry(index, spans, blocks, k),
    onCountries: (counts) => (country = clearCountry(counts)),
  });

  const out: Mention[][] = blocks.map(() => []);
  const linkedSpans: { block: number; start: number; end: number; entity: number }[] = [];
  spans.forEach((s, i) => {
    const l = links[i]!;
    // No candidate fits the article: not a mention of the knowledge base (the name finder may still mark it).
    if (l.unfit) return;
    const shown = index.entities[l.entity ?? s.entities[0]!]!;
    if (l.entity !== null) linkedSpans.push({ block: s.block, start: s.start, end: s.end, entity: l.entity });
    out[s.block]!.push({
      start: s.start,
      end: s.end,
      surface: blocks[s.block]!.slice(s.start, s.end),
      entityId: l.entity === null ? null : shown.id,
      kind: shown.kind,
      name: shown.name,
      candidates: s.entities.map((e) => index.entities[e]!.id),
      confidence: s.entities.length === 1 ? 1 : Math.min(1, Math.max(0, 0.5 + l.score - l.runnerUp)),
    });
  });
  // A mention the page itself settles (a longer or shorter form of a name met on the page), not the linker.
  const bound = (s: { block: number; start: number; end: number; entity: number }): Mention => {
    const e = index.entities[s.entity]!;
    return {
      start: s.start,
      end: s.end,
      surface: blocks[s.block]!.slice(s.start, s.end),
      entityId: e.id,
      kind: e.kind,
      name: e.name,
      candidates: [e.id],
      confidence: 0.8,
    };
  };
  // "Bola Ahmed Tinubu" where the knowledge base has "Bola Tinubu": first, so that "Tinubu" binds after it.
  if (options.names) {
    const taken = (block: number, start: number, end: number) => out[block]!.some((m) => m.start < end && start < m.end);
    for (const s of personVariants(index, blocks, options.names, taken)) {
      linkedSpans.push(s);
      out[s.block]!.push(bound(s));
    }
    // "the Constitutional Court" in an article about Romania, where the knowledge base says "… of Romania".
    for (const s of countryBodies(index, blocks, options.names, taken, country)) out[s.block]!.push(bound(s));
  }
  // "Lloyd Austin … Austin said": the person, not the city.
  for (const s of surnamesOverPlaces(index.entities, blocks, linkedSpans)) {
    const at = out[s.block]!.findIndex((m) => m.start === s.start && m.end === s.end);
    out[s.block]![at] = bound(s);
  }
  const cued = platformMentions(index, blocks).filter((c) => !out[c.block]!.some((m) => m.start < c.end && c.start < m.end));
  for (const s of [...bindShortForms(index.entities, blocks, linkedSpans, options.names), ...cued]) out[s.block]!.push(bound(s));
  // Most blocks come out in order already (short forms are the exception): sorting those is pure cost.
  for (const list of out) if (!inOrder(list)) list.sort((a, b) => a.start - b.start);
  return out;
}

function inOrder(list: readonly Mention[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return false;
  return true;
}

/** Finds and links every known mention in one text. */
export function annotate(index: MatchIndex, text: string, options: AnnotateOptions = {}): Mention[] {
  return annotateBlocks(index, [text], options)[0]!;
}
