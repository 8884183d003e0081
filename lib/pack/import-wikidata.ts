// Longer than 300 lines: one conversion, Wikidata JSON to a checked pack entity; its helpers (labels, kinds, roles, dates, links) serve only it.
/**
 * Turns Wikidata entity JSON (as in a `wbgetentities` response) into pack entities.
 *
 * Choices worth knowing:
 * - Name and description come from the first of `lang` that has one; the name may also come from the
 *   language-neutral "mul" label, where Wikidata has been moving many names since 2024. No fallback to
 *   other languages: a card in a language the reader did not ask for is worse than no card.
 * - Kind: the first matching class in KIND_BY_CLASS (specific before general); otherwise an item with
 *   coordinates (P625) is a place, one with a headquarters (P159) an organization, and anything else a term.
 * - Roles keep the precision Wikidata states. A role whose end is "unknown value" is left out, since
 *   without an end date it would read as current.
 * - Every entity is run through validatePack before it is returned, so `ok` means "safe to put in a pack".
 */
import { aliasProblem } from './alias-rules';
import { WBK, simplify } from 'wikibase-sdk';
import type { Alias, DatedFact, Entity, EntityKind } from './types';
import { LIMITS, validatePack, type Problem } from './validate';

export const WIKIDATA_INSTANCE = 'https://www.wikidata.org';

export interface WikidataImportOptions {
  /** Reader languages in order of preference. Default ['en']. */
  lang?: string[];
  /** Label of another item (a position held), when the caller has fetched it. */
  labelsOf?: (id: string) => string | undefined;
}

export type WikidataEntityResult = { ok: true; entity: Entity } | { ok: false; problem: string };
export interface WikidataBatchResult {
  entities: Entity[];
  problems: Problem[];
}

const ITEM_RE = /^Q[1-9]\d*$/;
// Same rules as validate.ts: checked here so one odd alias is dropped instead of failing the entity.
const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const HTML_RE = /<\/?[a-z!][^>]*>/i;
const JULIAN = 'http://www.wikidata.org/entity/Q1985786';
// Lets us tell "end date unknown" (role is over) from "no end date" (role may be current).
const SOMEVALUE = '\u0000somevalue';
const PROPS = ['labels', 'descriptions', 'aliases', 'claims', 'sitelinks'] as const;

const KIND_BY_CLASS: ReadonlyArray<readonly [EntityKind, readonly string[]]> = [
  ['person', ['Q5']], // human
  // country, sovereign state, historical country, state
  ['country', ['Q6256', 'Q3624078', 'Q3024240', 'Q7275']],
  ['territory', ['Q161243', 'Q15239622']], // dependent territory, disputed territory
  ['armed-group', ['Q17149090', 'Q17127659']], // armed organization, terrorist organization
  // government agency, government organization, ministry, legislature, executive branch, government
  ['government-body', ['Q327333', 'Q2659904', 'Q192350', 'Q11204', 'Q35798', 'Q7188']],
  // organization, business, company, public company, political party, political organization,
  // nonprofit, international organization, intergovernmental organization
  ['organization', ['Q43229', 'Q4830453', 'Q783794', 'Q891723', 'Q7278', 'Q7210356', 'Q163740', 'Q484652', 'Q245065']],
  ['event', ['Q1656682', 'Q1190554', 'Q198', 'Q178561', 'Q40231']], // event, occurrence, war, battle, election
  ['place', ['Q515', 'Q486972', 'Q532', 'Q5119', 'Q82794']], // city, settlement, village, capital, region
];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const fail = (problem: string): WikidataEntityResult => ({ ok: false, problem });
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/** Converts one entity. Never throws: anything unusable comes back as a problem sentence. */
export function wikidataEntityToPackEntity(raw: unknown, opts: WikidataImportOptions = {}): WikidataEntityResult {
  try {
    return convert(raw, opts);
  } catch (e) {
    return fail(`could not read the entity: ${errText(e)}`);
  }
}

