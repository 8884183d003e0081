import { importCsvGlossary, type CsvPackMeta } from '../pack/import-csv';
import type { Pack } from '../pack/types';
import type { Problem } from '../pack/validate';
import { validatePack } from '../pack/validate';
import { readCsvNotes } from './csv-notes';
import type { SyncFailure } from './status';

export type ParsedSource =
  { ok: true; pack: Pack; warnings: string[] } | { ok: false; failure: SyncFailure; problems?: string[] };

/** How many problems of a refused file are kept in the source's status. */
const KEPT_PROBLEMS = 20;

/** UTF-8 (with or without BOM) only: a pack in another encoding would import as mojibake. */
export function decodeBody(bytes: Uint8Array): { ok: true; text: string } | { ok: false; failure: SyncFailure } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, failure: { code: 'not-utf8' } };
  }
}

const looksLikeHtml = (text: string) =>
  /^\s*<(!doctype|html|head|body|\?xml|script|div|table|meta|title|p)\b/i.test(text.slice(0, 1024));

/** A pack file, checked whole: an HTML error page, a cut-off download or an invalid pack is refused in words. */
export function parsePackText(text: string, host: string): ParsedSource {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, failure: { code: 'empty', host } };
  if (looksLikeHtml(body)) return { ok: false, failure: { code: 'html-body', host } };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    if (endsInsideValue(body)) return { ok: false, failure: { code: 'json-cut-off', bytes: utf8Length(body) } };
    return { ok: false, failure: { code: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  const result = validatePack(json);
  if (!result.ok) return refused('pack-refused', result.problems);
  return { ok: true, pack: result.pack, warnings: [] };
}

/** A CSV glossary, turned into a pack by the CSV importer with the meta the user gave when subscribing. */
export function parseCsvText(csv: string, meta: CsvPackMeta): ParsedSource {
  // The file's own `#` lines state its licence and credit; what the reader typed when adding it is the fallback.
  const { text, license, attribution } = readCsvNotes(csv);
  const result = importCsvGlossary(text, { ...meta, ...(license && { license }), ...(attribution && { attribution }) });
  if (result.ok) return { ok: true, pack: result.pack, warnings: result.warnings.map(line) };
  // A file that stops in the middle of its last row was cut off; its "bad" last row is a symptom.
  const cut = cutOffRow(text, result.problems);
  if (cut !== null) return { ok: false, failure: { code: 'csv-cut-off', row: cut, bytes: utf8Length(text) } };
  return refused('csv-refused', result.problems);
}

function refused(code: 'pack-refused' | 'csv-refused', problems: Problem[]): ParsedSource {
  const lines = problems.map(line);
  return {
    ok: false,
    failure: { code, problems: problems.length, first: lines[0] ?? '' },
    problems: lines.slice(0, KEPT_PROBLEMS),
  };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * The row a CSV file was cut off in, or null. Cut off: the file does not end with a line break, its
 * only problems are in one row, and its last line stops short (fewer values than the header, or a
 * quote left open). A complete last row without a final line break is a hand-written file, not a cut.
 */
function cutOffRow(text: string, problems: readonly Problem[]): number | null {
  if (/[\r\n]$/.test(text) || problems.length === 0) return null;
  const rows = new Set(problems.map((p) => /^row (\d+)/.exec(p.path)?.[1]));
  if (rows.size !== 1 || rows.has(undefined)) return null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = lines[0] ?? '';
  const last = lines.at(-1) ?? '';
  const delimiter = [',', ';', '\t'].find((d) => fieldsOf(header, d) > 1) ?? ',';
  const openQuote = (last.match(/"/g)?.length ?? 0) % 2 === 1;
  return openQuote || fieldsOf(last, delimiter) < fieldsOf(header, delimiter) ? Number([...rows][0]) : null;
}

/** Fields in one CSV line, counting only delimiters outside double quotes. */
function fieldsOf(lineText: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const c of lineText) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) fields++;
  }
  return fields;
}

const line = (p: Problem) => `${p.path}: ${p.message}`;

/**
 * Whether JSON text stops inside an object, array or string: the mark of a truncated download, as
 * opposed to JSON that is complete but wrong. Linear, no recursion.
 */
function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}
