import * as v from 'valibot';
import { settingsSchema, type SettingsSnapshot } from '../settings/schemas';
import type { Backup } from './backup-format';
import { restoreBackup } from './backup';
import type { GlossDb } from './db';
import type { AfterUserWrite } from './user-writes';

/** A backup's settings, written to `meta` in the restore's transaction and removed once applied. */
const PENDING_SETTINGS = 'pendingSettings';

/** Writes settings to storage.local in one call, so they land together or not at all. */
export type SettingsWriter = (settings: SettingsSnapshot) => Promise<void>;

/**
 * Imports a checked backup. The knowledge base and notes are replaced in one transaction, which also
 * records the backup's settings as pending; the settings live in storage.local, which no IndexedDB
 * transaction covers, so they are written after the commit and the record removed. A worker stopped
 * before the commit leaves everything as it was (the options page is told the import failed); one
 * stopped after it has its next start write the settings (finishPendingSettings).
 */
export async function importBackup(
  db: GlossDb,
  backup: Backup,
  writeSettings: SettingsWriter,
  copy: AfterUserWrite,
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await restoreBackup(db, withoutBuiltinVersion(backup));
    if (backup.settings) await db.meta.put({ key: PENDING_SETTINGS, value: backup.settings });
    else await db.meta.delete(PENDING_SETTINGS);
  });
  await finishPendingSettings(db, writeSettings);
  await copy.save();
}

/**
 * The built-in pack's content is Gloss's, not the user's: a backup keeps the user's choices for it (on,
 * off, rank), and its version is dropped so the pack inside this Gloss is imported again afterwards —
 * whatever the file held for it (an older pack, or entities edited out by hand).
 */
function withoutBuiltinVersion(backup: Backup): Backup {
  return {
    ...backup,
    sources: backup.sources.map((s) => {
      if (s.kind !== 'builtin') return s;
      const { version: _v, ...rest } = s;
      return rest;
    }),
  };
}

/** Writes settings a restore committed but could not write yet; true if there were some. */
export async function finishPendingSettings(db: GlossDb, writeSettings: SettingsWriter): Promise<boolean> {
  const pending = await db.meta.get(PENDING_SETTINGS);
  if (!pending) return false;
  const parsed = v.safeParse(settingsSchema, pending.value);
  if (parsed.success) await writeSettings(parsed.output);
  else console.warn('Gloss: settings left by an interrupted import were unreadable and are dropped');
  await db.meta.delete(PENDING_SETTINGS);
  return parsed.success;
}
