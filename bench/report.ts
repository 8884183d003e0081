import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  kb: string;
  aliases: number;
  what: string;
  value: number;
  unit: string;
  /** Ratio against Gloss's own figure in the same run, where one applies. */
  ratio?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A horizontal bar chart of matching speeds on a log scale, as plain SVG. */
export function speedChart(rows: readonly BenchRow[]): string {
  const bars = rows.filter((r) => r.unit === 'MB/s');
  const width = 760;
  const barH = 22;
  const left = 330;
  const height = bars.length * (barH + 8) + 40;
  const max = Math.log10(Math.max(...bars.map((b) => b.value)) * 2);
  const min = Math.log10(0.01);
  const x = (v: number) => left + ((Math.log10(Math.max(v, 0.01)) - min) / (max - min)) * (width - left - 70);
  const items = bars
    .map((b, i) => {
      const y = 20 + i * (barH + 8);
      const gloss = b.what.startsWith('Gloss');
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${esc(`${b.kb}: ${b.what}`)}</text>
<rect x="${left}" y="${y}" width="${Math.max(1, x(b.value) - left).toFixed(1)}" height="${barH}" fill="${gloss ? '#1a54aa' : '#9aa5b1'}"/>
<text x="${(x(b.value) + 6).toFixed(1)}" y="${y + 15}" font-size="12">${b.value} MB/s</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${items}
<text x="${left}" y="${height - 8}" font-size="11" fill="#555">matching speed, MB of article text per second (log scale)</text>
</svg>
`;
}

export function writeReport(rows: readonly BenchRow[], notes: readonly string[]): void {
  const root = join(import.meta.dirname, '..');
  writeFileSync(join(root, 'docs/images/matching-speed.svg'), speedChart(rows));
  const table = [
    '| knowledge base | aliases | measure | value | ratio |',
    '| --- | ---: | --- | ---: | --- |',
    ...rows.map((r) => `| ${r.kb} | ${r.aliases || ''} | ${r.what} | ${r.value} ${r.unit} | ${r.ratio ?? ''} |`),
  ].join('\n');
  writeFileSync(
    join(root, 'docs/performance.md'),
    `# Performance

Written by \`npm run bench\` (bench/run.ts); every figure comes from the same run as its baselines.
Do not edit by hand: run the benchmark again.

${notes.map((n) => `- ${n}`).join('\n')}

![Matching speed](images/matching-speed.svg)

${table}
`,
  );
}
