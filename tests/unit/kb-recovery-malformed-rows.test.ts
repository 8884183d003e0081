import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex } from '../../lib/core/match-index';
import { toStored } from '../../lib/core/index-store';
import { matchIndexProblem, repairCaches } from '../../lib/kb/cache-check';
import { openDb } from '../../lib/kb/db';
import { checkAndRepair, startKb } from '../../lib/kb/start-kb';
import { knowledgeStamp, loadOrBuildMatchIndex } from '../../lib/kb/stored-index';
import { populate, URL_SOURCE } from './support/kb-fault-fixtures';
import { bucketOf } from '../../lib/kb/bucket-of';
import { opened, fresh, usersKb, recovering, expectUsersDataKept } from './support/kb-recovery';

/**
 * A damaged, downgraded, unreadable or vanished knowledge base: each is rebuilt, with every note,
 * entity of the user's and subscribed source kept, the built-in pack imported again and the
 * subscribed sources due for a fetch; the user is told what happened.
 */

describe('malformed rows in a database that opens', () => {
  it('are found by the read-through, left out, and everything else rebuilt', async () => {
    const name = fresh('malformed');
    const { populated, area, before } = await usersKb(name);
    const raw = openDb(name);
    await raw.entities.put({ id: 'b:bo', kind: 'person', searchKeys: [], sourceIds: ['builtin'] } as never); // no name
    const bucket = bucketOf('u:zz');
    const row = await raw.variantBuckets.get([URL_SOURCE.id, bucket]);
    await raw.variantBuckets.put({
      sourceId: URL_SOURCE.id,
      bucket,
      entities: [...(row && 'entities' in row ? row.entities : []), { id: 'u:zz', garbage: true } as never],
    });
    await raw.notes.put({ entityId: 'u:cy', text: 42, updatedAt: 'yesterday' } as never);
    await raw.sources.put({ id: 'url:bogus', kind: 'ftp', name: 7 } as never);
    raw.close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    // The start does not read every row; a run-time failure (or the daily check) does.
    const report = await checkAndRepair(deps, true);
    await expectUsersDataKept(kb, populated, before, { urlEntities: true });
    expect(await kb.db.sources.get('url:bogus')).toBeUndefined();
    expect(await kb.db.notes.get('u:cy')).toBeUndefined();
    expect(report).toMatchObject({ reason: 'malformed', dropped: { notes: 1, entities: 1, sources: 1 } });
    expect(report!.detail).toMatch(/sources "url:bogus": no known kind/);
    expect(reports.at(-1)).toEqual(report);
    // Checked again right after: clean.
    expect(await checkAndRepair(deps, true)).toBeNull();
  });

  it('a revision counter of the wrong type: caches dropped and the counter restarted past any old value', async () => {
    const name = fresh('meta');
    const { area } = await usersKb(name);
    const raw = openDb(name);
    const stamp = await knowledgeStamp(raw);
    await loadOrBuildMatchIndex(raw);
    expect((await raw.meta.get('matchIndex'))?.value).toMatchObject({ stamp });
    await raw.meta.put({ key: 'kbRevision', value: 'seven' });
    raw.close();

    const { kb, deps, reports } = recovering(name, area);
    await startKb(deps);
    expect(await kb.db.meta.get('matchIndex')).toBeUndefined();
    expect((await kb.db.meta.get('kbRevision'))?.value).toBeGreaterThanOrEqual(1_700_000_000_000);
    expect(reports).toEqual([expect.objectContaining({ reason: 'caches', detail: 'the revision counter was not a number' })]);
    expect(await repairCaches(kb.db)).toBeNull();
  });

  it('a stored matcher with garbage inside is told apart from a sound one', async () => {
    const name = fresh('matcher');
    const db = openDb(name);
    opened.push(db);
    await populate(db);
    const sound = buildMatchIndex(await db.entities.toArray());
    expect(matchIndexProblem(sound)).toBeNull();
    // Stored with the right stamp, as a bit flip or a half-written blob would leave it.
    const stored = toStored(sound, await knowledgeStamp(db));
    const garbage = [
      { ...stored, automaton: { ...stored.automaton, edgeTarget: stored.automaton.edgeTarget.map(() => 999_999) } },
      { ...stored, automaton: { ...stored.automaton, firstEdge: new Uint32Array(3) } },
      { ...stored, variants: { ...stored.variants, entity: stored.variants.entity.map(() => 77) } },
      { ...stored, variants: { ...stored.variants, text: '' } },
      { ...stored, automaton: { ...stored.automaton, output: Int32Array.from(stored.automaton.output, () => 1e6) } },
    ];
    for (const blob of garbage) {
      await db.meta.put({ key: 'matchIndex', value: blob });
      const { index, loaded } = await loadOrBuildMatchIndex(db);
      expect(loaded).toBe(true);
      expect(matchIndexProblem(index)).not.toBeNull();
    }
  });
});
