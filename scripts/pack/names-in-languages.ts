/**
 * Names of international organisations and leaders in French, German, Spanish and Portuguese ("ONU",
 * "Weltbank", "Corte Penal Internacional", "Selenskyj"), from data/world-news/names-in-languages-aliases.json: each name with the page that
 * states it, a page a reader can open, and that page's own words. The names are added as aliases with their
 * `lang` (they count only on pages in that language, lib/core/match-index.ts) and the page joins the entity's
 * sources. A name another entity already has is left out and reported, as the city names are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../lib/core/fold';
import type { Entity } from '../../lib/pack/types';
import { inCanonicalOrder } from './city-names-cldr';

interface SourcedNames {
  lang: string;
  aliases: string[];
  /** A page that states the names. */
  source: string;
  /** The words of that page that state them, so that a reader can find them. */
  says: string;
}

interface NamesInLanguagesFile {
  entities: Record<string, { name: string; names: SourcedNames[] }>;
}

export interface NamesInLanguagesResult {
  added: string[];
  /** Names left out because another entity has them, "<entity id> <lang>:<name> (<other id>)". */
  taken: string[];
}

const FILE = 'data/world-news/names-in-languages-aliases.json';

export function readNamesInLanguages(root: string): NamesInLanguagesFile {
  return JSON.parse(readFileSync(join(root, FILE), 'utf8')) as NamesInLanguagesFile;
}

/** Adds the sourced names to the entities they name (in place). Throws on an id that names no such entity. */
export function addNamesInLanguages(entities: readonly Entity[], file: NamesInLanguagesFile): NamesInLanguagesResult {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const owner = new Map<string, string>();
  for (const e of entities) for (const n of [e.name, ...(e.alternateName ?? []).map((a) => a.text)]) owner.set(foldText(n), e.id);
  const added: string[] = [];
  const taken: string[] = [];
  for (const [id, { name, names }] of Object.entries(file.entities)) {
    const e = byId.get(id);
    if (e === undefined || e.name !== name) throw new Error(`${FILE}: ${id} is not "${name}" in the packs`);
    const have = new Set((e.alternateName ?? []).map((a) => `${foldText(a.text)}\u0000${a.lang ?? ''}`));
    have.add(`${foldText(e.name)}\u0000`);
    for (const { lang, aliases, source, says } of names) {
      if (!source.startsWith('https://') || says.trim() === '') {
        throw new Error(`${FILE}: ${id} ${lang}: every name needs a source URL and the words of it that state the name`);
      }
      for (const text of aliases) {
        const folded = foldText(text);
        const other = owner.get(folded);
        if (other !== undefined && other !== id) {
          taken.push(`${id} ${lang}:${text} (${other})`);
          continue;
        }
        if (have.has(`${folded}\u0000`) || have.has(`${folded}\u0000${lang}`)) continue;
        have.add(`${folded}\u0000${lang}`);
        e.alternateName = [...(e.alternateName ?? []), { text, lang }];
        if (!e.sources.includes(source)) e.sources = [...e.sources, source];
        added.push(`${id} ${lang}:${text}`);
      }
    }
    inCanonicalOrder(e);
  }
  return { added, taken };
}
