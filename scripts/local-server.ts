import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** The address of `path` on this server. */
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves `handler` on 127.0.0.1, on a port the OS picks (a port of its own is an origin of its own).
 * The one way the demo, the benches and the tests start a server: nothing listens beyond this machine.
 */
export async function listenLocal(handler: RequestListener, port = 0): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${bound}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
