/** What every step of the CSV import shares: its limits, the columns it knows, and how it quotes the file back to its author. */

export const CSV_LIMITS = { rows: 100_000, problems: 200 } as const;

export type Field = 'name' | 'aliases' | 'kind' | 'description' | 'link' | 'official' | 'source' | 'id' | 'lang';

export const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
export const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
export const count = (n: number) => n.toLocaleString('en-US');
// A header or kind named "constructor" must not find Object.prototype's.
export const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
