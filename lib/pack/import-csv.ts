/**
 * Turns a glossary written in a spreadsheet (CSV, header row first) into a pack.
 *
 * Problems are written for the person who made the spreadsheet: rows are counted as a spreadsheet
 * shows them (the header is row 1) and columns are named as the file names them. Any problem in any
 * row fails the import, with every problem listed, as validatePack does for packs: a half-imported
 * glossary is harder to notice than a list of rows to fix.
 */
import Papa from 'papaparse';
import { ENTITY_KINDS, type Alias, type Entity, type EntityKind, type Links, type Pack } from './types';
import { LIMITS, validatePack, type Problem } from './validate';

export const CSV_LIMITS = { rows: 100_000, problems: 200 } as const;

export interface CsvPackMeta {
  id: string;
  name: string;
  license: string;
  attribution: string;
  asOf: string;
  homepage?: string;
  /** Defaults to `asOf`, so a re-import of fresher facts reads as a newer version. */
  version?: string;
  description?: string;
}

export type CsvImportResult = { ok: true; pack: Pack; warnings: Problem[] } | { ok: false; problems: Problem[] };

type Field = 'name' | 'aliases' | 'kind' | 'description' | 'link' | 'official' | 'source' | 'id' | 'lang';

const FIELD_BY_HEADER: Record<string, Field> = {
  name: 'name',
  title: 'name',
  term: 'name',
  label: 'name',
  aliases: 'aliases',
  alias: 'aliases',
  aka: 'aliases',
  'also known as': 'aliases',
  'other names': 'aliases',
  'alternate names': 'aliases',
  'alternative names': 'aliases',
  synonyms: 'aliases',
  kind: 'kind',
  type: 'kind',
  category: 'kind',
  description: 'description',
  definition: 'description',
  summary: 'description',
  explanation: 'description',
  link: 'link',
  url: 'link',
  wikipedia: 'link',
  'wikipedia link': 'link',
  href: 'link',
  official: 'official',
  website: 'official',
  'official website': 'official',
  source: 'source',
  sources: 'source',
  reference: 'source',
  references: 'source',
  id: 'id',
  identifier: 'id',
  lang: 'lang',
  language: 'lang',
};

