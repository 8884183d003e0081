import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { existsSync } from 'node:fs';
import { listenLocal, type LocalServer } from './local-server';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus');

export type TestServer = LocalServer;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Serves the project's demo page under /demo/ and the shared corpus under /corpus/ on 127.0.0.1,
 * on a port the OS picks. Nothing else is reachable.
 */
export async function startServer(port = 0): Promise<TestServer> {
  const mounts: [string, string][] = [
    ['/demo/', join(ROOT, 'assets/demo')],
    ['/fixtures/', join(ROOT, 'tests/fixtures')],
    ...(existsSync(CORPUS) ? ([['/corpus/', CORPUS]] as [string, string][]) : []),
  ];
  return listenLocal((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end('not found');
      return;
    }
    const file = normalize(join(mount[1], path.slice(mount[0].length)));
    if (!file.startsWith(mount[1])) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  }, port);
}
