/**
 * A hostile pack publisher (issue 18, items 4-7), each attack through a real source served on 127.0.0.1
 * and the real sync path: the reader's knowledge base keeps what it had and the built-in names keep working.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/core/annotate';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { loadOrBuildMatchIndex } from '../../lib/kb/stored-index';
import { MAX_ENTITIES_PER_ALIAS } from '../../lib/pack/alias-rules';
import { addUrlSource } from '../../lib/sync/registry';
import { syncSource } from '../../lib/sync/sync-source';
import { deps, entity, pack, whyFailed } from './support/sync-fixtures';
import { file, startSyncServer } from './support/sync-server';
import { syncTestbed } from './support/sync-testbed';

const bed = syncTestbed();

describe('images of a subscribed pack (beacons)', { timeout: 15_000 }, () => {
  it('are not kept: a card or a search result never loads them from the pack’s host', async () => {
    const beacon = `${bed.server.origin.replace('http:', 'https:')}/pixel.png?who=reader`;
    const withImage = { ...entity('t:ana', 'Ana Lima'), image: beacon };
    bed.server.on('/images.json', file(JSON.stringify(pack([withImage, entity('t:bo', 'Bo Chen')], '1'))));
    const id = (await addUrlSource(bed.db, { url: bed.server.url('/images.json'), kind: 'pack-url' })).id;
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    const stored = await bed.db.entities.get('t:ana');
    expect(stored?.name).toBe('Ana Lima');
    expect(stored?.image).toBeUndefined();
    expect(bed.server.requests.map((r) => r.path)).toEqual(['/images.json']);
  });
});

describe('a hostile pack through a real source', { timeout: 15_000 }, () => {
  it('is refused whole, in plain words, when its aliases are common words or one letter; the old data stays', async () => {
    bed.server.on('/good.json', file(JSON.stringify(pack([entity('t:ana', 'Ana Lima')], '1'))));
    const id = (await addUrlSource(bed.db, { url: bed.server.url('/good.json'), kind: 'pack-url' })).id;
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    const flood = Array.from({ length: 500 }, (_, i) => ({
      ...entity(`t:f${i}`, `Flood ${i}`),
      alternateName: [{ text: 'the' }],
    }));
    bed.server.on(
      '/good.json',
      file(
        JSON.stringify(
          pack([entity('t:ana', 'Ana Lima'), ...flood, { ...entity('t:x', 'Xavier'), alternateName: [{ text: 'a' }] }], '2'),
        ),
      ),
    );
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    const source = await bed.db.sources.get(id);
    expect(source?.version).toBe('1');
    expect(JSON.stringify(source?.problems ?? whyFailed(source))).toMatch(/common word|single letter/);
    expect(await bed.db.entities.get('t:f0')).toBeUndefined();
    expect((await bed.db.entities.get('t:ana'))?.name).toBe('Ana Lima');
  });
});

describe('a source that sends Gloss elsewhere', { timeout: 15_000 }, () => {
  it('is refused, in plain words, when it redirects to another host; the old data stays', async () => {
    const elsewhere = await startSyncServer();
    try {
      elsewhere.on('/pack.json', file(JSON.stringify(pack([entity('t:evil', 'Evil Twin')], '2'))));
      bed.server.on('/moving.json', file(JSON.stringify(pack([entity('t:ana', 'Ana Lima')], '1'))));
      const id = (await addUrlSource(bed.db, { url: bed.server.url('/moving.json'), kind: 'pack-url' })).id;
      expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
      bed.server.on('/moving.json', (_req, res) => res.writeHead(302, { location: elsewhere.url('/pack.json') }).end());
      expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
      expect(whyFailed(await bed.db.sources.get(id))).toMatch(/only from the site you added/);
      // fetch follows the redirect before Gloss sees it (a service worker cannot read a manual redirect's
      // target), so the other host got one request; nothing of its answer is read or kept.
      expect(await bed.db.entities.get('t:evil')).toBeUndefined();
      expect((await bed.db.entities.get('t:ana'))?.name).toBe('Ana Lima');
    } finally {
      await elsewhere.close();
    }
  });
});

describe('packs that flood a built-in name', { timeout: 30_000 }, () => {
  it('leave the built-in entity among the candidates of every mention, whatever they subscribe', async () => {
    const builtin = entity('gloss:hamas', 'Hamas', { kind: 'armed-group', description: 'A Palestinian armed group.' });
    await importBuiltinPack(bed.db, { ...pack([builtin], 'b1', 'gloss-world-news'), name: 'World news' });
    // Four sources, each within its own limit, together past the matcher's cap per alias.
    for (let p = 0; p < 4; p++) {
      const flood = Array.from({ length: MAX_ENTITIES_PER_ALIAS }, (_, i) =>
        entity(`f${p}:${i}`, 'Hamas', { kind: 'armed-group', description: 'Flood.' }),
      );
      bed.server.on(`/flood-${p}.json`, file(JSON.stringify(pack(flood, '1', `flood-${p}`))));
      const id = (await addUrlSource(bed.db, { url: bed.server.url(`/flood-${p}.json`), kind: 'pack-url' })).id;
      expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    }
    const { index } = await loadOrBuildMatchIndex(bed.db);
    const mentions = annotate(index, 'Hamas said on Monday that Hamas would answer.');
    expect(mentions).toHaveLength(2);
    for (const m of mentions) expect(m.candidates).toContain('gloss:hamas');
  });
});

describe('text-direction controls in a pack', { timeout: 15_000 }, () => {
  it('refuse the pack whole, in plain words; the old data stays', async () => {
    bed.server.on('/bidi.json', file(JSON.stringify(pack([entity('t:ana', 'Ana Lima')], '1'))));
    const id = (await addUrlSource(bed.db, { url: bed.server.url('/bidi.json'), kind: 'pack-url' })).id;
    expect((await syncSource(deps(bed.db), id)).status).toBe('updated');
    bed.server.on('/bidi.json', file(JSON.stringify(pack([entity('t:ana', 'Ana \u202eamiL')], '2'))));
    expect((await syncSource(deps(bed.db), id)).status).toBe('failed');
    expect(JSON.stringify((await bed.db.sources.get(id))?.problems ?? whyFailed(await bed.db.sources.get(id)))).toMatch(
      /direction/i,
    );
    expect((await bed.db.entities.get('t:ana'))?.name).toBe('Ana Lima');
  });
});
