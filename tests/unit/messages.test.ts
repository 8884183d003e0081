import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMessages, mergeMessages, MESSAGES_FILE, type MessagesFile } from '../../scripts/collect-messages';

const root = join(import.meta.dirname, '../..');
const file = JSON.parse(readFileSync(join(root, MESSAGES_FILE), 'utf8')) as MessagesFile;

describe('the English messages file', () => {
  const { messages, conflicts } = collectMessages(root);

  it('finds the strings of the card, the popup and the options page', () => {
    expect(messages.get('card_wrongMatch')).toBe('Wrong match?');
    expect(messages.get('card_lookUpWikidata')).toBe('Look it up on Wikidata');
    expect(messages.size).toBeGreaterThan(150);
  });

  it('has every string the code uses, with the same English text (npx tsx scripts/sync-messages.ts)', () => {
    expect(conflicts).toEqual([]);
    const { added, changed } = mergeMessages(file, messages);
    expect({ added, changed }).toEqual({ added: [], changed: [] });
  });

  it('holds only what chrome.i18n accepts: names of letters, digits and _, no stray $', () => {
    for (const [key, { message }] of Object.entries(file)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      // $1…$9 are substitutions; any other $ would be read as a placeholder name.
      expect(message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
      // "$4$5" reads to Chrome as a named placeholder "$4$", undefined: Chrome then refuses to load Gloss.
      expect(message, key).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
    }
  });
});
