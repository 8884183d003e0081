import type { CaseRule, DatedFact, Entity, EntityKind } from '../pack/types';
import { AutomatonBuilder, type FrozenAutomaton } from './automaton';
import { foldText } from './fold';
import { packVariants, type VariantTable } from './variant-table';

/** What the matcher and linker need to know of an entity; the rest stays in the knowledge base. */
export interface IndexedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  prior: number;
  /** Folded context words; a term is annotated only where one of them occurs in the article. */
  context?: string[];
  related?: string[];
  /** Role labels and dates, for cues ("President …") and for fitting the article's date. */
  roles?: Pick<DatedFact, 'label' | 'from' | 'to'>[];
  /** Ids of the countries the entity belongs to (itself, for a country): the article's country context. */
  countries?: string[];
}

export interface AliasVariant {
  entity: number;
  text: string;
  rule: CaseRule;
  /**
   * The language (primary subtag, "fr") of the pages on which this alias counts; absent: every page. See
   * aliasesOf.
   */
  lang?: string;
}

export interface MatchIndex {
  automaton: FrozenAutomaton;
  /** Output group → the aliases that fold to it, one per entity and spelling (see variantsOf). */
  variants: VariantTable;
  entities: IndexedEntity[];
}

const ACRONYM_RE = /^[\p{Lu}\p{N}.&-]{2,6}$/u;

/** The case rule an alias gets when its author did not choose one. */
export function defaultCaseRule(text: string, kind: EntityKind): CaseRule {
  if (ACRONYM_RE.test(text) && /\p{Lu}/u.test(text)) return 'exact';
  return kind === 'term' ? 'any' : 'capitalized';
}

/** The primary language subtag of a BCP 47 tag ("pt-BR" → "pt"), lower case; "" for none. */
export function primaryLanguage(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split(/[-_]/)[0]!;
}

/**
 * The language whose pages an alias written in `lang` counts on, or undefined for every page (English and
 * unmarked names). A name counts only on pages in its own language: French "Alger" is Algiers on a French
 * page but a surname on an English one ("Alger Hiss"), and Portuguese "CPI" is the International Criminal
 * Court in Spanish news but a parliamentary inquiry in Brazilian news.
 */
function confinedTo(lang: string | undefined): string | undefined {
  const primary = primaryLanguage(lang);
  return primary === '' || primary === 'en' ? undefined : primary;
}

/**
 * Kinds whose names in other languages count on English pages too: English news writes "Deutschland",
 * "Éire" or "Hellas" for the country, and the pack build keeps only country names that are long enough and
 * no other entity's. A city's or a person's name in another language is more often a name or a word in
 * English ("Riad", "Alger").
 */
const NAMES_COUNT_EVERYWHERE: ReadonlySet<EntityKind> = new Set(['country', 'territory']);

/** Every alias of an entity, its name first. */
export function aliasesOf(e: Pick<Entity, 'name' | 'alternateName' | 'kind'>): AliasVariantSource[] {
  const out: AliasVariantSource[] = [{ text: e.name, rule: defaultCaseRule(e.name, e.kind) }];
  const everywhere = NAMES_COUNT_EVERYWHERE.has(e.kind);
  for (const a of e.alternateName ?? []) {
    const lang = everywhere ? undefined : confinedTo(a.lang);
    out.push({ text: a.text, rule: a.case ?? defaultCaseRule(a.text, e.kind), ...(lang ? { lang } : {}) });
  }
  return out;
}
export interface AliasVariantSource {
  text: string;
  rule: CaseRule;
  lang?: string;
}

/**
 * Entities one folded alias may stand for in the matcher. Each pack may give at most 20 (lib/pack/alias-rules.ts);
 * this bounds the sum over packs, so a mention's candidates stay few whatever the reader subscribes to.
 * Callers order entities so that those that must keep working (the built-in packs') come first.
 */
export const MAX_CANDIDATES_PER_ALIAS = 64;

export function buildMatchIndex(entities: readonly Entity[]): MatchIndex {
  const countryIds = new Set(entities.filter((e) => e.kind === 'country').map((e) => e.id));
  const builder = new AutomatonBuilder();
  const groups: AliasVariant[][] = [];
  const indexed: IndexedEntity[] = [];
  entities.forEach((e, idx) => {
    const item: IndexedEntity = { id: e.id, kind: e.kind, name: e.name, prior: e.prior ?? 0.5 };
    if (e.context) item.context = e.context.anyOf.map(foldText);
    if (e.related?.length) item.related = e.related;
    if (e.roles?.length)
      item.roles = e.roles.map(({ label, from, to }) => ({ label, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
    const countries = e.kind === 'country' ? [e.id] : (e.related ?? []).filter((r) => countryIds.has(r));
    if (countries.length) item.countries = countries;
    indexed.push(item);
    const seen = new Set<string>();
    for (const alias of aliasesOf(e)) {
      const folded = foldText(alias.text);
      const key = `${folded}\u0000${alias.text}\u0000${alias.rule}\u0000${alias.lang ?? ''}`;
      if (folded === '' || seen.has(key)) continue;
      seen.add(key);
      const node = builder.insert(folded);
      let group = builder.getOutput(node);
      if (group < 0) {
        group = groups.length;
        groups.push([]);
        builder.setOutput(node, group);
      }
      if (groups[group]!.length >= MAX_CANDIDATES_PER_ALIAS) continue;
      groups[group]!.push({ entity: idx, text: alias.text, rule: alias.rule, ...(alias.lang ? { lang: alias.lang } : {}) });
    }
  });
  return { automaton: builder.freeze(), variants: packVariants(groups), entities: indexed };
}
