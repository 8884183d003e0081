/**
 * Keeps `public/_locales/en/messages.json` in step with the code: every `t('key', 'English text')` call
 * in components/, entrypoints/ and lib/ gets an entry whose message is that English text, so a
 * translator has every string in one file and the English build never falls back silently.
 *
 *   npx tsx scripts/sync-messages.ts           writes the file
 *   npx tsx scripts/sync-messages.ts --check   exits 1 if it is out of step (npm test runs the same check)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectMessages, mergeMessages, MESSAGES_FILE, type MessagesFile } from './collect-messages';

const root = join(import.meta.dirname, '..');
const file = join(root, MESSAGES_FILE);
const current = JSON.parse(readFileSync(file, 'utf8')) as MessagesFile;
const { messages, conflicts } = collectMessages(root);
if (conflicts.length > 0) {
  console.error(`The same key with different English texts:\n${conflicts.join('\n')}`);
  process.exit(1);
}
const { merged, added, changed } = mergeMessages(current, messages);
if (process.argv.includes('--check')) {
  if (added.length + changed.length > 0) {
    console.error(
      `${MESSAGES_FILE} is out of step: ${added.length} missing, ${changed.length} changed (${[...added, ...changed].slice(0, 10).join(', ')}). Run: npx tsx scripts/sync-messages.ts`,
    );
    process.exit(1);
  }
  console.log(`${MESSAGES_FILE}: ${messages.size} messages in step with the code.`);
} else {
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`${MESSAGES_FILE}: ${added.length} added, ${changed.length} changed, ${Object.keys(merged).length} in all.`);
}
