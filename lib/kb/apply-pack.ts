import type { Pack } from '../pack/types';
import type { GlossDb, SourceRecord, StoredEntity } from './db';
import { searchKeysOf } from './search-keys';

export interface ApplyReport {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Replaces what one source gives with a validated pack, in a single transaction: either the whole
 * pack lands or nothing changes. Entities other sources also give are kept, minus this source.
 */
export async function applyPack(db: GlossDb, source: Omit<SourceRecord, 'entityCount'>, pack: Pack): Promise<ApplyReport> {
  return db.transaction('rw', db.entities, db.sources, async () => {
    const report: ApplyReport = { added: 0, updated: 0, removed: 0 };
    const incoming = new Map(pack.entities.map((e) => [e.id, e]));
    const previous = await db.entities.where('sourceIds').equals(source.id).toArray();
    const toDelete: string[] = [];
    const toPut: StoredEntity[] = [];
    for (const old of previous) {
      if (incoming.has(old.id)) continue;
      const rest = old.sourceIds.filter((s) => s !== source.id);
      if (rest.length === 0) toDelete.push(old.id);
      else toPut.push({ ...old, sourceIds: rest });
      report.removed++;
    }
    const existing = await db.entities.bulkGet([...incoming.keys()]);
    let i = 0;
    for (const e of incoming.values()) {
      const before = existing[i++];
      const sourceIds = before ? [...new Set([...before.sourceIds, source.id])] : [source.id];
      if (before?.sourceIds.includes(source.id)) report.updated++;
      else report.added++;
      toPut.push({ ...e, searchKeys: searchKeysOf(e), sourceIds });
    }
    await db.entities.bulkDelete(toDelete);
    await db.entities.bulkPut(toPut);
    await db.sources.put({
      ...source,
      version: pack.version,
      asOf: pack.asOf,
      license: pack.license,
      attribution: pack.attribution,
      ...(pack.homepage ? { homepage: pack.homepage } : {}),
      entityCount: pack.entities.length,
    });
    return report;
  });
}
