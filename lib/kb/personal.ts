import type { PersonalEntityInput } from '../messaging/user-protocol';
import type { Entity, Pack } from '../pack/types';
import { applyPack } from './apply-pack';
import type { GlossDb, SourceRecord } from './db';
import { sourceEntities } from './variant-buckets';

/**
 * The user's own entities live in one source of kind 'personal', applied like any pack, so they are
 * matched on pages, searched and shown on cards by the same code as everything else, and removing a
 * pack never takes them away.
 */
export const PERSONAL_SOURCE_ID = 'personal';

function toPersonalEntity(input: PersonalEntityInput, id: string): Entity {
  const aliases = [...new Set(input.aliases.map((a) => a.trim()).filter((a) => a && a !== input.name))];
  return {
    id,
    kind: input.kind,
    name: input.name.trim(),
    ...(aliases.length ? { alternateName: aliases.map((text) => ({ text })) } : {}),
    description: input.description.trim(),
    sources: input.sources.map((s) => s.trim()).filter(Boolean),
  };
}

function newPersonalId(): string {
  return `personal:${crypto.randomUUID()}`;
}

function personalPack(entities: Entity[], now: Date): Pack {
  return {
    format: 1,
    id: PERSONAL_SOURCE_ID,
    name: 'My entities',
    // A new version on every save: whatever caches by source version sees the change.
    version: String(now.getTime()),
    license: 'Your own',
    attribution: 'Written by you in Gloss; kept only in this browser.',
    asOf: now.toISOString().slice(0, 10),
    entities,
  };
}

/** The user's entities as they wrote them. */
export async function listPersonal(db: GlossDb): Promise<Entity[]> {
  return sourceEntities(db, PERSONAL_SOURCE_ID);
}

async function write(db: GlossDb, change: (entities: Entity[]) => Entity[]): Promise<void> {
  // Read, change and apply in one transaction: two saves at once must not drop one another's entity.
  await db.transaction('rw', db.tables, async () => {
    const entities = change(await listPersonal(db));
    const existing = await db.sources.get(PERSONAL_SOURCE_ID);
    const sources = await db.sources.toArray();
    const source: Omit<SourceRecord, 'entityCount'> = {
      id: PERSONAL_SOURCE_ID,
      kind: 'personal',
      name: 'My entities',
      // The user may have turned the source off or ranked it in the Sources section: that stays.
      enabled: existing?.enabled ?? true,
      priority: existing?.priority ?? sources.reduce((max, s) => Math.max(max, s.priority + 1), 0),
      lastSuccess: Date.now(),
    };
    await applyPack(db, source, personalPack(entities, new Date()));
  });
}

/** Adds or replaces one of the user's entities; returns its id. */
export async function savePersonal(db: GlossDb, input: PersonalEntityInput): Promise<string> {
  const id = input.id ?? newPersonalId();
  const entity = toPersonalEntity(input, id);
  await write(db, (entities) => {
    const i = entities.findIndex((e) => e.id === id);
    if (input.id && i < 0) throw new Error('That entity is no longer there: it was deleted meanwhile.');
    return i < 0 ? [...entities, entity] : entities.map((e) => (e.id === id ? entity : e));
  });
  return id;
}

/** Removes one of the user's entities and the note on it; false if there was none. */
export async function deletePersonal(db: GlossDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    let found = false;
    await write(db, (entities) => {
      found = entities.some((e) => e.id === id);
      return entities.filter((e) => e.id !== id);
    });
    if (found) await db.notes.delete(id);
    return found;
  });
}
