import type { BrowserFigure, BrowserSection } from './report';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** 1,544 ms; 112.8 s from 10 s up; 28.5 MB. */
export function formatValue(value: number, unit: string): string {
  if (unit === 'ms' && value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value.toLocaleString('en')} ${unit}`;
}

export const missed = (f: BrowserFigure) => f.target !== undefined && f.value > f.target.max;

function verdict(f: BrowserFigure): string {
  if (!f.target) return '';
  const { max, unit } = f.target;
  if (!missed(f)) return 'met';
  return `**missed** by ${formatValue(Math.round((f.value - max) * 10) / 10, unit)} (${(f.value / max).toFixed(1)}×)`;
}

/** Each figure with a target as a share of it, on a log scale with the target line at 100 %. */
export function targetChart(figures: readonly BrowserFigure[]): string {
  const bars = figures.filter((f) => f.target);
  const width = 760;
  const barH = 22;
  const left = 360;
  const right = width - 150;
  const height = bars.length * (barH + 8) + 50;
  const lo = Math.log10(0.05);
  const hi = Math.log10(Math.max(20, ...bars.map((b) => (b.value / b.target!.max) * 1.5)));
  const x = (share: number) => left + ((Math.log10(Math.max(share, 0.05)) - lo) / (hi - lo)) * (right - left);
  const items = bars
    .map((b, i) => {
      const y = 20 + i * (barH + 8);
      const share = b.value / b.target!.max;
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${esc(b.what.length > 58 ? `${b.what.slice(0, 56)}…` : b.what)}</text>
<rect x="${left}" y="${y}" width="${Math.max(1, x(share) - left).toFixed(1)}" height="${barH}" fill="${missed(b) ? '#b3261e' : '#1a54aa'}"/>
<text x="${(x(share) + 6).toFixed(1)}" y="${y + 15}" font-size="12">${esc(`${formatValue(b.value, b.unit)} / ${formatValue(b.target!.max, b.target!.unit)}`)}</text>`;
    })
    .join('\n');
  const t = x(1).toFixed(1);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${items}
<line x1="${t}" y1="12" x2="${t}" y2="${height - 28}" stroke="#222" stroke-dasharray="4 3"/>
<text x="${t}" y="${height - 14}" font-size="11" text-anchor="middle" fill="#222">target</text>
<text x="${left}" y="${height - 2}" font-size="11" fill="#555">each figure as a share of its target (log scale); red: over the target</text>
</svg>
`;
}

/** The browser figures as markdown: a table, how each was taken, and why each missed target was missed. */
export function browserMarkdown(section: BrowserSection, chartPath: string): string {
  const { figures, notes } = section;
  const table = [
    '| measure | value | baseline, same run | ratio | target | |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${cell(f.what)} | ${formatValue(f.value, f.unit)} | ${f.baseline ? `${cell(f.baseline.what)}: ${formatValue(f.baseline.value, f.baseline.unit)}` : ''} | ${cell(f.ratio ?? '')} | ${f.target ? `≤ ${formatValue(f.target.max, f.target.unit)}` : ''} | ${verdict(f)} |`,
    ),
  ].join('\n');
  const misses = figures.filter(missed);
  const how = figures.filter((f) => f.how).map((f) => `- ${f.what}: ${f.how}`);
  return `## In the browser at 100,000 entities

${notes.map((n) => `- ${n}`).join('\n')}

![Browser figures against their targets](${chartPath})

${table}

### Targets missed, by how much and why

${misses.length === 0 ? 'None in this run.' : misses.map((f) => `- **${f.what}**: ${formatValue(f.value, f.unit)} against ≤ ${formatValue(f.target!.max, f.target!.unit)}, ${verdict(f).replace(/\*\*/g, '')}. ${f.why ?? 'No breakdown was measured.'}`).join('\n')}

### How each figure was taken

${how.join('\n')}
`;
}
