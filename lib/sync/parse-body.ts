import { importCsvGlossary, type CsvPackMeta } from '../pack/import-csv';
import type { Pack } from '../pack/types';
import type { Problem } from '../pack/validate';
import { validatePack } from '../pack/validate';
import { count, formatBytes } from './words';

export type ParsedSource = { ok: true; pack: Pack; warnings: string[] } | { ok: false; message: string; problems?: string[] };

/** How many problems of a refused file are kept in the source's status. */
const KEPT_PROBLEMS = 20;

/** UTF-8 (with or without BOM) only: a pack in another encoding would import as mojibake. */
export function decodeBody(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text. Save it as UTF-8 and publish it again.' };
  }
}

const looksLikeHtml = (text: string) =>
  /^\s*<(!doctype|html|head|body|\?xml|script|div|table|meta|title|p)\b/i.test(text.slice(0, 1024));

/** A pack file, checked whole: an HTML error page, a cut-off download or an invalid pack is refused in words. */
export function parsePackText(text: string, host: string): ParsedSource {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, message: `${host} sent an empty file.` };
  if (looksLikeHtml(body))
    return {
      ok: false,
      message: `${host} sent a web page (HTML), not a pack: the address may lead to a page about the pack, a login page or an error page. Use the address of the JSON file itself.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    if (endsInsideValue(body))
      return {
        ok: false,
        message: `The pack is cut off: the JSON ends after ${formatBytes(new TextEncoder().encode(body).length)}, in the middle of a value. The download was interrupted or the file on the server is incomplete.`,
      };
    return { ok: false, message: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  const result = validatePack(json);
  if (!result.ok) return refused('The pack was refused', result.problems);
  return { ok: true, pack: result.pack, warnings: [] };
}

/** A CSV glossary, turned into a pack by the CSV importer with the meta the user gave when subscribing. */
export function parseCsvText(text: string, meta: CsvPackMeta): ParsedSource {
  const result = importCsvGlossary(text, meta);
  if (!result.ok) return refused('The CSV glossary was refused', result.problems);
  return { ok: true, pack: result.pack, warnings: result.warnings.map(line) };
}

function refused(what: string, problems: Problem[]): ParsedSource {
  const lines = problems.map(line);
  return {
    ok: false,
    message: `${what}: ${count(problems.length, 'problem')}. First: ${lines[0] ?? 'unknown'}`,
    problems: lines.slice(0, KEPT_PROBLEMS),
  };
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
