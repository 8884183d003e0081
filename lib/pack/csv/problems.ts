/** Problems as the spreadsheet's author reads them: by row and column, in row order, a bounded list. */
import type { Problem } from '../validate';
import { CSV_LIMITS, count, quote, type Field } from './shared';

/** validatePack speaks JSON paths (entities[3].links.wikipedia); the reader of the problem thinks in rows and columns. */
export function translate(p: Problem, rowOf: number[], colName: (f: Field) => string): Problem {
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
export const sortByRow = (ps: Problem[]) =>
  ps
    .map((p, i) => [p, i] as const)
    .sort((a, b) => rowNumber(a[0]) - rowNumber(b[0]) || a[1] - b[1])
    .map(([p]) => p);

export function capped(ps: Problem[]): Problem[] {
  if (ps.length <= CSV_LIMITS.problems) return ps;
  return [
    ...ps.slice(0, CSV_LIMITS.problems),
    { path: '(file)', message: `…and ${count(ps.length - CSV_LIMITS.problems)} more. Fix these first, then import again.` },
  ];
}
