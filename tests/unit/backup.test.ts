import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPack } from '../../lib/kb/apply-pack';
import { exportBackup, restoreBackup } from '../../lib/kb/backup';
import { checkBackup, parseBackup, summariseBackup } from '../../lib/kb/backup-format';
import { importBuiltinPack } from '../../lib/kb/builtin';
import { openDb, type GlossDb } from '../../lib/kb/db';
import { deletePersonal, listPersonal, savePersonal } from '../../lib/kb/personal';
import { searchEntities } from '../../lib/kb/search';
import type { Pack } from '../../lib/pack/types';
import { DEFAULT_DISPLAY_FOR_TESTS } from './support/settings-fixture';

const full = JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/packs/world-news.json'), 'utf8')) as Pack;
// A slice keeps fake-indexeddb quick; only Wikidata ids may be named as related outside a pack.
const world: Pack = {
  ...full,
  entities: full.entities
    .filter((e, i) => i < 80 || e.id === 'wd:Q43723')
    .map((e) => ({ ...e, related: e.related?.filter((r) => r.startsWith('wd:')) })),
};
const settings = { display: DEFAULT_DISPLAY_FOR_TESTS, disabledSites: ['example.com'], paused: false };
const dbs: GlossDb[] = [];
const fresh = () => {
  const db = openDb(`backup-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** Everything a user would check after a restore, in a comparable form. */
async function contents(db: GlossDb) {
  const entities = (await db.entities.toArray()).map(({ searchKeys, ...e }) => ({ ...e, searchKeys: [...searchKeys].sort() }));
  return {
    entities: entities.sort((a, b) => (a.id < b.id ? -1 : 1)),
    sources: (await db.sources.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1)),
    notes: await db.notes.toArray(),
  };
}

describe('personal entities', () => {
  it('are stored as the personal source, searchable, and leave with their note', async () => {
    const db = fresh();
    const id = await savePersonal(db, {
      kind: 'person',
      name: 'Kofi Mensah-Lee',
      aliases: ['K. Mensah-Lee'],
      description: 'Mayor of the town in the story.',
      sources: [],
    });
    expect(id).toMatch(/^personal:/);
    expect((await db.sources.get('personal'))?.kind).toBe('personal');
    expect((await searchEntities(db, 'mensah')).map((e) => e.id)).toEqual([id]);
    await db.notes.put({ entityId: id, text: 'Met him in 2019', updatedAt: 1 });

    await savePersonal(db, {
      id,
      kind: 'person',
      name: 'Kofi Mensah',
      aliases: [],
      description: 'Mayor.',
      sources: ['https://example.org/'],
    });
    expect((await listPersonal(db)).map((e) => e.name)).toEqual(['Kofi Mensah']);
    expect((await db.entities.get(id))?.sources).toEqual(['https://example.org/']);

    expect(await deletePersonal(db, id)).toBe(true);
    expect(await db.entities.get(id)).toBeUndefined();
    expect(await db.notes.get(id)).toBeUndefined();
    expect(await deletePersonal(db, id)).toBe(false);
  });

  it('refuses to edit one that was deleted meanwhile', async () => {
    const db = fresh();
    await expect(
      savePersonal(db, { id: 'personal:gone', kind: 'term', name: 'x', aliases: [], description: 'y', sources: [] }),
    ).rejects.toThrow(/deleted/);
  });
});

describe('export and import', () => {
  it('restores the same knowledge base and notes into a fresh database', async () => {
    const db = fresh();
    await importBuiltinPack(db, world);
    await applyPack(
      db,
      { id: 'extra', kind: 'pack-url', name: 'Extra', url: 'https://example.org/p.json', enabled: true, priority: 1 },
      {
        ...world,
        id: 'extra',
        name: 'Extra',
        entities: [{ ...world.entities[0]!, description: 'The same entity as another pack tells it.' }],
      },
    );
    const personal = await savePersonal(db, {
      kind: 'place',
      name: 'Old Mill',
      aliases: [],
      description: 'Where we met.',
      sources: [],
    });
    await db.notes.bulkPut([
      { entityId: 'wd:Q43723', text: 'Check the date of the coalition deal.', updatedAt: 10 },
      { entityId: personal, text: 'Closed on Sundays.', updatedAt: 11 },
    ]);

    const backup = await exportBackup(db, settings, new Date('2025-03-01T00:00:00Z'));
    const text = JSON.stringify(backup);
    const checked = parseBackup(text);
    expect(checked.ok, checked.ok ? '' : checked.problems.join('\n')).toBe(true);
    if (!checked.ok) return;
    expect(summariseBackup(checked.backup)).toMatchObject({ sources: 3, notes: 2, settings: true });
    expect(checked.backup.settings).toEqual(settings);

    const other = fresh();
    await importBuiltinPack(other, world); // a fresh profile already has the built-in pack
    await other.notes.put({ entityId: 'wd:Q801', text: 'replaced by the import', updatedAt: 1 });
    await restoreBackup(other, checked.backup);
    expect(await contents(other)).toEqual(await contents(db));
    expect((await searchEntities(other, 'old mill')).map((e) => e.id)).toEqual([personal]);
  }, 30_000);

  it.each([
    ['not JSON', '{', /not a Gloss backup: its text is not JSON, or it was cut short/],
    ['another format', JSON.stringify({ format: 'other', version: 1 }), /^it is not a Gloss backup \(the file that “Export”/],
    ['a list', '[1, 2]', /^it is not a Gloss backup/],
    [
      'a newer version',
      JSON.stringify({ format: 'gloss-backup', version: 2, exportedAt: '', sources: [], notes: [] }),
      /^it was written by a newer version of Gloss; update Gloss/,
    ],
    [
      'a knowledge pack, naming it and where it belongs',
      JSON.stringify({ format: 1, id: 'p', name: 'World news', version: '1', entities: [] }),
      /^it is the knowledge pack “World news”, not a Gloss backup\. To use a pack, add it under Sources/,
    ],
    [
      'a backup with no list of sources, in plain words',
      JSON.stringify({ format: 'gloss-backup', version: 1, exportedAt: '', notes: [] }),
      /^it looks like a Gloss backup, but its list of sources is missing or damaged\.$/,
    ],
  ])('refuses %s', (_, text, message) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join('\n')).toMatch(message);
    // No validator jargon reaches the reader.
    expect(r.problems.join('\n')).not.toMatch(/Invalid (key|type)|Expected|must be|position \d/);
  });

  it('refuses a file whose entities, sources, notes or settings are wrong, saying where', () => {
    const base = { format: 'gloss-backup', version: 1, exportedAt: '2025-01-01', notes: [] };
    const source = { id: 's', kind: 'pack-url', name: 'S', enabled: true, priority: 0, entityCount: 1 };
    const entity = { id: 'x', kind: 'person', name: 'X', description: 'd', sources: ['https://example.org/'] };
    const cases: [unknown, RegExp][] = [
      [
        { ...base, sources: [{ ...source, entities: [{ ...entity, sources: ['javascript:alert(1)'] }] }] },
        /sources\[0\]\.entities\[0\]\.sources\[0\]/,
      ],
      [{ ...base, sources: [{ ...source, entities: [{ ...entity, description: '<script>x</script>' }] }] }, /HTML/],
      [
        {
          ...base,
          sources: [
            { ...source, entities: [] },
            { ...source, entities: [] },
          ],
        },
        /appears twice/,
      ],
      [{ ...base, sources: [{ ...source, kind: 'ftp', entities: [] }] }, /kind/],
      [{ ...base, sources: [{ ...source, license: { evil: true }, entities: [] }] }, /license must be text/],
      [{ ...base, sources: [], notes: [{ entityId: 'x', text: 5, updatedAt: 1 }] }, /notes\[0\]\.text/],
      [{ ...base, sources: [], settings: { ...settings, display: { ...settings.display, cardDelayMs: -5 } } }, /cardDelayMs/],
      [{ ...base, sources: [], settings: { ...settings, disabledSites: ['not a host/'] } }, /host name/],
    ];
    for (const [json, message] of cases) {
      const r = checkBackup(json);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.join('\n')).toMatch(message);
    }
  });

  it('keeps a personal entity without a source link', () => {
    const r = checkBackup({
      format: 'gloss-backup',
      version: 1,
      exportedAt: '',
      notes: [],
      sources: [
        {
          id: 'personal',
          kind: 'personal',
          name: 'My entities',
          enabled: true,
          priority: 1,
          entities: [{ id: 'personal:a', kind: 'term', name: 'Ada', description: 'b', sources: [] }],
        },
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.backup.sources[0]!.entities[0]!.sources).toEqual([]);
  });
});
