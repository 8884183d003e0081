import * as v from 'valibot';
import { foldText } from '../core/fold';
import { defaultCaseRule } from '../core/match-index';
import { aliasProblem, BIDI_CONTROLS_RE, MAX_ENTITIES_PER_ALIAS } from './alias-rules';
import { ENTITY_KINDS, type Pack } from './types';

/** Limits that keep a hostile or broken pack from filling the knowledge base. */
export const LIMITS = {
  entities: 500_000,
  name: 200,
  alias: 200,
  aliases: 200,
  description: 2_000,
  label: 300,
  url: 2_048,
  listItems: 200,
  id: 120,
} as const;

export interface Problem {
  /** JSON path of the offending value, e.g. `entities[3].links.wikipedia`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

// [^<>] keeps the scan linear on hostile text full of "<".
const HTML_RE = /<\/?[a-z!][^<>]*>/i;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function text(field: string, max: number) {
  return v.pipe(
    v.string(`${field} must be text`),
    v.trim(),
    v.nonEmpty(`${field} must not be empty`),
    v.maxLength(max, `${field} is longer than ${max} characters`),
    v.check((s) => !HTML_RE.test(s), `${field} contains HTML tags; write plain text`),
    v.check(
      (s) => !BIDI_CONTROLS_RE.test(s),
      `${field} contains invisible text-direction controls (U+202A–U+202E, U+2066–U+2069) that can make it display as other text; remove them`,
    ),
  );
}

function url(field: string, schemes: readonly string[] = ['http:', 'https:']) {
  return v.pipe(
    v.string(`${field} must be a URL written as text`),
    v.maxLength(LIMITS.url, `${field} is longer than ${LIMITS.url} characters`),
    v.check((s) => URL.canParse(s), `${field} is not a valid absolute URL`),
    // The same rule as a pattern, so that the generated JSON Schema carries it too.
    v.regex(
      new RegExp(`^(${schemes.map((s) => s.replace(':', '')).join('|')})://`, 'i'),
      `${field} must start with ${schemes.map((s) => s.replace(':', '')).join(' or ')}://`,
    ),
    v.check(
      (s) => !URL.canParse(s) || schemes.includes(new URL(s).protocol),
      `${field} must start with ${schemes.map((s) => s.replace(':', '')).join(' or ')}://`,
    ),
  );
}

const date = (field: string) =>
  v.pipe(
    v.string(`${field} must be a date written as text`),
    v.regex(DATE_RE, `${field} must be a date like 2022, 2022-12 or 2022-12-29`),
  );

const list = <T extends v.GenericSchema>(item: T, field: string, max: number = LIMITS.listItems) =>
  v.pipe(v.array(item, `${field} must be a list`), v.maxLength(max, `${field} has more than ${max} items`));

const datedFact = v.object({
  label: text('label', LIMITS.label),
  from: v.optional(date('from')),
  to: v.optional(date('to')),
  source: v.optional(url('source')),
  confirmed: v.optional(
    v.pipe(
      v.string('confirmed must be a date written as text'),
      v.regex(DAY_RE, 'confirmed must be a whole day like 2025-02-03'),
    ),
  ),
});

const alias = v.object({
  text: text('alias', LIMITS.alias),
  lang: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'lang must be a language code like "en" or "fr"')),
  ),
  case: v.optional(v.picklist(['exact', 'capitalized', 'any'], 'case must be "exact", "capitalized" or "any"')),
});

const entity = v.object({
  id: v.pipe(
    v.string('id must be text'),
    v.maxLength(LIMITS.id, `id is longer than ${LIMITS.id} characters`),
    v.regex(ID_RE, 'id may hold only letters, digits and . _ : -'),
    v.check((s) => !s.startsWith('wd:') || /^wd:Q[1-9]\d*$/.test(s), 'a wd: id must be a Wikidata item like wd:Q801'),
  ),
  kind: v.picklist(ENTITY_KINDS, `kind must be one of: ${ENTITY_KINDS.join(', ')}`),
  name: text('name', LIMITS.name),
  alternateName: v.optional(list(alias, 'alternateName', LIMITS.aliases)),
  description: text('description', LIMITS.description),
  summary: v.optional(text('summary', LIMITS.description)),
  summarySource: v.optional(url('summarySource')),
  roles: v.optional(list(datedFact, 'roles')),
  facts: v.optional(list(datedFact, 'facts')),
  links: v.optional(
    v.object({
      wikipedia: v.optional(url('wikipedia link')),
      wikidata: v.optional(url('wikidata link')),
      official: v.optional(url('official link')),
    }),
  ),
  sameAs: v.optional(list(url('sameAs'), 'sameAs')),
  image: v.optional(url('image', ['https:'])),
  related: v.optional(
    list(v.pipe(v.string('related ids must be text'), v.regex(ID_RE, 'related id is not a valid id')), 'related'),
  ),
  context: v.optional(
    v.object({
      anyOf: v.pipe(
        list(text('context word', LIMITS.alias), 'context.anyOf'),
        v.minLength(1, 'context.anyOf needs at least one word'),
      ),
    }),
  ),
  story: v.optional(text('story', LIMITS.label)),
  sources: v.pipe(list(url('source'), 'sources'), v.minLength(1, 'every entity needs at least one source URL')),
  prior: v.optional(
    v.pipe(
      v.number('prior must be a number'),
      v.minValue(0, 'prior must be between 0 and 1'),
      v.maxValue(1, 'prior must be between 0 and 1'),
    ),
  ),
});

export const packSchema = v.object({
  format: v.literal(1, 'format must be 1 (this version of Gloss reads pack format 1)'),
  id: v.pipe(v.string('id must be text'), v.regex(ID_RE, 'id may hold only letters, digits and . _ : -'), v.maxLength(LIMITS.id)),
  name: text('name', LIMITS.name),
  version: text('version', 50),
  license: text('license', LIMITS.label),
  attribution: text('attribution', LIMITS.description),
  homepage: v.optional(url('homepage')),
  asOf: date('asOf'),
  description: v.optional(text('description', LIMITS.description)),
  entities: list(entity, 'entities', LIMITS.entities),
});

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(pack)';
}

/** Validates untrusted pack JSON. Either the whole pack is good, or every problem is reported. */
export function validatePack(input: unknown): ValidationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '(pack)', message: 'a pack must be a JSON object' }] };
  }
  const parsed = v.safeParse(packSchema, input, { abortEarly: false, abortPipeEarly: true });
  const problems: Problem[] = parsed.success
    ? []
    : parsed.issues.map((issue) => ({
        path: pathOf(issue),
        message:
          issue.kind === 'schema' && issue.expected && !issue.message.includes(' ')
            ? `expected ${issue.expected}`
            : issue.message,
      }));
  if (parsed.success) problems.push(...crossChecks(parsed.output as Pack));
  return problems.length === 0 && parsed.success ? { ok: true, pack: parsed.output as Pack } : { ok: false, problems };
}

