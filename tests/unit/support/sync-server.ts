import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

export interface SyncTestServer {
  origin: string;
  url(path: string): string;
  /** Serves `path` with `handler` from now on (replacing any earlier one). */
  on(path: string, handler: Handler): void;
  requests: LoggedRequest[];
  /** Bytes written to responses, per path: shows that a download was cut off early. */
  bytesSent: Map<string, number>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 on a port the OS picks, with per-path handlers the test sets. */
export async function startSyncServer(): Promise<SyncTestServer> {
  const handlers = new Map<string, Handler>();
  const requests: LoggedRequest[] = [];
  const bytesSent = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    const count = (chunk: unknown) => {
      const n = typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0;
      bytesSent.set(url.pathname, (bytesSent.get(url.pathname) ?? 0) + n);
    };
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return write(chunk, ...rest);
    }) as typeof res.write;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk !== undefined && typeof chunk !== 'function') count(chunk);
      return end(chunk, ...rest);
    }) as typeof res.end;
    const handler = handlers.get(url.pathname);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    on: (path, handler) => handlers.set(path, handler),
    requests,
    bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface FileOptions {
  contentType?: string;
  etag?: string;
  lastModified?: string;
  cacheControl?: string;
  /** Honour Range/If-Range as a static file server does. */
  ranges?: boolean;
}

/** Serves a body as a static file server would: validators, 304 to a matching conditional request, ranges. */
export function file(body: string | Buffer, opts: FileOptions = {}): Handler {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return (req, res) => {
    const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
    if (opts.etag) headers.etag = opts.etag;
    if (opts.lastModified) headers['last-modified'] = opts.lastModified;
    if (opts.cacheControl) headers['cache-control'] = opts.cacheControl;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((opts.etag && inm === opts.etag) || (!inm && opts.lastModified && ims === opts.lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (opts.ranges && range && (!ifRange || ifRange === opts.etag || ifRange === opts.lastModified)) {
      const start = Number(range[1]);
      if (start >= bytes.length) {
        res.writeHead(416, { ...headers, 'content-range': `bytes */${bytes.length}` }).end();
        return;
      }
      headers['content-range'] = `bytes ${start}-${bytes.length - 1}/${bytes.length}`;
      res.writeHead(206, { ...headers, 'content-length': String(bytes.length - start) }).end(bytes.subarray(start));
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(bytes.length) }).end(bytes);
  };
}
