import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { browserMarkdown, targetChart } from './browser-report';

export interface BenchRow {
  kb: string;
  aliases: number;
  what: string;
  value: number;
  unit: string;
  /** Ratio against Gloss's own figure in the same run, where one applies. */
  ratio?: string;
}

/** A figure measured in headless Chromium with the built extension, beside its same-run baseline. */
export interface BrowserFigure {
  what: string;
  value: number;
  unit: string;
  /** How it was taken: runs, median, spread. */
  how?: string;
  baseline?: { what: string; value: number; unit: string };
  /** The figure against its baseline, in words ("3.1× the warm worker"). */
  ratio?: string;
  /** The issue's target: the value must not exceed `max`. */
  target?: { max: number; unit: string };
  /** Why the figure is what it is, from the parts measured in the same run; shown when a target is missed. */
  why?: string;
}

/** Where the browser figures come from: the machine and the browser, noted with the figures. */
export interface BrowserSection {
  figures: BrowserFigure[];
  notes: string[];
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

/**
 * Writes docs/performance.md and its charts. `browser` is the headless-Chromium section, or the reason it
 * was not measured; `extra` are further sections (markdown) other benchmarks add to the report.
 */
export async function writeReport(
  rows: readonly BenchRow[],
  notes: readonly string[],
  browser: BrowserSection | { skipped: string },
  extra: readonly string[] = [],
): Promise<void> {
  const root = join(import.meta.dirname, '..');
  writeFileSync(join(root, 'docs/images/matching-speed.svg'), speedChart(rows));
  const table = [
    '| knowledge base | aliases | measure | value | ratio |',
    '| --- | ---: | --- | ---: | --- |',
    ...rows.map((r) => `| ${r.kb} | ${r.aliases || ''} | ${r.what} | ${r.value} ${r.unit} | ${r.ratio ?? ''} |`),
  ].join('\n');
  let browserPart: string;
  if ('skipped' in browser)
    browserPart = `## In the browser at 100,000 entities\n\nNot measured in this run: ${browser.skipped}\n`;
  else {
    writeFileSync(join(root, 'docs/images/browser-targets.svg'), targetChart(browser.figures));
    browserPart = browserMarkdown(browser, 'images/browser-targets.svg');
  }
  const doc = join(root, 'docs/performance.md');
  const markdown = `# Performance

Written by \`npm run bench\` (bench/run.ts); every figure comes from the same run as its baselines.
Do not edit by hand: run the benchmark again.

## Matching in Node

${notes.map((n) => `- ${n}`).join('\n')}

![Matching speed](images/matching-speed.svg)

${table}

${browserPart}${extra.map((m) => `\n${m.trim()}\n`).join('')}`;
  // Formatted as the repository's format check wants it, so a fresh report passes `npm run format:check`.
  const options = (await prettier.resolveConfig(doc)) ?? {};
  writeFileSync(doc, await prettier.format(markdown, { ...options, filepath: doc }));
}