function crossChecks(p: Pack): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  p.entities.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined) {
      problems.push({ path: `entities[${i}].id`, message: `id "${e.id}" is used twice (also entities[${first}])` });
    } else seen.set(e.id, i);
  });
  problems.push(...aliasChecks(p));
  p.entities.forEach((e, i) => {
    e.related?.forEach((r, j) => {
      if (!seen.has(r) && !r.startsWith('wd:'))
        problems.push({ path: `entities[${i}].related[${j}]`, message: `related id "${r}" is not an entity in this pack` });
    });
    e.roles?.forEach((r, j) => {
      if (r.from && r.to && r.to < r.from)
        problems.push({ path: `entities[${i}].roles[${j}]`, message: `role ends (${r.to}) before it starts (${r.from})` });
    });
  });
  return problems;
}

/** Names and aliases that would mark common words, and aliases shared by too many entities. */
function aliasChecks(p: Pack): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, number[]>();
  p.entities.forEach((e, i) => {
    const seenHere = new Set<string>();
    const check = (text: string, exact: boolean, path: string) => {
      const problem = aliasProblem(text, exact);
      if (problem) problems.push({ path, message: problem });
      const key = foldText(text);
      if (key === '' || seenHere.has(key)) return;
      seenHere.add(key);
      const list = owners.get(key);
      if (list) list.push(i);
      else owners.set(key, [i]);
    };
    check(e.name, defaultCaseRule(e.name, e.kind) === 'exact', `entities[${i}].name`);
    e.alternateName?.forEach((a, j) =>
      check(a.text, (a.case ?? defaultCaseRule(a.text, e.kind)) === 'exact', `entities[${i}].alternateName[${j}].text`),
    );
  });
  for (const [alias, list] of owners) {
    if (list.length <= MAX_ENTITIES_PER_ALIAS) continue;
    const first = list.slice(0, 3).map((i) => `entities[${i}]`);
    problems.push({
      path: `entities[${list[MAX_ENTITIES_PER_ALIAS]!}]`,
      message: `${list.length} entities share the name or alias "${alias}" (${first.join(', ')}, …); at most ${MAX_ENTITIES_PER_ALIAS} may, or pages with that word could not be marked`,
    });
  }
  return problems;
}
