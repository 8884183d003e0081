import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../lib/core/search-index';
import { statusText } from '../../lib/sync/status-text';
import { entitiesCount, foundText, notesCount, warningsCount } from '../../lib/ui/counts';
import { workerErrorText } from '../../lib/ui/worker-error';

/** Issue 17: the words of the options page and the popup, as a reader sees them. */

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
});

/** A browser whose `_locales` hold the given messages, in the given interface language. */
function withLocale(lang: string, messages: Record<string, string>) {
  g.chrome = {
    i18n: {
      getUILanguage: () => lang,
      getMessage: (key: string, subs?: string[]) =>
        messages[key] === undefined ? '' : (subs ?? []).reduce((s, v, i) => s.replace(`$${i + 1}`, v), messages[key]),
    },
  };
}

describe('counts in words', () => {
  it('says "1 note" and "2 notes", "1 entity" and "3 entities", never "1 notes"', () => {
    expect(notesCount(1)).toBe('1 note');
    expect(notesCount(2)).toBe('2 notes');
    expect(entitiesCount(1)).toBe('1 entity');
    expect(entitiesCount(3_002)).toBe('3,002 entities');
    expect(warningsCount(1)).toBe('1 note on the file');
    expect(warningsCount(0)).toBe('0 notes on the file');
  });

  it('picks the form by the interface language’s plural rules (French: 0 and 1 are singular)', () => {
    withLocale('fr', { count_notes_one: '$1 note', count_notes_other: '$1 notes' });
    expect(notesCount(0)).toBe('0 note');
    expect(notesCount(1)).toBe('1 note');
    expect(notesCount(2)).toBe('2 notes');
  });

  it('says a capped search list is the first part of more', () => {
    expect(foundText(20, 68)).toBe('The first 20 of 68 found. Type more to narrow the search.');
    expect(foundText(3, 3)).toBe('3 entities found');
    expect(foundText(1, 1)).toBe('1 entity found');
    expect(foundText(0, 0)).toBe('Nothing found.');
  });

  it('the search index counts every match, not only those it returns', () => {
    const docs = Array.from({ length: 68 }, (_, i) => ({
      id: `t:${i}`,
      keys: [`maria example ${i}`, 'maria'],
      name: `maria example ${i}`,
    }));
    const { hits, total } = SearchIndex.build(docs).searchCounted('maria', 20);
    expect(hits).toHaveLength(20);
    expect(total).toBe(68);
  });
});

describe('sync and import results are data, rendered through _locales', () => {
  const updated = { code: 'updated', version: '2', added: 1, changed: 0, removed: 0, entities: 1 } as const;

  it('renders a stored status in English by default', () => {
    expect(statusText(updated)).toBe('Updated to version 2: 1 added, 0 changed, 0 removed (1 entity).');
  });

  it('renders the same stored status in the interface language when _locales has it', () => {
    withLocale('de', {
      sync_updated: 'Auf Version $1 aktualisiert: $2 neu, $3 geändert, $4 entfernt ($5).',
      sync_entities_one: '$1 Eintrag',
      sync_entities_other: '$1 Einträge',
    });
    expect(statusText(updated)).toBe('Auf Version 2 aktualisiert: 1 neu, 0 geändert, 0 entfernt (1 Eintrag).');
    expect(statusText({ ...updated, entities: 5 })).toBe(
      'Auf Version 2 aktualisiert: 1 neu, 0 geändert, 0 entfernt (5 Einträge).',
    );
  });
});

describe('one word for what Gloss knows', () => {
  it('every English UI string says "entity", never "entry"', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const mixed = Object.entries(file)
      .filter(([, { message }]) => /\bentr(y|ies)\b/i.test(message))
      .map(([key]) => key);
    expect(mixed).toEqual([]);
  });
});

describe('a request the worker could not answer', () => {
  it('is said in plain words, never as the browser’s message', () => {
    for (const raw of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'Could not establish connection. Receiving end does not exist.',
      'Promised response from onMessage listener went out of scope',
    ]) {
      const text = workerErrorText(new Error(raw));
      expect(text).toMatch(/^Gloss’s background worker stopped before it answered/);
      expect(text).not.toMatch(/listener|channel|Receiving end/);
    }
  });

  it('keeps any other refusal as it was written', () => {
    expect(workerErrorText(new Error('The backup was not imported: notes: must be a list'))).toBe(
      'The backup was not imported: notes: must be a list',
    );
  });
});

describe('the About section', () => {
  it('sends readers nowhere they cannot go: no built-in pack’s licence, credit or description names a file of Gloss’s repository', () => {
    const dir = join(import.meta.dirname, '../../assets/packs');
    const pointers = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const pack = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
        return (['license', 'attribution', 'description'] as const)
          .filter((field) => /README|\b(data|scripts|assets|lib|docs)\/|\.(md|json|ts)\b/.test(String(pack[field] ?? '')))
          .map((field) => `${f} ${field}`);
      });
    expect(pointers).toEqual([]);
  });
});
