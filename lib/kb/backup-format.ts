import * as v from 'valibot';
import { validatePack } from '../pack/validate';
import type { Entity } from '../pack/types';
import { settingsSchema, type SettingsSnapshot } from '../settings/schemas';
import type { NoteRecord, SourceRecord } from './db';

/**
 * The export file: every source with the entities it gives (as the source gave them, so priorities
 * and removals still work after an import), the user's notes and settings. Pure, so the options page
 * can check a file before offering to import it and the worker can check it again before writing.
 */
export const BACKUP_FORMAT = 'gloss-backup';

export type BackupSource = Omit<SourceRecord, 'syncing'> & { entities: Entity[] };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  sources: BackupSource[];
  notes: NoteRecord[];
  /** Absent in a file written by hand: the current settings then stay. */
  settings?: SettingsSnapshot;
}

export type BackupCheck = { ok: true; backup: Backup } | { ok: false; problems: string[] };

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const MAX_PROBLEMS = 10;

export const sourceSchema = v.looseObject({
  // Loose: a newer Gloss may store more about a source (validators, schedules); keep what we don't know.
  id: v.pipe(v.string('id must be text'), v.regex(ID_RE, 'id may hold only letters, digits and . _ : -'), v.maxLength(120)),
  kind: v.picklist(['builtin', 'pack-url', 'csv-url', 'wikidata', 'personal'], 'kind is not a kind of source Gloss knows'),
  name: v.pipe(v.string('name must be text'), v.nonEmpty('name is empty'), v.maxLength(200)),
  url: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'url must be an http(s) address'),
    ),
  ),
  enabled: v.boolean('enabled must be true or false'),
  priority: v.pipe(v.number('priority must be a number'), v.finite()),
  ...Object.fromEntries(
    [
      'version',
      'asOf',
      'license',
      'attribution',
      'homepage',
      'description',
      'lastError',
      'lastResult',
      'etag',
      'lastModified',
    ].map((k) => [k, v.optional(v.pipe(v.string(`${k} must be text`), v.maxLength(10_000)))]),
  ),
  ...Object.fromEntries(
    ['lastAttempt', 'lastSuccess', 'lastChecked', 'nextDue', 'failures', 'intervalHours'].map((k) => [
      k,
      v.optional(v.pipe(v.number(`${k} must be a number`), v.finite())),
    ]),
  ),
  problems: v.optional(v.array(v.string())),
  entities: v.array(v.unknown(), 'entities must be a list'),
});

export const noteSchema = v.object({
  entityId: v.pipe(v.string('entityId must be text'), v.nonEmpty(), v.maxLength(200)),
  text: v.pipe(v.string('text must be text'), v.maxLength(10_000, 'a note is longer than 10,000 characters')),
  updatedAt: v.pipe(v.number('updatedAt must be a time'), v.finite()),
});

const envelope = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: v.string(),
  sources: v.array(v.unknown()),
  notes: v.array(v.unknown()),
  settings: v.optional(v.unknown()),
});

/** The envelope's parts in the words the refusal uses. */
const ENVELOPE_PARTS: Record<string, string> = {
  format: 'its format mark',
  version: 'its version',
  exportedAt: 'the date it was exported',
  sources: 'its list of sources',
  notes: 'its list of notes',
  settings: 'its settings',
};

const NOT_A_BACKUP = 'it is not a Gloss backup (the file that “Export” on this page writes)';

/**
 * Says what a file that is no backup is, and where it belongs, before any field is checked: a pack
 * given here would otherwise be told its "version must be 1". Undefined for a file that claims to be
 * a backup of this version.
 */
function notThisBackup(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return `${NOT_A_BACKUP}.`;
  const o = json as Record<string, unknown>;
  if (o.format === BACKUP_FORMAT) {
    if (typeof o.version === 'number' && o.version > 1) {
      return 'it was written by a newer version of Gloss; update Gloss, then import it again.';
    }
    return undefined;
  }
  if (Array.isArray(o.entities)) {
    const name = typeof o.name === 'string' && o.name.trim() ? ` “${o.name.trim().slice(0, 100)}”` : '';
    return (
      `it is the knowledge pack${name}, not a Gloss backup. To use a pack, add it under Sources ` +
      '(Add a source → A Gloss pack) from the address where it is published.'
    );
  }
  return `${NOT_A_BACKUP}.`;
}

/** Envelope problems in plain words: the part that is missing or damaged, not the validator's message. */
function envelopeProblems(list: readonly v.BaseIssue<unknown>[]): string[] {
  const parts = [...new Set(list.map((i) => String(i.path?.[0]?.key ?? '')))];
  return parts.map((key) =>
    key in ENVELOPE_PARTS
      ? `it looks like a Gloss backup, but ${ENVELOPE_PARTS[key]} is missing or damaged.`
      : `${NOT_A_BACKUP}.`,
  );
}

