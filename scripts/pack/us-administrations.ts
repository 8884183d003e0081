/**
 * Presidential administrations of the United States as dated government bodies ("Obama administration",
 * "First Trump administration"), from the presidents' terms in data/us-government/executive.yaml (CC0, exact
 * dates). News writes "the Trump administration" for both of Trump's: each carries its dates as a role, so the
 * linker picks the one in office on the article's day (lib/core/article-context.ts, fitsDate).
 */
import type { Entity } from '../../lib/pack/types';
import { displayName, PARTY_ADJECTIVE, personId, wikipediaUrl, type Person, type Term } from './us-congress';

const EXECUTIVE_SOURCE = 'https://github.com/unitedstates/congress-legislators/blob/main/executive.yaml';
const ROLE_LABEL = 'Presidential administration of the United States';
const ORDINALS = ['First', 'Second'];
/**
 * Where Wikipedia has an article on the administration itself (its people) beside the one on the presidency,
 * the card links that one: the seed article's gold names it.
 */
const ADMINISTRATION_ARTICLE: Record<string, string> = { 'Second Trump administration': 'Second Trump administration' };

interface Run {
  president: Person;
  name: string;
  from: string;
  to: string;
  party: string | undefined;
}

/** One run per president per stretch of consecutive terms: Trump's two terms apart are two administrations. */
function runsOf(p: Person): Run[] {
  const name = displayName(p);
  const runs: Run[] = [];
  const terms = p.terms.filter((t: Term) => t.type === 'prez').sort((a, b) => (a.start < b.start ? -1 : 1));
  for (const t of terms) {
    const last = runs.at(-1);
    if (last && last.to === t.start) last.to = t.end;
    else runs.push({ president: p, name, from: t.start, to: t.end, party: t.party });
  }
  return runs;
}

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const longDate = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The administrations of `presidents` that began by `asOf`. One still running on `asOf` gets no end (the file's
 * end is when the term is scheduled to end). Names follow the news: "<surname> administration", the full name
 * where two presidents share the surname ("George W. Bush administration"), "First"/"Second" where one
 * president had two apart; the surname form stays an alias of each, and the article's date decides.
 */
export function buildAdministrations(presidents: readonly Person[], asOf: string): Entity[] {
  const runs = presidents.flatMap(runsOf).filter((r) => r.from <= asOf);
  const bySurname = new Map<string, Run[]>();
  for (const r of runs) bySurname.set(r.president.name.last, [...(bySurname.get(r.president.name.last) ?? []), r]);
  const out: Entity[] = [];
  for (const r of runs) {
    const surname = r.president.name.last;
    const own = runs.filter((x) => x.president === r.president);
    const shared = (bySurname.get(surname) ?? []).some((x) => x.president !== r.president);
    const ordinal = own.length > 1 ? ORDINALS[own.indexOf(r)] : undefined;
    if (own.length > ORDINALS.length) throw new Error(`us-administrations: ${r.name} has more runs than ordinals`);
    const name = ordinal ? `${ordinal} ${surname} administration` : `${shared ? r.name : surname} administration`;
    const title = r.president.id.wikipedia;
    if (!title) throw new Error(`us-administrations: no Wikipedia title for ${r.name}`);
    // Wikipedia's article on each is "Presidency of X" ("First presidency of Donald Trump").
    const presidency = wikipediaUrl(ordinal ? `${ordinal} presidency of ${title}` : `Presidency of ${title}`);
    const article = ADMINISTRATION_ARTICLE[name];
    const wikipedia = article ? wikipediaUrl(article) : presidency;
    const current = r.to > asOf;
    const party = r.party ? PARTY_ADJECTIVE[r.party] : undefined;
    const span = current ? `since ${longDate(r.from)}` : `from ${longDate(r.from)} to ${longDate(r.to)}`;
    const aliases = new Set([`${surname} administration`, `${surname} White House`]);
    aliases.delete(name);
    // On a page with no date, the latest of those sharing the surname is the likelier one: a news page
    // undated is most often recent, and "the Bush administration" in news is mostly George W. Bush's.
    const namesakes = bySurname.get(surname) ?? [];
    const latest = namesakes.length > 1 && namesakes.every((x) => x.from <= r.from);
    out.push({
      id: `gloss:${slug(name)}`,
      kind: 'government-body',
      name,
      alternateName: [...aliases].sort().map((text) => ({ text })),
      description: `The United States federal executive branch under President ${r.name}${party ? ` (${party})` : ''}, ${span}.`,
      roles: [{ label: ROLE_LABEL, from: r.from, ...(current ? {} : { to: r.to }), source: EXECUTIVE_SOURCE }],
      links: { wikipedia },
      related: [personId(r.president, r.name), 'wd:Q30'],
      sources: [...new Set([wikipedia, presidency, EXECUTIVE_SOURCE])],
      ...(latest ? { prior: 0.7 } : {}),
    });
  }
  return out;
}
