import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../../../scripts/demo-server';

/** The demo page, fixtures and corpus on 127.0.0.1 for one test file: started before its tests, closed after. */
export function demoServerForFile(): Pick<TestServer, 'url'> {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    url(path) {
      if (!server) throw new Error('The demo server starts before the first test.');
      return server.url(path);
    },
  };
}
