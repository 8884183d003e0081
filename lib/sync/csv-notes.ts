/**
 * A CSV glossary has no pack header, so its publisher can state its terms in `#` lines at the top:
 *
 *   # licence: CC BY 4.0
 *   # attribution: The Newsroom desk
 *   name,description,link
 *
 * Each such line becomes an empty line before the CSV is read: blank lines are skipped, so the rows
 * keep the numbers a spreadsheet shows them under.
 */
export interface CsvNotes {
  text: string;
  license?: string;
  attribution?: string;
}

const KEYS: Record<string, 'license' | 'attribution'> = {
  licence: 'license',
  license: 'license',
  attribution: 'attribution',
  credit: 'attribution',
};

export function readCsvNotes(csv: string): CsvNotes {
  const lines = csv.split(/(\r\n|\n|\r)/);
  const notes: CsvNotes = { text: csv };
  let changed = false;
  // lines alternate text and separator: only the leading run of `#` lines (and blank ones) counts.
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    if (line.trim() === '') continue;
    if (!line.trimStart().startsWith('#')) break;
    const m = /^\s*#\s*([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(line);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    // Plain text only, and short: it is shown in the Sources table and on About.
    if (key && m && !/[<>]/.test(m[2]!)) notes[key] = m[2]!.slice(0, 300);
    lines[i] = '';
    changed = true;
  }
  if (changed) notes.text = lines.join('');
  return notes;
}
