/**
 * `npm start`: builds Gloss, serves the demo article on 127.0.0.1 and opens it in the system's
 * Chromium or Chrome with Gloss loaded, in a throwaway profile.
 *
 *   npm start                                   a browser window on the demo article
 *   npm start -- --headless --screenshot out.png   no display: save a screenshot with a card open
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium';
import { startServer } from './demo-server';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = join(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');

if (!values.headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.error('No display found. Run "npm start -- --headless --screenshot out.png" to get a screenshot instead.');
  process.exit(1);
}
if (!values['no-build']) {
  console.log('Building Gloss for Chromium…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const server = await startServer(Number(values.port));
const demoUrl = server.url('/demo/article.html');
const profile = mkdtempSync(join(tmpdir(), 'gloss-start-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: findChromium(),
  headless: values.headless,
  viewport: values.headless ? { width: 1280, height: 800 } : null,
  args: chromiumArgs(extension),
});
const cleanup = async () => {
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(profile, { recursive: true, force: true });
};

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 20_000 });
console.log(`Gloss is running on the demo article: ${demoUrl}`);

if (values.screenshot) {
  const target = await page.evaluate(() => {
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight as Highlight) {
        if (range instanceof Range && range.toString().includes('Netanyahu')) {
          const r = range.getClientRects()[0];
          if (r) return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
    }
    return null;
  });
  if (target) {
    await page.mouse.move(target.x, target.y, { steps: 3 });
    // The card sits in a closed shadow root that no page-side locator reaches: wait out its show delay
    // (0.5 s) and the first lookup instead.
    await page.waitForTimeout(2_000);
  }
  const out = resolve(values.screenshot);
  await page.screenshot({ path: out });
  console.log(`Screenshot saved to ${out}`);
}

if (values.headless) await cleanup();
else {
  console.log('Hover an underlined name to see its card. Close the browser or press Ctrl+C to stop.');
  context.on('close', () => void cleanup().then(() => process.exit(0)));
  process.on('SIGINT', () => void cleanup().then(() => process.exit(0)));
}