function convert(raw: unknown, opts: WikidataImportOptions): WikidataEntityResult {
  if (!isObj(raw)) return fail('a Wikidata entity must be a JSON object');
  const id = typeof raw.id === 'string' ? raw.id.slice(0, 40) : undefined;
  if ('missing' in raw) return fail(`${id ?? 'the entity'} does not exist on Wikidata (it was deleted or never created)`);
  if (id === undefined) return fail('the entity has no "id"');
  if (!ITEM_RE.test(id)) return fail(`${id} is not a Wikidata item; only items (Q…) can be explained`);
  if (raw.type !== undefined && raw.type !== 'item') return fail(`${id} is a ${String(raw.type).slice(0, 40)}, not an item`);
  for (const p of PROPS) {
    if (raw[p] !== undefined && !isObj(raw[p])) return fail(`${id}: "${p}" must be an object`);
  }
  const langs = opts.lang?.length ? opts.lang : ['en'];

  let labels: Obj, descriptions: Obj, aliases: Obj, sitelinks: Obj;
  try {
    labels = simplify.labels((raw.labels ?? {}) as never);
    descriptions = simplify.descriptions((raw.descriptions ?? {}) as never);
    aliases = simplify.aliases((raw.aliases ?? {}) as never);
    sitelinks = simplify.sitelinks((raw.sitelinks ?? {}) as never);
  } catch (e) {
    return fail(`${id}: labels, descriptions, aliases or sitelinks are malformed (${errText(e)})`);
  }
  const name = pickText(labels, [...langs, 'mul']);
  if (!name) return fail(`${id} has no label in ${langs.join(', ')}`);
  if (name.length > LIMITS.name) return fail(`${id}: the label is longer than ${LIMITS.name} characters`);
  const description = pickText(descriptions, langs);
  if (!description) return fail(`${id} has no description in ${langs.join(', ')}`);
  if (description.length > LIMITS.description)
    return fail(`${id}: the description is longer than ${LIMITS.description} characters`);

  const claims = isObj(raw.claims) ? raw.claims : {};
  const claimsOf = (prop: string, options: Obj = {}): unknown[] => {
    const list = claims[prop];
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new Error(`${prop} claims must be a list`);
    return simplify.propertyClaims(list as never, options) as unknown[];
  };
  let kind: EntityKind, roles: DatedFact[], image: string | undefined;
  try {
    kind = kindOf(claimsOf('P31', { keepNonDeprecated: true }), claims);
    roles = rolesOf(
      claimsOf('P39', {
        keepNonDeprecated: true,
        keepQualifiers: true,
        keepRichValues: true,
        timeConverter: 'none',
        somevalueValue: SOMEVALUE,
      }),
      opts.labelsOf,
    );
    image = imageOf(claimsOf('P18'));
  } catch (e) {
    return fail(`${id} has a malformed claim (${errText(e)})`);
  }

  const wikidata = `https://www.wikidata.org/wiki/${id}`;
  const wikipedia = wikipediaOf(sitelinks, langs);
  const alternateName = aliasesOf(labels, aliases, name, langs);
  const entity: Entity = {
    id: `wd:${id}`,
    kind,
    name,
    ...(alternateName.length > 0 && { alternateName }),
    description,
    ...(roles.length > 0 && { roles }),
    links: { wikidata, ...(wikipedia && { wikipedia }) },
    ...(image && { image }),
    sources: [wikidata],
  };
  return checked(entity);
}

/** A last guard: the entity must pass the same validation as a hand-written pack. */
function checked(entity: Entity): WikidataEntityResult {
  const result = validatePack({
    format: 1,
    id: 'wikidata',
    name: 'Wikidata',
    version: '1',
    license: 'CC0',
    attribution: 'Wikidata',
    asOf: '2000',
    entities: [entity],
  });
  if (result.ok && result.pack.entities[0]) return { ok: true, entity: result.pack.entities[0] };
  const problems = result.ok ? [] : result.problems;
  return fail(
    `${entity.id.slice(3)}: ${problems.map((p) => `${p.path.replace(/^entities\[0\]\.?/, '') || 'entity'}: ${p.message}`).join('; ')}`,
  );
}