const KIND_SYNONYMS: Record<string, EntityKind> = {
  people: 'person',
  human: 'person',
  individual: 'person',
  politician: 'person',
  leader: 'person',
  organisation: 'organization',
  org: 'organization',
  company: 'organization',
  business: 'organization',
  party: 'organization',
  'political party': 'organization',
  ngo: 'organization',
  group: 'organization',
  'armed group': 'armed-group',
  militia: 'armed-group',
  'militant group': 'armed-group',
  'rebel group': 'armed-group',
  rebels: 'armed-group',
  'government body': 'government-body',
  government: 'government-body',
  ministry: 'government-body',
  agency: 'government-body',
  'government agency': 'government-body',
  parliament: 'government-body',
  legislature: 'government-body',
  court: 'government-body',
  nation: 'country',
  state: 'country',
  'sovereign state': 'country',
  countries: 'country',
  'dependent territory': 'territory',
  'disputed territory': 'territory',
  territories: 'territory',
  location: 'place',
  city: 'place',
  cities: 'place',
  town: 'place',
  village: 'place',
  site: 'place',
  region: 'place',
  war: 'event',
  battle: 'event',
  conflict: 'event',
  election: 'event',
  incident: 'event',
  attack: 'event',
  concept: 'term',
  word: 'term',
  phrase: 'term',
  jargon: 'term',
  glossary: 'term',
};

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LINK_COLUMNS: Field[] = ['link', 'official', 'source'];

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
const count = (n: number) => n.toLocaleString('en-US');
// A header or kind named "constructor" must not find Object.prototype's.
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Never throws: either a pack that passes validatePack, or a non-empty list of problems. */
export function importCsvGlossary(csvText: string, meta: CsvPackMeta): CsvImportResult {
  try {
    return importCsv(csvText, meta);
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).` }],
    };
  }
}

function importCsv(csvText: string, meta: CsvPackMeta): CsvImportResult {
  if (typeof csvText !== 'string') return failed('(file)', 'The file could not be read as text.');
  const text = csvText.replace(/^\uFEFF/, '');
  const notCsv = sniff(text);
  if (notCsv) return failed('(file)', notCsv);

  // The slack lets blank lines through without letting a huge file be parsed whole.
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: guessDelimiter(text), preview: CSV_LIMITS.rows + 1_001 });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return failed('(file)', 'The file is empty.');
  const entries = records.slice(headerIndex + 1).filter((r) => !isBlank(r)).length;
  if (entries > CSV_LIMITS.rows || (parsed.meta.truncated && text.slice(parsed.meta.cursor).trim() !== '')) {
    return failed(
      '(file)',
      `The file has more than ${count(CSV_LIMITS.rows)} rows; Gloss imports at most ${count(CSV_LIMITS.rows)} at a time. Split it into smaller files.`,
    );
  }
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteError) {
    // Either error swallows the rest of the file into one value, so later rows cannot be trusted either.
    return failed(
      `row ${(quoteError.row ?? 0) + 1}`,
      quoteError.code === 'MissingQuotes'
        ? 'A double quote (") opens a value that never closes. Check the quotes in this row.'
        : 'A quoted value has extra text after its closing quote. Inside a quoted value, write a double quote as two ("").',
    );
  }

  const header = (records[headerIndex] ?? []).map((h) => h.trim());
  const columns = mapColumns(header);
  if (!columns.ok) return { ok: false, problems: columns.problems };
  const { index, warnings } = columns;
  const colName = (f: Field) => header[index.get(f) ?? -1] ?? f;

  const problems: Problem[] = [];
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (isBlank(cells)) continue;
    const row = i + 1;
    const before = problems.length;
    const report = (field: Field | null, message: string) =>
      problems.push({ path: field ? `row ${row}, column ${quote(colName(field))}` : `row ${row}`, message });
    if (cells.slice(header.length).some((c) => c.trim() !== '')) {
      report(
        null,
        `This row has ${cells.length} values but the header row names only ${header.length} columns. Put any value that contains a comma in double quotes.`,
      );
      continue;
    }
    const get = (f: Field) => {
      const at = index.get(f);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const entity = readRow(get, report);
    const id = get('id');
    rows.push({ row, entity, ...(id !== '' && { id }), bad: problems.length > before });
  }
  if (rows.length === 0 && problems.length === 0) return failed('(file)', 'The file has a header row but no entries below it.');

  const ids = assignIds(rows, colName, problems, warnings);
  const good = rows.flatMap((r, k) => (r.bad ? [] : [{ row: r.row, entity: { id: ids[k] ?? '', ...r.entity } }]));
  const overlong = overlongMeta(meta);
  problems.push(
    ...overlong.map((k) => ({
      path: `pack ${quote(k)}`,
      message: `The pack's ${k} is longer than ${count(META_MAX[k] ?? 0)} characters.`,
    })),
  );
  const entities = good.map((g) => g.entity);
  const rowOf = good.map((g) => g.row);
  const result = validatePack(buildPack(meta, overlong, entities));
  if (!result.ok) problems.push(...result.problems.map((p) => translate(p, rowOf, colName)));
  if (!result.ok || problems.length > 0) return { ok: false, problems: capped(sortByRow(problems)) };
  return { ok: true, pack: result.pack, warnings: capped(warnings) };
}

interface Row {
  row: number;
  entity: Omit<Entity, 'id'>;
  id?: string;
  bad: boolean;
}

