/**
 * Ministers, central bankers, spokespeople, heads of international organisations and courts, and leaders of
 * armed groups, from data/ministers/offices.json: for each office, the chain of its holders in order.
 *
 * A holder with a Wikidata id must appear in one of the CSVs copied under data/ (Wikidata query results,
 * CC0); where the office names its CSV and position, the holder's dates default to that CSV's row, which is
 * dated to the day. The CSVs are snapshots of mid-2022, so a row that is open there is never taken as open
 * now: a holder's role ends at the `to` of the office file, else at the CSV's end, else at the next holder's
 * start. Only the last holder of a chain is open-ended, which the office's source states (on the pack's
 * "as of" day).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Alias, CaseRule, DatedFact, Entity, EntityKind } from '../../lib/pack/types';
import { describeRoles, wikidataUrl } from './leaders';

interface HolderSpec {
  /** Wikidata id ("Q…"), confirmed by a CSV in data/. */
  wd?: string;
  /** Pack-local slug, for people no CSV confirms: the entity id is `gloss:<id>`. */
  id?: string;
  name: string;
  from?: string;
  to?: string;
  /** A label for this holder's term only ("Acting Minister of Defence of Ukraine"). */
  label?: string;
  /**
   * The person's English Wikipedia title; "" where it is not certain (a name several people share). Default:
   * the CSV's `enwiki` column, else the name.
   */
  wiki?: string;
  /** Where the dates of this term are stated, when not on the office's page. */
  source?: string;
  aliases?: (string | { text: string; case?: CaseRule })[];
  kind?: EntityKind;
}

interface OfficeSpec {
  label: string;
  /** The position label in the body's CSV, to take dates from. */
  csv?: string;
  source: string;
  /** Entity ids the holders relate to besides the body's (the organisation the office leads). */
  related?: string[];
  /** Several people hold the office at once (spokespeople, judges): a holder does not end where the next starts. */
  multi?: boolean;
  holders: HolderSpec[];
}

interface BodySpec {
  of: string;
  /** Entity ids the holders relate to (the country, the organisation). */
  related: string[];
  csv?: string;
  offices: OfficeSpec[];
}

interface OfficesFile {
  bodies: BodySpec[];
}

interface CsvRow {
  position: string;
  personID: string;
  start: string;
  end: string;
  enwiki: string;
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const Q_RE = /^Q[1-9]\d*$/;
const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const readCsv = (path: string): CsvRow[] => {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data.map((r) => ({
    position: (r.position ?? '').trim(),
    personID: (r.personID ?? '').trim(),
    start: (r.start ?? '').trim(),
    end: (r.end ?? '').trim(),
    enwiki: (r.enwiki ?? '').trim(),
  }));
};

/** Every Wikidata id in the CSVs of data/ministers and data/leaders: the ids a holder may use. */
function confirmedWikidataIds(root: string): Set<string> {
  const ids = new Set<string>();
  for (const dir of ['data/ministers', 'data/leaders']) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.csv'))) {
      for (const q of readFileSync(join(root, dir, f), 'utf8').match(/\bQ[1-9]\d*\b/g) ?? []) ids.add(q);
    }
  }
  return ids;
}

interface PersonDraft {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  roles: DatedFact[];
  related: Set<string>;
  sources: Set<string>;
  wd?: string;
  wiki?: string;
}

const wikipediaUrl = (title: string): string => `https://en.wikipedia.org/wiki/${title.replace(/ /g, '_').replace(/\?/g, '%3F')}`;

const toAlias = (a: string | { text: string; case?: CaseRule }): Alias => (typeof a === 'string' ? { text: a } : a);

/** How long after the pack's date a dated change of office may start. */
const LATEST_START_DAYS = 62;

