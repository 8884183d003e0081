/**
 * Countries and territories for the default pack: every ISO 3166-1 code known to i18n-iso-countries (MIT),
 * with its names in the languages listed in data/countries.json as aliases, and the hand data of that file
 * (display name, kind, description, Wikipedia title, extra and skipped aliases).
 *
 * Ids: `wd:Q…` only where a leaders CSV in data/leaders/ names the country with that Wikidata id (the
 * `countryid` column), otherwise `gloss:country-<alpha-2>`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { foldText } from '../../lib/core/fold';
import { defaultCaseRule } from '../../lib/core/match-index';
import type { Alias, Entity, EntityKind } from '../../lib/pack/types';

const require = createRequire(import.meta.url);

interface CountryInput {
  name: string;
  kind: EntityKind;
  description: string;
  /** English Wikipedia title, where it differs from `name`. */
  wiki?: string;
  aliases?: string[];
  skipAliases?: string[];
  /** Likelihood among entities sharing an alias ("Congo"): the one news means when nothing else tells. */
  prior?: number;
}

interface CountriesFile {
  languages: string[];
  skipAliasesEverywhere: string[];
  wikidataNotSameAs: Record<string, { code: string; why: string }>;
  countries: Record<string, CountryInput>;
}

/** A country as the leaders CSVs name it: Wikidata id and English label. */
export interface CountryRef {
  countryid: string;
  country: string;
}

export interface CountryData {
  entities: Entity[];
  /** Entity id of a country, by the Wikidata id and label a leaders CSV gives it. */
  entityIdFor(ref: CountryRef): string;
  /** Entity id of a country, by its ISO 3166-1 alpha-2 code (undefined for a code data/countries.json lacks). */
  entityIdOfCode(code: string): string | undefined;
  /** Non-English aliases that were skipped because they are too short to be safe. */
  skippedShort: string[];
}

const wikipediaUrl = (title: string): string => `https://en.wikipedia.org/wiki/${title.replace(/ /g, '_')}`;

const LATIN_RE = /\p{Script=Latin}/u;
const LETTER_RE = /[\p{L}\p{N}]/gu;

/** Latin-script names this short collide with words and abbreviations of English and other languages. */
const MIN_FOREIGN_LATIN_LETTERS = 4;

function loadLocale(lang: string): void {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
}

export function buildCountries(root: string, refs: readonly CountryRef[]): CountryData {
  const input = JSON.parse(readFileSync(join(root, 'data/countries.json'), 'utf8')) as CountriesFile;
  const langs = ['en', ...input.languages];
  for (const lang of langs) loadLocale(lang);

  const codes = Object.keys(input.countries).sort();
  const isoCodes = Object.keys(countries.getNames('en', { select: 'official' }));
  const missing = isoCodes.filter((c) => !input.countries[c]);
  if (missing.length > 0) throw new Error(`data/countries.json lacks ${missing.join(', ')}`);

  // English names of every code, folded, to read the leaders CSVs' country labels.
  const codeByEnglishName = new Map<string, string>();
  const englishNames = (code: string): string[] => {
    const c = input.countries[code]!;
    const lib = countries.getName(code, 'en', { select: 'all' }) ?? [];
    return [c.name, ...(c.aliases ?? []), ...lib, (c.wiki ?? c.name).replace(/_/g, ' ')];
  };
  for (const code of codes) {
    for (const n of englishNames(code)) {
      const f = foldText(n);
      const other = codeByEnglishName.get(f);
      if (other !== undefined && other !== code) codeByEnglishName.set(f, '?');
      else codeByEnglishName.set(f, code);
    }
  }

  // Wikidata ids confirmed by the leaders CSVs.
  const notSameAs = input.wikidataNotSameAs;
  const qidByCode = new Map<string, string>();
  const codeByQid = new Map<string, string>();
  for (const ref of refs) {
    const fixed = notSameAs[ref.countryid];
    const code = fixed?.code ?? codeByEnglishName.get(foldText(ref.country));
    if (code === undefined || code === '?') {
      throw new Error(`leaders CSV country "${ref.country}" (${ref.countryid}) matches no single code in data/countries.json`);
    }
    codeByQid.set(ref.countryid, code);
    if (fixed) continue;
    const known = qidByCode.get(code);
    if (known !== undefined && known !== ref.countryid) {
      throw new Error(`country ${code} has two Wikidata ids in the leaders CSVs: ${known}, ${ref.countryid}`);
    }
    qidByCode.set(code, ref.countryid);
  }
  const entityIdOf = (code: string): string => {
    const q = qidByCode.get(code);
    return q ? `wd:${q}` : `gloss:country-${code.toLowerCase()}`;
  };

  const skipEverywhere = new Set(input.skipAliasesEverywhere.map(foldText));
  const skippedShort: string[] = [];
  const entities: Entity[] = [];
  for (const code of codes) {
    const c = input.countries[code]!;
    const skip = new Set([...skipEverywhere, ...(c.skipAliases ?? []).map(foldText)]);
    const seen = new Set<string>();
    const aliases: Alias[] = [];
    const add = (text: string, lang: string | undefined, fromLibrary: boolean): void => {
      const t = text.trim().replace(/\s+/g, ' ');
      const folded = foldText(t);
      const key = `${folded}\u0000${defaultCaseRule(t, c.kind)}`;
      if (folded === '' || seen.has(key)) return;
      if (fromLibrary) {
        if (skip.has(folded)) return;
        // Inverted or qualified forms ("Korea, Republic of", "Falkland Islands (Malvinas)") are list
        // entries, not names anyone writes; data/countries.json gives the clean names.
        if (/[,()]/.test(t)) return;
        if (lang !== 'en' && LATIN_RE.test(t) && (t.match(LETTER_RE)?.length ?? 0) < MIN_FOREIGN_LATIN_LETTERS) {
          skippedShort.push(`${code} ${lang}:${t}`);
          return;
        }
      }
      seen.add(key);
      if (t === c.name) return;
      aliases.push(lang && lang !== 'en' ? { text: t, lang } : { text: t });
    };
    add(c.name, undefined, false);
    for (const a of c.aliases ?? []) add(a, undefined, false);
    for (const lang of langs) {
      for (const n of countries.getName(code, lang, { select: 'all' }) ?? []) add(n, lang, true);
    }
    const wikipedia = wikipediaUrl(c.wiki ?? c.name);
    const id = entityIdOf(code);
    entities.push({
      id,
      kind: c.kind,
      name: c.name,
      ...(aliases.length > 0 ? { alternateName: aliases } : {}),
      description: c.description,
      links: id.startsWith('wd:') ? { wikipedia, wikidata: `https://www.wikidata.org/wiki/${id.slice(3)}` } : { wikipedia },
      sources: [wikipedia],
      ...(c.prior !== undefined ? { prior: c.prior } : {}),
    });
  }

  return {
    entities,
    skippedShort,
    entityIdOfCode: (code) => (input.countries[code] ? entityIdOf(code) : undefined),
    entityIdFor(ref) {
      const code = codeByQid.get(ref.countryid);
      if (code === undefined) throw new Error(`unknown country ${ref.countryid} (${ref.country})`);
      return entityIdOf(code);
    },
  };
}