/** Catches files that are clearly not CSV before they turn into a page of confusing row problems. */
function sniff(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (head.trim() === '') return 'The file is empty.';
  if (head.includes('\u0000') || head.startsWith('PK\u0003\u0004')) {
    return 'This is not a text file (it may be an Excel workbook). In your spreadsheet app, choose "Save as" or "Download" and pick "CSV".';
  }
  if (/^\s*<(!doctype|html|head|body|\?xml|script|div|table|meta)\b/i.test(head) || /<html[\s>]/i.test(head)) {
    return 'This file is a web page (HTML), not a CSV file. Look for a "Download as CSV" or "Raw" link on the page you saved it from.';
  }
  if (/^\s*[{[]/.test(head) && isJson(text))
    return 'This file is JSON, not CSV. If it is a Gloss pack, import it as a pack instead.';
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Decided from the header row alone: a glossary's values hold commas and semicolons, its header does not. */
function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\s*\n/, '').split('\n', 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function mapColumns(
  header: string[],
): { ok: true; index: Map<Field, number>; warnings: Problem[] } | { ok: false; problems: Problem[] } {
  const index = new Map<Field, number>();
  const warnings: Problem[] = [];
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const field = own(FIELD_BY_HEADER, normal(h));
    if (field === undefined) {
      if (h !== '') unknown.push(quote(h));
    } else if (index.has(field)) {
      warnings.push({
        path: `column ${quote(h)}`,
        message: `This column is ignored: column ${quote(header[index.get(field)!]!)} already holds the ${field}.`,
      });
    } else index.set(field, i);
  });
  const shown = header
    .filter((h) => h !== '')
    .slice(0, 8)
    .map(quote)
    .join(', ');
  const missing = (['name', 'description'] as const).filter((f) => !index.has(f));
  const problems: Problem[] = missing.map((f) => ({
    path: '(header row)',
    message: `The file has no ${quote(f)} column. The first row must name the columns, for example: name,description,link. This file's first row is: ${shown || '(empty)'}.`,
  }));
  if (!LINK_COLUMNS.some((f) => index.has(f))) {
    problems.push({
      path: '(header row)',
      message:
        'The file has no "link" or "source" column. Every entry needs a web address (https://…) where a reader can check it.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (unknown.length > 0)
    warnings.push({
      path: '(header row)',
      message: `These columns are not used by Gloss and were ignored: ${unknown.join(', ')}.`,
    });
  return { ok: true, index, warnings };
}

function readRow(get: (f: Field) => string, report: (f: Field | null, m: string) => void): Omit<Entity, 'id'> {
  const name = get('name');
  const description = get('description');
  if (name === '') report('name', 'The name is empty.');
  else if (name.length > LIMITS.name)
    report('name', `The name has ${count(name.length)} characters; at most ${count(LIMITS.name)} are allowed.`);
  if (description === '') report('description', 'The description is empty. Write a sentence or two that explains the entry.');
  else if (description.length > LIMITS.description) {
    report(
      'description',
      `The description has ${count(description.length)} characters; at most ${count(LIMITS.description)} are allowed.`,
    );
  }
  const kind = kindOf(get('kind'));
  if (kind === undefined)
    report(
      'kind',
      `${quote(get('kind'))} is not a kind Gloss knows. Use one of: ${ENTITY_KINDS.join(', ')} (or leave it empty for "term").`,
    );
  const lang = get('lang');
  if (lang !== '' && !LANG_RE.test(lang))
    report('lang', `${quote(lang)} is not a language code. Write a code like en, fr or pt-BR.`);

  // A missing source is reported only when no address was given at all; a bad one is already reported.
  let badAddress = false;
  const address = (f: Field, raw: string) =>
    webAddress(raw, (m) => {
      badAddress = true;
      report(f, m);
    });
  const links: Links = {};
  const link = address('link', get('link'));
  if (link) {
    const host = new URL(link).hostname;
    if (/(^|\.)wikipedia\.org$/.test(host)) links.wikipedia = link;
    else if (/(^|\.)wikidata\.org$/.test(host)) links.wikidata = link;
  }
  const official = address('official', get('official'));
  if (official) links.official = official;
  const sources: string[] = [];
  for (const s of get('source').split(/\s*[|;]\s*|\s+/)) {
    const url = address('source', s);
    if (url && !sources.includes(url)) sources.push(url);
  }
  const fallback = link ?? official;
  if (sources.length === 0 && fallback) sources.push(fallback);
  if (sources.length === 0 && !badAddress) {
    report(
      null,
      'This entry needs a source: fill in the "link" or "source" column with a web address (https://…) where a reader can check the description.',
    );
  }

  const aliases = [
    ...new Set(
      get('aliases')
        .split(/[;|]/)
        .map((a) => a.trim()),
    ),
  ].filter((a) => a !== '' && a !== name);
  const tooLong = aliases.find((a) => a.length > LIMITS.alias);
  if (tooLong)
    report(
      'aliases',
      `The alias ${quote(tooLong)} has ${count(tooLong.length)} characters; at most ${count(LIMITS.alias)} are allowed.`,
    );
  if (aliases.length > LIMITS.aliases)
    report('aliases', `There are ${count(aliases.length)} aliases; at most ${count(LIMITS.aliases)} are allowed.`);
  const alternateName: Alias[] = aliases.map((text) => (lang && LANG_RE.test(lang) ? { text, lang } : { text }));

  return {
    kind: kind ?? 'term',
    name,
    ...(alternateName.length > 0 && { alternateName }),
    description,
    ...(Object.keys(links).length > 0 && { links }),
    sources,
  };
}

function kindOf(raw: string): EntityKind | undefined {
  if (raw === '') return 'term';
  const k = normal(raw);
  const known = (s: string) =>
    (ENTITY_KINDS as readonly string[]).includes(s.replace(/ /g, '-'))
      ? (s.replace(/ /g, '-') as EntityKind)
      : own(KIND_SYNONYMS, s);
  return known(k) ?? (k.endsWith('s') ? known(k.slice(0, -1)) : undefined);
}

function webAddress(raw: string, report: (m: string) => void): string | undefined {
  if (raw === '') return undefined;
  if (raw.length > LIMITS.url) {
    report(`The web address has ${count(raw.length)} characters; at most ${count(LIMITS.url)} are allowed.`);
    return undefined;
  }
  if (!URL.canParse(raw)) {
    report(`${quote(raw)} is not a complete web address. It should start with https://`);
    return undefined;
  }
  const scheme = new URL(raw).protocol;
  if (scheme !== 'http:' && scheme !== 'https:') {
    report(`${quote(raw)} is not a web page address (it starts with "${scheme}"). Links must start with https:// or http://`);
    return undefined;
  }
  return raw;
}

/** Ids from the id column are kept; the others become csv:<name>, numbered -2, -3… in file order when names repeat. */
function assignIds(
  rows: Array<{ row: number; entity: { name: string }; id?: string }>,
  colName: (f: Field) => string,
  problems: Problem[],
  warnings: Problem[],
): string[] {
  const taken = new Map<string, number>();
  for (const r of rows) {
    if (r.id === undefined) continue;
    const first = taken.get(r.id);
    if (first !== undefined)
      problems.push({
        path: `row ${r.row}, column ${quote(colName('id'))}`,
        message: `The id ${quote(r.id)} is already used in row ${first}.`,
      });
    else taken.set(r.id, r.row);
  }
  const firstRowOfBase = new Map<string, number>();
  return rows.map((r) => {
    if (r.id !== undefined) return r.id;
    const base = `csv:${slug(r.entity.name)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.set(id, r.row);
    const first = firstRowOfBase.get(base);
    if (first === undefined) firstRowOfBase.set(base, r.row);
    else if (r.entity.name !== '') {
      warnings.push({
        path: `row ${r.row}, column ${quote(colName('name'))}`,
        message: `${quote(r.entity.name)} has the same name as row ${first}, so it gets the id ${quote(id)}.`,
      });
    }
    return id;
  });
}

/** ASCII letters and digits only (pack ids allow nothing else); names with none get a stable hash instead. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');
  if (s !== '') return s;
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return `x${(h >>> 0).toString(16).padStart(8, '0')}`;
}

// validate.ts scans over-long text with a slow regular expression before rejecting it, so these are
// measured here and replaced by a placeholder on the way in.
const META_TEXT: Array<[keyof CsvPackMeta, number]> = [
  ['name', LIMITS.name],
  ['license', LIMITS.label],
  ['attribution', LIMITS.description],
  ['version', 50],
  ['description', LIMITS.description],
];

const META_MAX: Partial<Record<keyof CsvPackMeta, number>> = Object.fromEntries(META_TEXT);

function overlongMeta(meta: CsvPackMeta): Array<keyof CsvPackMeta> {
  return META_TEXT.filter(([k, max]) => {
    const value: unknown = meta?.[k];
    return typeof value === 'string' && value.length > max;
  }).map(([k]) => k);
}

function buildPack(meta: CsvPackMeta, overlong: Array<keyof CsvPackMeta>, entities: Entity[]): unknown {
  const m: Partial<CsvPackMeta> = meta ?? {};
  const get = (k: keyof CsvPackMeta) => (overlong.includes(k) ? 'x' : m[k]);
  return {
    format: 1,
    id: m.id,
    name: get('name'),
    version: get('version') ?? m.asOf,
    license: get('license'),
    attribution: get('attribution'),
    ...(m.homepage !== undefined && { homepage: m.homepage }),
    ...(m.description !== undefined && { description: get('description') }),
    asOf: m.asOf,
    entities,
  };
}

/** validatePack speaks JSON paths (entities[3].links.wikipedia); the reader of the problem thinks in rows and columns. */
function translate(p: Problem, rowOf: number[], colName: (f: Field) => string): Problem {
  const m = /^entities\[(\d+)\]\.?([A-Za-z]*)\.?([A-Za-z]*)/.exec(p.path);
  const message = sentence(p.message);
  if (!m) return { path: p.path === '(pack)' ? '(pack)' : `pack ${quote(p.path)}`, message };
  const row = rowOf[Number(m[1])];
  const field: Record<string, Field> = {
    name: 'name',
    description: 'description',
    alternateName: 'aliases',
    kind: 'kind',
    id: 'id',
    sources: 'source',
  };
  const f = m[2] === 'links' ? (m[3] === 'official' ? 'official' : 'link') : field[m[2] ?? ''];
  return { path: f ? `row ${row}, column ${quote(colName(f))}` : `row ${row}`, message };
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

const rowNumber = (p: Problem) => Number(/^row (\d+)/.exec(p.path)?.[1] ?? 0);
const sortByRow = (ps: Problem[]) =>
  ps
    .map((p, i) => [p, i] as const)
    .sort((a, b) => rowNumber(a[0]) - rowNumber(b[0]) || a[1] - b[1])
    .map(([p]) => p);

function capped(ps: Problem[]): Problem[] {
  if (ps.length <= CSV_LIMITS.problems) return ps;
  return [
    ...ps.slice(0, CSV_LIMITS.problems),
    { path: '(file)', message: `…and ${count(ps.length - CSV_LIMITS.problems)} more. Fix these first, then import again.` },
  ];
}

const failed = (path: string, message: string): CsvImportResult => ({ ok: false, problems: [{ path, message }] });
