import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** axe-core's script, to evaluate in a page (Playwright's or Puppeteer's) before runAxeRules. */
export const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs in the page: the ids of the given axe rules that its document breaks. */
export async function runAxeRules(values: string[]): Promise<string[]> {
  const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string }[] }> } }).axe;
  const result = await axe.run(document, { runOnly: { type: 'rule', values } });
  return result.violations.map((v) => v.id);
}
