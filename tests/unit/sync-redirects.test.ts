import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchBody } from '../../lib/sync/fetch-body';
import { TEST_LIMITS } from './support/sync-fixtures';
import { startSyncServer, type SyncTestServer } from './support/sync-server';
import { failureText } from '../../lib/sync/status-text';

const PACK = JSON.stringify({ hello: 'world' });

describe('a source that redirects', { timeout: 15_000 }, () => {
  let approved: SyncTestServer;
  let elsewhere: SyncTestServer;
  beforeEach(async () => {
    [approved, elsewhere] = await Promise.all([startSyncServer(), startSyncServer()]);
    elsewhere.on('/pack.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(PACK));
    approved.on('/new.json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(PACK));
  });
  afterEach(() => Promise.all([approved.close(), elsewhere.close()]));

  it('is refused when it sends Gloss to another site (another port is another origin), naming both', async () => {
    approved.on('/pack.json', (_req, res) => res.writeHead(302, { location: elsewhere.url('/pack.json') }).end());
    const result = await fetchBody({ url: approved.url('/pack.json'), expect: 'json', limits: TEST_LIMITS });
    expect(result).toMatchObject({ kind: 'failed', reason: 'redirected-elsewhere' });
    if (result.kind !== 'failed') return;
    expect(failureText(result.failure)).toContain(new URL(elsewhere.origin).host);
    expect(failureText(result.failure)).toMatch(/only from the site you added/);
  });

  it('is followed within the same site', async () => {
    approved.on('/pack.json', (_req, res) => res.writeHead(301, { location: '/new.json' }).end());
    const result = await fetchBody({ url: approved.url('/pack.json'), expect: 'json', limits: TEST_LIMITS });
    expect(result.kind).toBe('body');
    if (result.kind === 'body') expect(Buffer.concat(result.chunks).toString()).toBe(PACK);
  });
});