export function buildMinisters(root: string, asOf: string): Entity[] {
  const spec = JSON.parse(readFileSync(join(root, 'data/ministers/offices.json'), 'utf8')) as OfficesFile;
  const confirmed = confirmedWikidataIds(root);
  const csvCache = new Map<string, CsvRow[]>();
  const csvRows = (file: string): CsvRow[] => {
    let rows = csvCache.get(file);
    if (!rows) csvCache.set(file, (rows = readCsv(join(root, 'data/ministers', file))));
    return rows;
  };

  const enwiki = new Map<string, string>();
  for (const f of readdirSync(join(root, 'data/ministers'))
    .filter((n) => n.endsWith('.holders.csv'))
    .sort())
    for (const r of csvRows(f)) if (r.enwiki && !enwiki.has(r.personID)) enwiki.set(r.personID, r.enwiki);

  const people = new Map<string, PersonDraft>();
  for (const body of spec.bodies) {
    for (const office of body.offices) {
      const where = `${body.of} / ${office.label}`;
      if (!office.source.startsWith('https://')) throw new Error(`${where}: source must be an https URL`);
      if (office.csv && !body.csv) throw new Error(`${where}: names a CSV position but ${body.of} names no CSV`);
      if (office.csv && !csvRows(body.csv!).some((r) => r.position === office.csv))
        throw new Error(`${where}: no position "${office.csv}" in ${body.csv}`);

      const terms = office.holders.map((h) => {
        const who = `${where} / ${h.name}`;
        if ((h.wd === undefined) === (h.id === undefined)) throw new Error(`${who}: give exactly one of wd and id`);
        if (h.wd !== undefined && (!Q_RE.test(h.wd) || !confirmed.has(h.wd)))
          throw new Error(`${who}: ${h.wd} is not confirmed by a CSV in data/`);
        if (h.id !== undefined && !SLUG_RE.test(h.id)) throw new Error(`${who}: malformed slug ${h.id}`);
        // The CSV dates a term only when the office file gives no start: a later term is not the CSV's.
        const row =
          h.wd && office.csv && h.from === undefined
            ? csvRows(body.csv!)
                .filter((r) => r.position === office.csv && r.personID === h.wd)
                .sort((a, b) => (a.start < b.start ? 1 : -1))[0]
            : undefined;
        const from = h.from ?? row?.start;
        if (!from) throw new Error(`${who}: no start date (none given and no CSV row)`);
        return { h, from, to: h.to ?? (row?.end || undefined), who };
      });

      terms.forEach((t, i) => {
        const next = terms[i + 1];
        const to = t.to ?? (office.multi ? undefined : next?.from);
        for (const d of [t.from, to]) if (d !== undefined && !DATE_RE.test(d)) throw new Error(`${t.who}: bad date ${d}`);
        if (to !== undefined && to < t.from) throw new Error(`${t.who}: ends ${to} before it starts ${t.from}`);
        // A successor who took office in the weeks after the pack's date (and is named in that news) keeps their
        // dated role; anything later than about two months is more likely a typo than a fact of this pack.
        if (Date.parse(t.from) - Date.parse(asOf) > LATEST_START_DAYS * 86_400_000)
          throw new Error(`${t.who}: starts more than ${LATEST_START_DAYS} days after the pack's as-of day`);
        if (next && !office.multi && next.from < t.from) throw new Error(`${where}: holders are not in order at ${next.h.name}`);
        const id = t.h.wd ? `wd:${t.h.wd}` : `gloss:${t.h.id}`;
        let p = people.get(id);
        if (!p) {
          p = {
            id,
            name: t.h.name,
            kind: t.h.kind ?? 'person',
            aliases: [],
            roles: [],
            related: new Set(),
            sources: new Set(),
            ...(t.h.wd ? { wd: t.h.wd } : {}),
          };
          people.set(id, p);
        } else if (p.name !== t.h.name) throw new Error(`${id} is named "${p.name}" and "${t.h.name}"`);
        const wiki = t.h.wiki ?? (t.h.wd ? enwiki.get(t.h.wd) : undefined) ?? t.h.name;
        if (p.wiki === undefined) p.wiki = wiki;
        else if (t.h.wiki !== undefined && t.h.wiki !== p.wiki) throw new Error(`${id}: two Wikipedia titles`);
        for (const a of t.h.aliases ?? []) p.aliases.push(toAlias(a));
        const source = t.h.source ?? office.source;
        p.roles.push({ label: t.h.label ?? office.label, from: t.from, ...(to !== undefined ? { to } : {}), source });
        p.sources.add(source);
        for (const r of [...body.related, ...(office.related ?? [])]) p.related.add(r);
      });
    }
  }

  const entities: Entity[] = [];
  for (const p of people.values()) {
    // Current roles first, then the latest start.
    const roles = [...p.roles].sort(
      (a, b) => Number(a.to !== undefined) - Number(b.to !== undefined) || (b.from! < a.from! ? -1 : b.from! > a.from! ? 1 : 0),
    );
    const wikipedia = p.wiki ? wikipediaUrl(p.wiki) : undefined;
    const sources = [...(wikipedia ? [wikipedia] : []), ...p.sources];
    if (p.wd) sources.push(wikidataUrl(p.wd));
    const links = { ...(wikipedia ? { wikipedia } : {}), ...(p.wd ? { wikidata: wikidataUrl(p.wd) } : {}) };
    entities.push({
      id: p.id,
      kind: p.kind,
      name: p.name,
      ...(p.aliases.length > 0 ? { alternateName: p.aliases } : {}),
      description: describeRoles(
        roles.map((r) => ({ ...r, from: r.from!.slice(0, 4), ...(r.to ? { to: r.to.slice(0, 4) } : {}) })),
      ),
      roles,
      ...(Object.keys(links).length > 0 ? { links } : {}),
      related: [...p.related].sort(),
      sources,
    });
  }
  return entities;
}