function pickText(map: Obj, langs: readonly string[]): string | undefined {
  for (const lang of langs) {
    const value = map[lang];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Other labels and all aliases; a text shared by several languages carries no `lang`, since it is not tied to one. */
function aliasesOf(labels: Obj, aliases: Obj, name: string, langs: readonly string[]): Alias[] {
  const rank = (l: string) => (langs.includes(l) ? langs.indexOf(l) : l === 'mul' ? langs.length : langs.length + 1);
  const order = [...new Set([...Object.keys(labels), ...Object.keys(aliases)])].sort(
    (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const byText = new Map<string, Set<string>>();
  for (const lang of order) {
    const more = aliases[lang];
    for (const value of [labels[lang], ...(Array.isArray(more) ? more : [])]) {
      if (typeof value !== 'string') continue;
      const text = value.trim();
      // Wikidata's aliases are many editors' work: one that would mark a common word or a lone character
      // is left out rather than refusing the whole item.
      if (text === '' || text === name || text.length > LIMITS.alias || HTML_RE.test(text) || aliasProblem(text, false)) continue;
      const seen = byText.get(text) ?? new Set<string>();
      seen.add(lang);
      byText.set(text, seen);
    }
  }
  return [...byText].slice(0, LIMITS.aliases).map(([text, set]) => {
    const [lang] = set;
    return set.size === 1 && lang !== undefined && lang !== 'mul' && LANG_RE.test(lang) ? { text, lang } : { text };
  });
}

function kindOf(classes: unknown[], claims: Obj): EntityKind {
  for (const [kind, ids] of KIND_BY_CLASS) {
    if (classes.some((c) => typeof c === 'string' && ids.includes(c))) return kind;
  }
  if (Array.isArray(claims.P625) && claims.P625.length > 0) return 'place';
  if (Array.isArray(claims.P159) && claims.P159.length > 0) return 'organization';
  return 'term';
}

function rolesOf(claims: unknown[], labelsOf: WikidataImportOptions['labelsOf']): DatedFact[] {
  const roles: DatedFact[] = [];
  for (const claim of claims) {
    if (!isObj(claim) || typeof claim.value !== 'string' || !ITEM_RE.test(claim.value)) continue;
    const q = isObj(claim.qualifiers) ? claim.qualifiers : {};
    const ends = Array.isArray(q.P582) ? q.P582 : [];
    if (ends.includes(SOMEVALUE)) continue;
    let from = firstDate(q.P580);
    const to = firstDate(ends);
    if (from && to && to < from) {
      // "2022-05-01" to "2022" is consistent, just coarser; anything else is a data error we will not show.
      if (!from.startsWith(to)) continue;
      from = to;
    }
    roles.push({ label: roleLabel(claim.value, labelsOf), ...(from && { from }), ...(to && { to }) });
  }
  return roles.slice(0, LIMITS.listItems);
}

function roleLabel(id: string, labelsOf: WikidataImportOptions['labelsOf']): string {
  let label: unknown;
  try {
    label = labelsOf?.(id);
  } catch {
    label = undefined;
  }
  const text = typeof label === 'string' ? label.trim() : '';
  return text !== '' && text.length <= LIMITS.label && !HTML_RE.test(text) ? text : id;
}

function firstDate(values: unknown): string | undefined {
  if (!Array.isArray(values)) return undefined;
  const rich = values.find(isObj);
  return rich ? wikidataDate(rich) : undefined;
}

/**
 * A Wikidata time value as an ISO date with the precision Wikidata states (9 year, 10 month, 11 day).
 * Coarser than a year, before year 1 or after 9999 cannot be written as a pack date, so it is dropped.
 * Julian-calendar dates keep only their year: the Gregorian day would differ from the one written.
 */
export function wikidataDate(value: { time?: unknown; precision?: unknown; calendarmodel?: unknown }): string | undefined {
  const m = typeof value.time === 'string' ? /^\+0*(\d{4})-(\d{2})-(\d{2})T/.exec(value.time) : null;
  if (!m) return undefined;
  const [, year, month, day] = m as unknown as [string, string, string, string];
  if (year === '0000') return undefined;
  let precision = typeof value.precision === 'number' ? value.precision : 0;
  if (value.calendarmodel === JULIAN) precision = Math.min(precision, 9);
  if (precision < 9) return undefined;
  if (precision === 9 || month === '00' || month > '12') return year;
  if (precision === 10 || day === '00' || day > '31') return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function imageOf(files: unknown[]): string | undefined {
  const file = files.find((f): f is string => typeof f === 'string' && f.trim() !== '');
  if (!file) return undefined;
  return `https://commons.wikimedia.org/wiki/Special:FilePath/${encodeURIComponent(file.trim().replace(/ /g, '_'))}`;
}

/** The reader's Wikipedia when the item has an article there, else English. */
function wikipediaOf(sitelinks: Obj, langs: readonly string[]): string | undefined {
  const wikis = [...langs.filter((l) => /^[a-z]{2,3}$/.test(l)), 'en'];
  for (const lang of wikis) {
    const title = sitelinks[`${lang}wiki`];
    if (typeof title === 'string' && title.trim() !== '')
      return `https://${lang}.wikipedia.org/wiki/${wikipediaTitle(title.trim())}`;
  }
  return undefined;
}

/** Encodes a title as MediaWiki's wfUrlencode does, so links look like the ones Wikipedia itself shows. */
export function wikipediaTitle(title: string): string {
  return encodeURIComponent(title.replace(/ /g, '_'))
    .replace(/'/g, '%27')
    .replace(/%3B/g, ';')
    .replace(/%40/g, '@')
    .replace(/%24/g, '$')
    .replace(/%2C/g, ',')
    .replace(/%2F/g, '/')
    .replace(/%3A/g, ':');
}

/** Converts every entity of a `wbgetentities` response; each one that cannot be used gives a problem. */
export function wikidataResponseToEntities(json: unknown, opts: WikidataImportOptions = {}): WikidataBatchResult {
  const entities: Entity[] = [];
  const problems: Problem[] = [];
  if (!isObj(json)) return { entities, problems: [{ path: '(response)', message: 'a Wikidata response must be a JSON object' }] };
  if (isObj(json.error)) {
    const { code, info } = json.error;
    return {
      entities,
      problems: [
        {
          path: 'error',
          message: `Wikidata answered with an error: ${String(code).slice(0, 80)}: ${String(info).slice(0, 300)}`,
        },
      ],
    };
  }
  if (!isObj(json.entities))
    return { entities, problems: [{ path: 'entities', message: 'the response has no "entities" object' }] };
  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(json.entities)) {
    const path = `entities.${key.slice(0, 40)}`;
    // The key is the id: trimmed-down responses (and some fixtures) leave it out of the entity itself.
    const withId = isObj(raw) && raw.id === undefined && ITEM_RE.test(key) ? { ...raw, id: key } : raw;
    const result = wikidataEntityToPackEntity(withId, opts);
    if (!result.ok) problems.push({ path, message: result.problem });
    else if (seen.has(result.entity.id))
      problems.push({ path, message: `${result.entity.id.slice(3)} appears twice in the response` });
    else {
      seen.add(result.entity.id);
      entities.push(result.entity);
    }
  }
  return { entities, problems };
}

/**
 * The `wbgetentities` URL for up to 50 items (the API's limit). Accepts "Q801" or "wd:Q801".
 * "mul" is always requested because the name falls back to it. Throws on a caller mistake
 * (no ids, too many, not an item id): that is a bug in the caller, not bad data.
 */
export function wikidataEntitiesUrl(ids: string[], languages: string[], instance: string = WIKIDATA_INSTANCE): string {
  const qids = [...new Set(ids.map((id) => id.replace(/^wd:/, '')))];
  if (qids.length === 0 || qids.length > 50) throw new RangeError(`wikidataEntitiesUrl takes 1 to 50 ids, got ${qids.length}`);
  const bad = qids.find((id) => !ITEM_RE.test(id));
  if (bad !== undefined) throw new TypeError(`"${bad.slice(0, 40)}" is not a Wikidata item id like Q801`);
  const langs = [...new Set([...languages.filter((l) => /^[a-z][a-z0-9-]*$/i.test(l)), 'mul'])];
  return WBK({ instance }).getEntities({
    ids: qids as `Q${number}`[],
    languages: langs,
    props: ['labels', 'descriptions', 'aliases', 'claims', 'sitelinks'],
  });
}
