import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKUP_MAX_CHARS, lookupOnWikidata, type LookupDeps } from '../../lib/sync/wikidata-lookup';
import { TEST_LIMITS } from './support/sync-fixtures';
import { startSyncServer, type SyncTestServer } from './support/sync-server';
import { haveData, loadFixtures, wikidataEmulator } from './support/wikidata-emulator';

let server: SyncTestServer;
beforeAll(async () => {
  server = await startSyncServer();
  if (haveData) server.on('/w/api.php', wikidataEmulator(loadFixtures()));
});
afterAll(() => server.close());

const lookupDeps = (instance = server.origin): LookupDeps => ({
  limits: TEST_LIMITS,
  now: Date.now,
  instance,
  languages: ['en'],
});

/** The query strings of the requests made since `from`, as parameter maps. */
const sentSince = (from: number) =>
  server.requests.slice(from).map((r) => Object.fromEntries(new URL(r.path, 'http://x').searchParams));

describe('looking a name up on Wikidata, against an emulation serving the saved real responses', { timeout: 15_000 }, () => {
  it('finds the item, describes it as the knowledge base would, and sends nothing but the words', async (ctx) => {
    if (!haveData) return ctx.skip();
    const from = server.requests.length;
    const result = await lookupOnWikidata(lookupDeps(), '  Henning\n Christophersen ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.candidates).toHaveLength(1);
    const [found] = result.candidates;
    expect(found!.url).toBe(`${server.origin}/wiki/Q646148`);
    expect(found!.entity).toMatchObject({
      id: 'wd:Q646148',
      name: 'Henning Christophersen',
      kind: 'person',
      description: 'Danish politician',
    });
    expect(found!.entity.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Henning_Christophersen');
    const sent = sentSince(from);
    expect(sent[0]).toEqual({
      action: 'query',
      list: 'search',
      srsearch: 'Henning Christophersen',
      format: 'json',
      srlimit: '5',
    });
    expect(sent[1]).toMatchObject({ action: 'wbgetentities', ids: 'Q646148', languages: 'en|mul' });
    // Positions held are named in one more request; nothing else is asked.
    expect(sent.slice(2).every((q) => q.action === 'wbgetentities' && q.props === 'labels')).toBe(true);
  });

  it('keeps search order and answers an empty list when nothing matches', async (ctx) => {
    if (!haveData) return ctx.skip();
    const none = await lookupOnWikidata(lookupDeps(), 'Zzyzx Nobody Qwerty');
    expect(none).toEqual({ ok: true, candidates: [] });
    const douglas = await lookupOnWikidata(lookupDeps(), 'Douglas Adams');
    expect(douglas.ok && douglas.candidates.map((c) => c.entity.id)).toEqual(['wd:Q42']);
  });

  it('sends at most the first words of a long selection', async (ctx) => {
    if (!haveData) return ctx.skip();
    const from = server.requests.length;
    await lookupOnWikidata(lookupDeps(), 'word '.repeat(200));
    expect(sentSince(from)[0]!.srsearch!.length).toBeLessThanOrEqual(LOOKUP_MAX_CHARS);
    expect(await lookupOnWikidata(lookupDeps(), '   ')).toEqual({ ok: false, message: 'There are no words to look up.' });
  });

  it('says in words why when Wikidata fails, answers HTML or an unexpected shape', async () => {
    const broken = await startSyncServer();
    try {
      broken.on('/w/api.php', (_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{}'));
      const failed = await lookupOnWikidata(lookupDeps(broken.origin), 'Douglas Adams');
      expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/500/) });

      broken.on('/w/api.php', (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>'),
      );
      const html = await lookupOnWikidata(lookupDeps(broken.origin), 'Douglas Adams');
      expect(html).toMatchObject({ ok: false, message: expect.stringMatching(/HTML|web page/i) });

      broken.on('/w/api.php', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'x' } })),
      );
      const odd = await lookupOnWikidata(lookupDeps(broken.origin), 'Douglas Adams');
      expect(odd).toEqual({ ok: false, message: 'Wikidata’s search answer was not in the expected form.' });
    } finally {
      await broken.close();
    }
  });

  it('drops markup Wikidata might hold instead of passing it on', async () => {
    const hostile = await startSyncServer();
    try {
      hostile.on('/w/api.php', (req, res) => {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        const body =
          q.get('list') === 'search'
            ? { query: { search: [{ title: 'Q1' }, { title: 'javascript:alert(1)' }] } }
            : {
                entities: {
                  Q1: {
                    type: 'item',
                    id: 'Q1',
                    labels: { en: { language: 'en', value: 'Bad <img src=x onerror=alert(1)>' } },
                    descriptions: { en: { language: 'en', value: '<script>alert(1)</script>' } },
                  },
                },
              };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
      const result = await lookupOnWikidata(lookupDeps(hostile.origin), 'Bad');
      expect(result).toEqual({ ok: true, candidates: [] });
    } finally {
      await hostile.close();
    }
  });
});
