import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DB_VERSION } from '../../../lib/kb/db';
import type { ChromiumSession } from './chromium';

/**
 * The knowledge base read straight from IndexedDB by a test, from a page in the extension's origin:
 * reading this way never wakes the worker, so a test sees what a stopped worker left on disk.
 */

/** Every row of one store of the knowledge base. */
export function readKb<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store, 'readonly').objectStore(store).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

/** Puts rows into one store of the knowledge base, as a stopped or failed worker would have left them. */
export function writeKb(page: Page, store: string, rows: readonly object[]): Promise<void> {
  return page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}

/**
 * A page in the extension's origin that runs none of Gloss's code, so reading IndexedDB from it does
 * not wake the worker (an extension page would, by sending messages).
 */
export async function quietPage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  return page;
}

export interface Snapshot {
  exists: boolean;
  version: number;
  stores: string[];
  sources: {
    id: string;
    kind: string;
    version?: string;
    entityCount: number;
    nextDue?: number;
    etag?: string;
    status?: { code: string };
    lastAttempt?: number;
  }[];
  entityIds: string[];
  notes: { entityId: string; text: string }[];
  personal: string[];
  meta: Record<string, unknown>;
}

/** Everything that matters of the knowledge base, read with plain IndexedDB (never creating it). */
export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(
    () =>
      new Promise<Snapshot>((resolve, reject) => {
        const req = indexedDB.open('gloss');
        let created = false;
        req.onupgradeneeded = () => {
          created = true;
          req.transaction!.abort();
        };
        req.onerror = (e) => {
          e.preventDefault();
          if (created)
            resolve({ exists: false, version: 0, stores: [], sources: [], entityIds: [], notes: [], personal: [], meta: {} });
          else reject(req.error);
        };
        req.onsuccess = () => {
          const db = req.result;
          const stores = [...db.objectStoreNames];
          const want = ['sources', 'notes', 'variantBuckets', 'entities', 'meta'].filter((s) => stores.includes(s));
          const tx = db.transaction(want, 'readonly');
          const out: Snapshot = {
            exists: true,
            version: db.version,
            stores,
            sources: [],
            entityIds: [],
            notes: [],
            personal: [],
            meta: {},
          };
          const all = (store: string, keys = false) =>
            new Promise<unknown[]>((res) => {
              if (!want.includes(store)) return res([]);
              const r = keys ? tx.objectStore(store).getAllKeys() : tx.objectStore(store).getAll();
              r.onsuccess = () => res(r.result as unknown[]);
            });
          void Promise.all([all('sources'), all('notes'), all('variantBuckets'), all('entities', true), all('meta')]).then(
            ([sources, notes, variants, ids, meta]) => {
              out.sources = sources as Snapshot['sources'];
              out.notes = (notes as Snapshot['notes']).map(({ entityId, text }) => ({ entityId, text }));
              out.personal = (variants as { sourceId: string; entities: { id: string }[] }[])
                .filter((v) => v.sourceId === 'personal')
                .flatMap((v) => v.entities.map((e) => e.id))
                .sort();
              out.entityIds = (ids as string[]).sort();
              for (const m of meta as { key: string; value: unknown }[]) {
                out.meta[m.key] = m.key === 'matchIndex' || m.key === 'searchIndex' ? '(blob)' : m.value;
              }
              db.close();
              resolve(out);
            },
          );
        };
      }),
  );
}

/** storage.local, read from a Gloss page. */
export const storageOf = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(null),
  ) as Promise<Record<string, unknown> & { glossKbRecovery?: Record<string, unknown> }>;

/**
 * Resolves once the knowledge base has been created at its version (Dexie stores DB_VERSION × 10): the
 * built-in import's transaction comes right after. (The integrity check's look before opening briefly
 * shows a database of version 1 that it does not keep.) Polled from here: a page-side predicate that
 * returns a promise would count as true at once.
 */
export async function databaseAppears(page: Page, timeoutMs = 20_000): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async (version) => (await indexedDB.databases()).some((d) => d.name === 'gloss' && d.version === version),
          DB_VERSION * 10,
        ),
      { timeout: timeoutMs, interval: 10 },
    )
    .toBe(true);
}
