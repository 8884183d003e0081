import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserFigure } from './report';

const DOC = join(import.meta.dirname, '../docs/pages.md');
const LONG_TASK_TARGET_MS = 50;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * The corpus-page figures of the last `tests/e2e/pages.e2e.test.ts` run (docs/pages.md), summarised
 * rather than measured again: that test loads 16 pages twice with the profiler on, minutes of a shared
 * machine, and is the place those figures are made. Returns no figures when the table is absent.
 */
export function summarisePagesDoc(): { figures: BrowserFigure[]; note: string | null } {
  if (!existsSync(DOC)) return { figures: [], note: null };
  const doc = readFileSync(DOC, 'utf8');
  const block = /<!-- pages-table:start -->([\s\S]*)<!-- pages-table:end -->/.exec(doc)?.[1] ?? '';
  const measured = /^Measured (\S+) .*?load average ([\d. /]+)/m.exec(block);
  const rows = block
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| page') && !l.startsWith('| ---'))
    // The "article found by" cell escapes its own pipes.
    .map((l) => l.split(/(?<!\\)\|/).map((c) => c.trim()))
    .map((c) => ({ page: c[1]!, paint: Number(c[6]), longest: Number(c[7]) }))
    .filter((r) => Number.isFinite(r.longest));
  if (rows.length === 0) return { figures: [], note: null };
  const painted = rows.filter((r) => Number.isFinite(r.paint));
  const worstPaint = painted.reduce((a, b) => (b.paint > a.paint ? b : a));
  const worstTask = rows.reduce((a, b) => (b.longest > a.longest ? b : a));
  const over = rows.filter((r) => r.longest > LONG_TASK_TARGET_MS);
  const source = `docs/pages.md (pages.e2e, default pack, ${measured?.[1] ?? 'undated'})`;
  return {
    note: `Corpus-page rows are summarised from the last pages.e2e run in docs/pages.md (${rows.length} pages, built-in pack, measured ${measured?.[1] ?? '?'} at load average ${measured?.[2]?.trim() ?? '?'}), not re-run by the bench; the demo-page rows are measured in this run.`,
    figures: [
      {
        what: `corpus pages: document idle → highlights painted, median of ${painted.length}`,
        value: Math.round(median(painted.map((r) => r.paint))),
        unit: 'ms',
        how: `${source}; worst ${worstPaint.paint} ms (${worstPaint.page})`,
      },
      {
        what: `corpus pages: longest Gloss main-thread task, median of ${rows.length}`,
        value: median(rows.map((r) => r.longest)),
        unit: 'ms',
        how: `${source}; worst ${worstTask.longest} ms (${worstTask.page})`,
      },
      {
        what: 'corpus pages: longest Gloss main-thread task, worst page',
        value: worstTask.longest,
        unit: 'ms',
        how: `${source}; ${over.length} of ${rows.length} pages over ${LONG_TASK_TARGET_MS} ms`,
        target: { max: LONG_TASK_TARGET_MS, unit: 'ms' },
        why:
          over.length === 0
            ? undefined
            : `${over.map((r) => `${r.page} ${r.longest} ms`).join(', ')} (see docs/pages.md, "Reading the figures", for the known costs, largest first: evaluating the content script itself, scoring paragraphs on very large pages, the first paint); measured with the sampling profiler on and at the load average noted there. These pages ran with the built-in pack, not at 100k: the matching itself runs in the worker, off the page's main thread.`,
      },
    ],
  };
}
