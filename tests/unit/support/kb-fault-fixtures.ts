import 'fake-indexeddb/auto';
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { applyPack } from '../../../lib/kb/apply-pack';
import { builtinNeedsImport, importBuiltinPack } from '../../../lib/kb/builtin';
import type { GlossDb, StoredEntity } from '../../../lib/kb/db';
import { savePersonal } from '../../../lib/kb/personal';
import type { CopyArea } from '../../../lib/kb/user-copy';
import type { Entity, Pack } from '../../../lib/pack/types';
import type { SettingsSnapshot } from '../../../lib/settings/schemas';
import { DEFAULT_DISPLAY_FOR_TESTS } from './settings-fixture';
import { entity, pack as testPack } from './sync-fixtures';
import { allVariants } from '../../../lib/kb/variant-buckets';

/** Fixtures for the fault tests: a knowledge base with something in every table, and ways to break it. */

export { entity };

/** The shared test pack, named as the built-in one when it stands in for it. */
export const pack = (entities: Entity[], version = '1', id = 'test'): Pack => ({
  ...testPack(entities, version, id),
  ...(id === 'builtin' && { name: 'World news (test)' }),
});

/** Stands in for the pack that ships with Gloss. */
export const BUILTIN = pack([entity('b:ana', 'Ana Lima'), entity('b:bo', 'Bo Chen')], '7', 'builtin');
export const ensureBuiltinFor = (db: GlossDb) => async () => {
  if (await builtinNeedsImport(db, BUILTIN.version)) await importBuiltinPack(db, BUILTIN);
};

export const URL_SOURCE = {
  id: 'url:example.org:1',
  kind: 'pack-url' as const,
  name: 'Desk pack',
  url: 'https://example.org/pack.json',
  enabled: true,
  priority: 1,
  intervalHours: 12,
  etag: '"v1"',
  lastSuccess: 1_700_000_000_000,
  nextDue: 1_800_000_000_000,
};
export const URL_ENTITIES = [entity('u:cy', 'Cy Dunn'), entity('b:ana', 'Ana Lima', { description: 'Ana, as the desk says.' })];

export interface Populated {
  personalId: string;
}

/** The built-in pack, a subscribed pack sharing an entity with it, one entity of the user's, two notes. */
export async function populate(db: GlossDb): Promise<Populated> {
  await importBuiltinPack(db, BUILTIN);
  await applyPack(db, URL_SOURCE, pack(URL_ENTITIES, '3', 'desk'));
  const personalId = await savePersonal(db, {
    kind: 'person',
    name: 'Kofi Mensah-Lee',
    aliases: ['K. Mensah-Lee'],
    description: 'Mayor of the town in the story.',
    sources: [],
  });
  await db.notes.bulkPut([
    { entityId: 'b:ana', text: 'Interviewed her in 2019.', updatedAt: 1_700_000_000_001 },
    { entityId: personalId, text: 'Runs again in 2026.', updatedAt: 1_700_000_000_002 },
  ]);
  return { personalId };
}

/** storage.local in memory, cloning on the way in and out as the browser does. */
export function memoryArea(): CopyArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

export const SETTINGS_A: SettingsSnapshot = { display: DEFAULT_DISPLAY_FOR_TESTS, disabledSites: ['a.example'], paused: false };
export const SETTINGS_B: SettingsSnapshot = {
  display: { ...DEFAULT_DISPLAY_FOR_TESTS, underline: 'wavy' },
  disabledSites: ['b.example'],
  paused: true,
};

/** Sorted, comparable contents of the tables; `sources` through `source` (to drop status fields). */
export async function tables(db: GlossDb, source: (s: Record<string, unknown>) => unknown = (s) => s) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    entities: byKey(
      (await db.entities.toArray()).map((e: StoredEntity) => ({ ...e, searchKeys: [...e.searchKeys].sort() })),
      (e) => e.id,
    ),
    variants: await allVariants(db),
    sources: byKey(await db.sources.toArray(), (s) => s.id).map((s) => source(s as unknown as Record<string, unknown>)),
    notes: byKey(await db.notes.toArray(), (n) => n.entityId),
  };
}

/**
 * Stops "the worker" at the n-th operation on the database (or any other step a test counts): the
 * transaction running is aborted, as when the browser kills a worker, and every later operation fails
 * too, since nothing runs in a dead worker. `steps` counts operations when nothing is armed.
 */
export class Faults {
  steps = 0;
  private at = Infinity;
  tripped = false;

  arm(n: number): void {
    this.steps = 0;
    this.at = n;
    this.tripped = false;
  }

  count(): void {
    this.arm(Infinity);
  }

  /** A step: throws if the worker is (now) stopped. */
  step(trans?: DBCoreTransaction): void {
    this.steps++;
    if (!this.tripped && this.steps < this.at) return;
    if (!this.tripped) {
      this.tripped = true;
      try {
        (trans as unknown as IDBTransaction | undefined)?.abort();
      } catch {
        // Already finished: the next operation finds it so.
      }
    }
    throw new DOMException('The worker was stopped.', 'AbortError');
  }

  /** Makes every operation on `db` a step. Call before the database opens. */
  attach(db: GlossDb): void {
    const step = (trans: DBCoreTransaction) => this.step(trans);
    db.use({
      stack: 'dbcore',
      name: 'faults',
      create: (down) => ({
        ...down,
        table(name: string): DBCoreTable {
          const t = down.table(name);
          const wrap =
            <R extends { trans: DBCoreTransaction }, T>(op: (req: R) => Promise<T>) =>
            (req: R): Promise<T> => {
              try {
                step(req.trans);
              } catch (e) {
                return Promise.reject(e);
              }
              return op(req);
            };
          return {
            ...t,
            mutate: wrap(t.mutate.bind(t)),
            get: wrap(t.get.bind(t)),
            getMany: wrap(t.getMany.bind(t)),
            query: wrap(t.query.bind(t)),
            openCursor: wrap(t.openCursor.bind(t)),
            count: wrap(t.count.bind(t)),
          };
        },
      }),
    });
  }

  /** An area whose writes are steps too. */
  area(inner: CopyArea): CopyArea {
    return {
      get: (key) => inner.get(key),
      set: async (items) => {
        this.step();
        await inner.set(items);
      },
    };
  }
}
