/**
 * Turns a glossary written in a spreadsheet (CSV, header row first) into a pack.
 *
 * Problems are written for the person who made the spreadsheet: rows are counted as a spreadsheet
 * shows them (the header is row 1) and columns are named as the file names them. Any problem in any
 * row fails the import, with every problem listed, as validatePack does for packs: a half-imported
 * glossary is harder to notice than a list of rows to fix.
 *
 * The steps live in ./csv/: file-checks.ts (not CSV at all?), columns.ts (header mapping), row.ts and
 * kinds.ts (row validation), ids.ts, pack-meta.ts, problems.ts (wording and order of the errors).
 */
import Papa from 'papaparse';
import type { Entity, Pack } from './types';
import { validatePack, type Problem } from './validate';
import { mapColumns } from './csv/columns';
import { guessDelimiter, isBlank, sniff } from './csv/file-checks';
import { assignIds } from './csv/ids';
import { META_MAX, buildPack, overlongMeta, type CsvPackMeta } from './csv/pack-meta';
import { capped, sortByRow, translate } from './csv/problems';
import { readRow } from './csv/row';
import { CSV_LIMITS, count, quote, type Field } from './csv/shared';

export { CSV_LIMITS } from './csv/shared';
export { slug } from './csv/ids';
export type { CsvPackMeta } from './csv/pack-meta';

export type CsvImportResult = { ok: true; pack: Pack; warnings: Problem[] } | { ok: false; problems: Problem[] };

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

const failed = (path: string, message: string): CsvImportResult => ({ ok: false, problems: [{ path, message }] });
