/** One row of the glossary checked and read as an entity, every problem reported against its column. */
import { ENTITY_KINDS, type Alias, type Entity, type Links } from '../types';
import { LIMITS } from '../validate';
import { kindOf } from './kinds';
import { count, quote, type Field } from './shared';

const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function readRow(get: (f: Field) => string, report: (f: Field | null, m: string) => void): Omit<Entity, 'id'> {
  const name = get('name');
  const description = get('description');
  if (name === '') report('name', 'The name is empty.');
  else if (name.length > LIMITS.name)
    report('name', `The name has ${count(name.length)} characters; at most ${count(LIMITS.name)} are allowed.`);
  if (description === '') report('description', 'The description is empty. Write a sentence or two that explains the entry.');
  else if (description.length > LIMITS.description) {
    report(
      'description',
      `The description has ${count(description.length)} characters; at most ${count(LIMITS.description)} are allowed.`,
    );
  }
  const kind = kindOf(get('kind'));
  if (kind === undefined)
    report(
      'kind',
      `${quote(get('kind'))} is not a kind Gloss knows. Use one of: ${ENTITY_KINDS.join(', ')} (or leave it empty for "term").`,
    );
  const lang = get('lang');
  if (lang !== '' && !LANG_RE.test(lang))
    report('lang', `${quote(lang)} is not a language code. Write a code like en, fr or pt-BR.`);

  // A missing source is reported only when no address was given at all; a bad one is already reported.
  let badAddress = false;
  const address = (f: Field, raw: string) =>
    webAddress(raw, (m) => {
      badAddress = true;
      report(f, m);
    });
  const links: Links = {};
  const link = address('link', get('link'));
  if (link) {
    const host = new URL(link).hostname;
    if (/(^|\.)wikipedia\.org$/.test(host)) links.wikipedia = link;
    else if (/(^|\.)wikidata\.org$/.test(host)) links.wikidata = link;
  }
  const official = address('official', get('official'));
  if (official) links.official = official;
  const sources: string[] = [];
  for (const s of get('source').split(/\s*[|;]\s*|\s+/)) {
    const url = address('source', s);
    if (url && !sources.includes(url)) sources.push(url);
  }
  const fallback = link ?? official;
  if (sources.length === 0 && fallback) sources.push(fallback);
  if (sources.length === 0 && !badAddress) {
    report(
      null,
      'This entry needs a source: fill in the "link" or "source" column with a web address (https://…) where a reader can check the description.',
    );
  }

  const aliases = [
    ...new Set(
      get('aliases')
        .split(/[;|]/)
        .map((a) => a.trim()),
    ),
  ].filter((a) => a !== '' && a !== name);
  const tooLong = aliases.find((a) => a.length > LIMITS.alias);
  if (tooLong)
    report(
      'aliases',
      `The alias ${quote(tooLong)} has ${count(tooLong.length)} characters; at most ${count(LIMITS.alias)} are allowed.`,
    );
  if (aliases.length > LIMITS.aliases)
    report('aliases', `There are ${count(aliases.length)} aliases; at most ${count(LIMITS.aliases)} are allowed.`);
  const alternateName: Alias[] = aliases.map((text) => (lang && LANG_RE.test(lang) ? { text, lang } : { text }));

  return {
    kind: kind ?? 'term',
    name,
    ...(alternateName.length > 0 && { alternateName }),
    description,
    ...(Object.keys(links).length > 0 && { links }),
    sources,
  };
}

function webAddress(raw: string, report: (m: string) => void): string | undefined {
  if (raw === '') return undefined;
  if (raw.length > LIMITS.url) {
    report(`The web address has ${count(raw.length)} characters; at most ${count(LIMITS.url)} are allowed.`);
    return undefined;
  }
  if (!URL.canParse(raw)) {
    report(`${quote(raw)} is not a complete web address. It should start with https://`);
    return undefined;
  }
  const scheme = new URL(raw).protocol;
  if (scheme !== 'http:' && scheme !== 'https:') {
    report(`${quote(raw)} is not a web page address (it starts with "${scheme}"). Links must start with https:// or http://`);
    return undefined;
  }
  return raw;
}
