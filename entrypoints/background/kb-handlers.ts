import { annotateArticle } from '@/lib/core/annotate-article';
import type { StoredEntity } from '@/lib/kb/db';
import { storedEntityProblem } from '@/lib/kb/row-check';
import { searchEntities } from '@/lib/kb/search';
import type { KbProtocol } from '@/lib/messaging/kb-protocol';
import type { EntityView } from '@/lib/messaging/protocol';
import type { Handlers } from './handle';
import { db, dropMatcher, ensureBuiltin, getMatchIndex, repairIfDamaged } from './knowledge';

const toView = ({ searchKeys: _keys, ...rest }: StoredEntity): EntityView => rest;

/**
 * A row damaged on disk is not handed to a card (which would break on it): it is left out, and the
 * knowledge base is checked and rebuilt in the background.
 */
function sound(entities: (StoredEntity | undefined)[]): StoredEntity[] {
  const good = entities.filter((e): e is StoredEntity => e !== undefined && storedEntityProblem(e) === null);
  if (good.length < entities.filter((e) => e !== undefined).length) void repairIfDamaged();
  return good;
}

/** Whether this worker has already rebuilt its matcher after a failure: a second failure is not damage. */
let rebuiltAfterFailure = false;

async function annotate(blocks: string[], date: string | undefined, lang: string | undefined) {
  const run = async () => annotateArticle(await getMatchIndex(), blocks, { ...(date ? { date } : {}), lang: lang ?? null });
  try {
    return await run();
  } catch (e) {
    // A stored matcher can hold damage its shape check does not see: build one afresh, once per worker.
    // If the fresh one fails too the fault is in the text or the code, and rebuilding for every page
    // (seconds at 100,000 entities) would not help.
    if (rebuiltAfterFailure) throw e;
    rebuiltAfterFailure = true;
    console.warn('Gloss: matching failed; building the matcher again', e);
    await dropMatcher();
    return run();
  }
}

/** Reading the knowledge base (lib/messaging/kb-protocol.ts). */
export const kbHandlers: Handlers<keyof KbProtocol> = {
  // The same pipeline as the CLI's: names first, so known mentions depend on the page's language too.
  annotate: ({ blocks, date, lang }) => annotate(blocks, date, lang),
  getEntity: async ({ id }) => {
    await ensureBuiltin();
    const [e] = sound([await db.entities.get(id)]);
    return e ? toView(e) : null;
  },
  search: async ({ query }) => {
    await ensureBuiltin();
    return sound(await searchEntities(db, query)).map(toView);
  },
  listSources: async () => {
    await ensureBuiltin();
    return db.sources.toArray();
  },
  reimportBuiltin: async () => {
    await ensureBuiltin(true);
    return { entityCount: await db.entities.count() };
  },
};
