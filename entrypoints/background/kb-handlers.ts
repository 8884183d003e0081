import { annotateBlocks } from '@/lib/core/annotate';
import { findUnknownActors } from '@/lib/core/unknown-actors';
import type { StoredEntity } from '@/lib/kb/db';
import { searchEntities } from '@/lib/kb/search';
import type { EntityView } from '@/lib/messaging/protocol';
import { handle } from './handle';
import { db, ensureBuiltin, getMatchIndex } from './knowledge';

const toView = ({ searchKeys: _keys, ...rest }: StoredEntity): EntityView => rest;

export function registerKbHandlers(): void {
  handle('annotate', async ({ blocks, date, unknown }) => {
    const mentions = annotateBlocks(await getMatchIndex(), blocks, date ? { date } : {});
    if (!unknown) return { mentions };
    return { mentions, unknown: blocks.map((text, i) => findUnknownActors(text, mentions[i]!)) };
  });
  handle('getEntity', async ({ id }) => {
    await ensureBuiltin();
    const e = await db.entities.get(id);
    return e ? toView(e) : null;
  });
  handle('search', async ({ query }) => {
    await ensureBuiltin();
    return (await searchEntities(db, query)).map(toView);
  });
  handle('listSources', async () => {
    await ensureBuiltin();
    return db.sources.toArray();
  });
  handle('reimportBuiltin', async () => {
    await ensureBuiltin(true);
    return { entityCount: await db.entities.count() };
  });
}
