import { describe, expect, it } from 'vitest';
import { applySourcePack } from '../../lib/kb/apply-pack';
import { enableWikidataSource, removeSource, updateSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import { WIKIDATA_SOURCE_ID } from '../../lib/sync/wikidata-source';
import { deps, entity, kbIds, pack, said, whyFailed } from './support/sync-fixtures';
import { startSyncServer } from './support/sync-server';
import { syncTestbed } from './support/sync-testbed';
import { haveData, loadFixtures, wikidataEmulator } from './support/wikidata-emulator';

const emulator = haveData ? wikidataEmulator(loadFixtures()) : undefined;
const bed = syncTestbed(async (db, server) => {
  if (emulator) server.on('/w/api.php', emulator);
  await applySourcePack(
    db,
    { id: 'news', kind: 'pack-url', name: 'Newsroom', enabled: true, priority: 0 },
    pack(
      [
        entity('wd:Q646148', 'Henning Christophersen', {
          description: 'Former European Commissioner from Denmark.',
          alternateName: [{ text: 'Christophersen' }],
          roles: [{ label: 'Vice-President of the European Commission', from: '1985', to: '1995' }],
        }),
        entity('wd:Q42', 'Douglas Adams', { kind: 'person' }),
        entity('wd:Q2112', 'Bielefeld', { kind: 'place', prior: 0.7 }),
        // Not in the saved responses: Wikidata answers "missing" for it.
        entity('wd:Q99999991', 'Nobody Known'),
        entity('news:local', 'Local Figure'),
      ],
      '1',
      'news',
    ),
  );
});

const emulatorDeps = () => deps(bed.db, { wikidataInstance: bed.server.origin });

describe('the Wikidata source against an emulation of the API', { timeout: 15_000 }, () => {
  it('refreshes labels, aliases and descriptions of the linked entities, and says what it left out', async (ctx) => {
    if (!haveData) return ctx.skip();
    const { source } = await enableWikidataSource(bed.db, bed.server.origin);
    expect(source).toMatchObject({ enabled: true, priority: 0, kind: 'wikidata' });
    expect((await bed.db.sources.get('news'))?.priority).toBe(1);

    const outcome = await syncSource(emulatorDeps(), WIKIDATA_SOURCE_ID);
    expect(outcome.status).toBe('updated');

    // What was sent where: one entities request with the linked ids and the reader's language, one
    // labels request for the positions held. Nothing else.
    const sent = bed.server.requests.map((r) => new URL(r.path, 'http://x').searchParams);
    expect(sent.map((q) => [q.get('ids'), q.get('languages'), q.get('props')])).toEqual([
      ['Q2112|Q42|Q646148|Q99999991', 'en|mul', 'labels|descriptions|aliases|claims|sitelinks'],
      ['Q5449541|Q6866144', 'en|mul', 'labels'],
    ]);

    expect(await kbIds(bed.db)).toEqual(['news:local', 'wd:Q2112', 'wd:Q42', 'wd:Q646148', 'wd:Q99999991']);
    const henning = (await bed.db.entities.get('wd:Q646148'))!;
    expect(henning).toMatchObject({ name: 'Henning Christophersen', description: 'Danish politician', kind: 'person' });
    expect(henning.sourceIds).toEqual([WIKIDATA_SOURCE_ID, 'news']);
    expect(henning.links?.wikipedia).toBe('https://en.wikipedia.org/wiki/Henning_Christophersen');
    // The pack's alias and roles stay: Wikidata named neither position in English, so it gave none.
    expect(henning.alternateName?.map((a) => a.text)).toContain('Christophersen');
    // Confirmed as of the pack's date (sync-fixtures: asOf 2025-01-01), which an import stamps on undated roles.
    expect(henning.roles).toEqual([
      { label: 'Vice-President of the European Commission', from: '1985', to: '1995', confirmed: '2025-01-01' },
    ]);
    // The card can show the pack's own words too.
    expect(henning.alternatives).toEqual([
      {
        sourceId: 'news',
        sourceName: 'Newsroom',
        name: 'Henning Christophersen',
        kind: 'person',
        description: 'Former European Commissioner from Denmark.',
        roles: [{ label: 'Vice-President of the European Commission', from: '1985', to: '1995', confirmed: '2025-01-01' }],
      },
    ]);
    expect((await bed.db.entities.get('wd:Q42'))!.description).toBe('English writer and humorist');
    // Wikidata's class would say "city"; the kind stays the pack author's, and so does the prior.
    expect(await bed.db.entities.get('wd:Q2112')).toMatchObject({ kind: 'place', description: 'city in Germany', prior: 0.7 });
    // Missing on Wikidata: the pack's version stays, alone.
    expect((await bed.db.entities.get('wd:Q99999991'))!.sourceIds).toEqual(['news']);
    expect((await bed.db.entities.get('news:local'))!.sourceIds).toEqual(['news']);

    const status = (await bed.db.sources.get(WIKIDATA_SOURCE_ID))!;
    expect(status.entityCount).toBe(3);
    expect(status.status).toEqual({
      code: 'updated',
      version: status.version,
      added: 3,
      changed: 0,
      removed: 0,
      entities: 3,
      notes: { skipped: 1, unnamed: 2, languages: ['en'] },
    });
    expect(said(status)).toBe(
      'Updated to version ' +
        status.version +
        ': 3 added, 0 changed, 0 removed (3 entities). 1 entity could not be refreshed (for example no description in en); its pack’s text stays. 2 positions without a name in en left out.',
    );
  });

  it('never keeps an entity on its own: it refreshes what packs give, and leaves with them', async (ctx) => {
    if (!haveData) return ctx.skip();
    await enableWikidataSource(bed.db, bed.server.origin);
    await syncSource(emulatorDeps(), WIKIDATA_SOURCE_ID);
    await updateSource(bed.db, { id: 'news', enabled: false });
    expect(await kbIds(bed.db)).toEqual([]);
    await updateSource(bed.db, { id: 'news', enabled: true });
    expect((await bed.db.entities.get('wd:Q42'))!.description).toBe('English writer and humorist');
    // Ranked below the pack, Wikidata no longer decides what is shown.
    await updateSource(bed.db, { id: WIKIDATA_SOURCE_ID, priority: 1 });
    expect((await bed.db.entities.get('wd:Q42'))!.description).toBe('Douglas Adams, a test person.');
    // Removing the Wikidata source removes none of the pack's entities.
    const { preview } = await removeSource(bed.db, WIKIDATA_SOURCE_ID);
    expect(preview).toMatchObject({ given: 3, removed: 0, kept: 3 });
    expect(await kbIds(bed.db)).toEqual(['news:local', 'wd:Q2112', 'wd:Q42', 'wd:Q646148', 'wd:Q99999991']);
    expect((await bed.db.entities.get('wd:Q646148'))!.description).toBe('Former European Commissioner from Denmark.');
    expect((await bed.db.entities.get('wd:Q646148'))!.alternatives).toBeUndefined();
  });

  it('asks only for the ids an enabled pack links, never a turned-off pack’s', async (ctx) => {
    if (!haveData) return ctx.skip();
    await applySourcePack(
      bed.db,
      { id: 'off', kind: 'pack-url', name: 'Turned off', enabled: false, priority: 2 },
      pack([entity('wd:Q1', 'Universe Only Here')], '1', 'off'),
    );
    await enableWikidataSource(bed.db, bed.server.origin);
    await syncSource(emulatorDeps(), WIKIDATA_SOURCE_ID);
    const asked = bed.server.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('ids'));
    expect(asked[0]).toBe('Q2112|Q42|Q646148|Q99999991');
    expect(asked.join('|')).not.toMatch(/\bQ1\b/);
  });

  it('keeps the last refresh when Wikidata fails', async (ctx) => {
    if (!haveData) return ctx.skip();
    await enableWikidataSource(bed.db, bed.server.origin);
    await syncSource(emulatorDeps(), WIKIDATA_SOURCE_ID);
    const before = await bed.db.entities.toArray();
    const broken = await startSyncServer();
    broken.on('/w/api.php', (_req, res) => res.writeHead(503, { 'retry-after': '7200' }).end());
    await bed.db.sources.update(WIKIDATA_SOURCE_ID, { url: broken.origin });
    const t = Date.now();
    expect((await syncSource(deps(bed.db, { now: () => t }), WIKIDATA_SOURCE_ID)).status).toBe('failed');
    await broken.close();
    expect(await bed.db.entities.toArray()).toEqual(before);
    const status = (await bed.db.sources.get(WIKIDATA_SOURCE_ID))!;
    expect(whyFailed(status)).toMatch(/is busy \(503 Service Unavailable\); Gloss will try again later\./);
    // Retry-After asked for 2 h, more than the first back-off step.
    expect(status.nextDue! - t).toBe(2 * 3_600_000);
  });
});