function issues(prefix: string, list: readonly v.BaseIssue<unknown>[]): string[] {
  return list.map((i) => {
    const path = (i.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
    return `${prefix}${path}: ${i.message}`;
  });
}

/**
 * Entities are checked with the pack validator, the same rules as any pack. The user's own entities
 * may have no source link (the options page does not ask for one), so they borrow a placeholder for
 * the check only.
 */
function checkEntities(kind: string, entities: unknown[], at: string): { entities: Entity[]; problems: string[] } {
  const personal = kind === 'personal';
  const input = personal
    ? entities.map((e) =>
        e && typeof e === 'object' && Array.isArray((e as Entity).sources) && (e as Entity).sources.length === 0
          ? { ...e, sources: ['https://personal.invalid/'] }
          : e,
      )
    : entities;
  const result = validatePack({
    format: 1,
    id: 'backup',
    name: 'backup',
    version: '1',
    license: '-',
    attribution: '-',
    asOf: '2000-01-01',
    entities: input,
  });
  if (!result.ok) return { entities: [], problems: result.problems.map((p) => `${at}.${p.path}: ${p.message}`) };
  // The validator's output (trimmed text), with the user's empty source lists given back.
  const checked = result.pack.entities.map((e, i) =>
    personal && ((entities[i] as Entity).sources ?? []).length === 0 ? { ...e, sources: [] } : e,
  );
  return { entities: checked, problems: [] };
}

/**
 * The entities of a list that pass the pack rules, the others dropped one by one instead of refusing
 * the list: for rescuing what a damaged knowledge base still holds. Duplicates keep the first; a
 * `related` id left pointing at a dropped entity is removed rather than dropping the entity too.
 */
export function salvageEntities(kind: string, raw: readonly unknown[]): Entity[] {
  const seen = new Set<string>();
  let items = raw.filter((e): e is Record<string, unknown> => {
    const id = e && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  for (let round = 0; round < 4 && items.length > 0; round++) {
    const { entities, problems } = checkEntities(kind, items, '');
    if (problems.length === 0) return entities;
    const bad = new Set(problems.flatMap((p) => /^\.entities\[(\d+)\]/.exec(p)?.[1] ?? []).map(Number));
    if (bad.size === 0) break;
    items = items.filter((_, i) => !bad.has(i));
    const ids = new Set(items.map((e) => e.id as string));
    items = items.map((e) =>
      Array.isArray(e.related)
        ? { ...e, related: e.related.filter((r) => typeof r === 'string' && (ids.has(r) || r.startsWith('wd:'))) }
        : e,
    );
  }
  // A problem no entity is blamed for (the list as a whole): judge each entity on its own.
  return items.flatMap((e) => {
    const alone = Array.isArray(e.related) ? { ...e, related: e.related.filter((r) => String(r).startsWith('wd:')) } : e;
    return checkEntities(kind, [alone], '').entities;
  });
}

/** Checks an export file whole: either everything in it is good, or the first problems are listed. */
export function checkBackup(json: unknown): BackupCheck {
  const foreign = notThisBackup(json);
  if (foreign) return { ok: false, problems: [foreign] };
  const top = v.safeParse(envelope, json);
  if (!top.success) return { ok: false, problems: envelopeProblems(top.issues).slice(0, MAX_PROBLEMS) };
  const problems: string[] = [];
  const sources: BackupSource[] = [];
  const seen = new Set<string>();
  top.output.sources.forEach((raw, i) => {
    const s = v.safeParse(sourceSchema, raw);
    if (!s.success) {
      problems.push(...issues(`sources[${i}]`, s.issues));
      return;
    }
    if (seen.has(s.output.id)) problems.push(`sources[${i}].id: "${s.output.id}" appears twice`);
    seen.add(s.output.id);
    const { entities, problems: found } = checkEntities(s.output.kind, s.output.entities, `sources[${i}]`);
    problems.push(...found);
    // `syncing` describes a sync in the exporting browser; it means nothing here.
    const { syncing: _syncing, entities: _raw, ...record } = s.output as typeof s.output & { syncing?: unknown };
    // Every field a SourceRecord has was checked above; unknown ones pass as they are.
    sources.push({
      ...(record as unknown as Omit<SourceRecord, 'syncing' | 'entityCount'>),
      entities,
      entityCount: entities.length,
    });
  });
  const notes: NoteRecord[] = [];
  top.output.notes.forEach((raw, i) => {
    const n = v.safeParse(noteSchema, raw);
    if (n.success) notes.push(n.output);
    else problems.push(...issues(`notes[${i}]`, n.issues));
  });
  let settings: SettingsSnapshot | undefined;
  if (top.output.settings !== undefined) {
    const s = v.safeParse(settingsSchema, top.output.settings);
    if (s.success) settings = s.output;
    else problems.push(...issues('settings', s.issues));
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: top.output.exportedAt,
      sources,
      notes,
      ...(settings ? { settings } : {}),
    },
  };
}

/** Parses and checks the text of an export file. */
export function parseBackup(text: string): BackupCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message ("Expected … at position 1") says nothing to a reader.
    return { ok: false, problems: ['it is not a Gloss backup: its text is not JSON, or it was cut short.'] };
  }
  return checkBackup(json);
}

/** What a backup holds, for the confirmation before importing it. */
export function summariseBackup(backup: Backup): { sources: number; entities: number; notes: number; settings: boolean } {
  const ids = new Set(backup.sources.flatMap((s) => s.entities.map((e) => e.id)));
  return { sources: backup.sources.length, entities: ids.size, notes: backup.notes.length, settings: !!backup.settings };
}
