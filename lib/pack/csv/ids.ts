/** Entity ids for the rows: the id column where given, otherwise made from the name. */
import type { Problem } from '../validate';
import { quote, type Field } from './shared';

/** Ids from the id column are kept; the others become csv:<name>, numbered -2, -3… in file order when names repeat. */
export function assignIds(
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
