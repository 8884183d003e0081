/**
 * The README's table of the built-in packs' counts by kind, written by `npm run pack:build` between two marker
 * comments and checked by `-- --check`, so the counts a reader sees are the ones the packs have. The table is
 * written the way prettier lays out a Markdown table, so `format:check` and the build agree.
 */
import type { Pack } from '../../lib/pack/types';

const START = '<!-- pack-counts:start (written by npm run pack:build) -->';
const END = '<!-- pack-counts:end -->';

interface Row {
  pack: Pack;
  short: string;
}

const n = (x: number): string => x.toLocaleString('en');

const peopleWithRoles = (p: Pack): number => p.entities.filter((e) => e.kind === 'person' && (e.roles?.length ?? 0) > 0).length;

function byKind(p: Pack): string {
  const counts = new Map<string, number>();
  for (const e of p.entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, c]) => `${n(c)} ${k}`)
    .join(', ');
}

/** A Markdown table padded as prettier pads it (every cell to its column's width). */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The block between the markers: the table and the default set's totals. */
export function countsBlock(rows: readonly Row[], defaultSet: { entities: number; withRoles: number }): string {
  const body = table(
    ['Pack', 'File', 'Entities', 'People with dated roles', 'By kind', 'Licence'],
    rows.map(({ pack, short }) => [
      `${pack.name} (\`${pack.id}\`)`,
      `\`assets/packs/${short}.json\``,
      n(pack.entities.length),
      n(peopleWithRoles(pack)),
      byKind(pack),
      pack.license,
    ]),
  );
  const total = `Default set: ${n(defaultSet.entities)} entities, ${n(defaultSet.withRoles)} of them people with dated roles.`;
  return `${START}\n\n${body}\n\n${total}\n\n${END}`;
}

/** The README with its block replaced; throws if the markers are missing. */
export function withCounts(readme: string, block: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md: the markers ${START} … ${END} are missing`);
  return readme.slice(0, a) + block + readme.slice(b + END.length);
}
