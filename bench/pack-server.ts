import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves fixed JSON bodies on 127.0.0.1, with the CORS headers a pack publisher sends: Gloss's worker
 * is not granted 127.0.0.1, so the fetch goes through CORS as it would for a real publisher.
 */
export async function serveFiles(files: Record<string, Buffer>): Promise<FileServer> {
  const server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-expose-headers': 'etag, last-modified, content-range, content-length',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const body = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!body) {
      res.writeHead(404, cors).end();
      return;
    }
    res.writeHead(200, {
      ...cors,
      'content-type': 'application/json',
      'content-length': String(body.length),
      etag: '"bench"',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
