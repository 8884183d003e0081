import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { annotateBlocks } from '@/lib/core/annotate';
import { searchEntities } from '@/lib/kb/search';
import { onMessage, PRIVILEGED, type EntityView, type ProtocolMap } from '@/lib/messaging/protocol';
import { err, ok, type Result } from '@/lib/messaging/result';
import { describeIssues, REQUEST_SCHEMAS } from '@/lib/messaging/schemas';
import { isExtensionPage } from '@/lib/messaging/trust';
import type { StoredEntity } from '@/lib/kb/db';
import { db, ensureBuiltin, getMatchIndex } from './knowledge';

type Value<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];

/** Registers a handler that checks the sender and the request, and turns every failure into a value. */
function handle<K extends keyof ProtocolMap>(type: K, run: (data: Data<K>) => Promise<Value<K>>): void {
  onMessage(type, (async ({ data, sender }) => {
    if (PRIVILEGED.has(type) && !isExtensionPage(sender, browser.runtime.getURL('/'), browser.runtime.id)) {
      return err(`"${type}" may only be sent by Gloss's own pages`);
    }
    const parsed = v.safeParse(REQUEST_SCHEMAS[type], data);
    if (!parsed.success) return err(`malformed "${type}" request: ${describeIssues(parsed.issues)}`);
    try {
      return ok(await run(parsed.output as Data<K>));
    } catch (e) {
      console.error(`Gloss: ${type} failed`, e);
      return err(e instanceof Error ? e.message : String(e));
    }
  }) as Parameters<typeof onMessage<K>>[1]);
}

const toView = ({ searchKeys: _keys, ...rest }: StoredEntity): EntityView => rest;

export function registerHandlers(): void {
  handle('annotate', async ({ blocks }) => {
    return { mentions: annotateBlocks(await getMatchIndex(), blocks) };
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
