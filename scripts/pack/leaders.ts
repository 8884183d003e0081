// Longer than 300 lines: reading the leader files and one merge pass (CSV years, corrections, curated rows) per officeholder.
/**
 * Heads of state and government for the default pack, from the Wikidata query results (CC0, via the
 * every-politician-scrapers repositories) in data/leaders/, with the hand corrections of
 * data/leaders-corrections.json and the short names of data/leader-aliases.json.
 *
 * One person per officeholder id (`wd:Q…`, confirmed by the CSV). CSV roles carry years; `roleDates` in the
 * corrections date them to the day where a source says so, and data/leaders/curated-leaders.json and
 * former-leaders.json (scripts/pack/leader-curated.ts) add sourced roles and people the CSVs lack.
 * The 2025 file is a later run of the same query: where it has a row for the same office, holder and start
 * year, its row wins; an open-ended row is closed when a later holder of the same single-holder office
 * starts (the date the successor starts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { foldText } from '../../lib/core/fold';
import { describeRole } from '../../lib/core/roles-as-of';
import type { Alias, CaseRule, DatedFact, Entity } from '../../lib/pack/types';
import type { CountryRef } from './countries';
import { readCuratedLeaders } from './leader-curated';

const LEADER_FILES = ['heads-of-state-and-government.wikidata-2024-10.csv', 'middle-east-updates.wikidata-2025.csv'] as const;

export interface LeaderRow extends CountryRef {
  position: string;
  positionLabel: string;
  officeholder: string;
  officeholderLabel: string;
  start_year: string;
  end_year: string;
  /** Which file the row came from: 0 = 2024-10, 1 = 2025, 2 = curated (start and end are dates). */
  file: number;
  /** Curated rows: the URL that states the role, and the day it was last confirmed. */
  source?: string;
  confirmed?: string;
}

const CURATED_FILE = 2;

interface Corrections {
  multiHolderPositions: Record<string, string>;
  exclude: { position: string; officeholder?: string; why: string }[];
  positionLabels: Record<string, { label: string; why: string }>;
  names: Record<string, { name: string; dropLabel?: boolean; why: string }>;
  roleDates: {
    officeholder: string;
    position: string;
    /** The CSV start year of the row meant, where the holder has several rows for the office. */
    start?: string;
    from?: string;
    to?: string;
    source: string;
    confirmed?: string;
    why: string;
  }[];
  leadRole: Record<string, string>;
}

interface AliasFile {
  aliases: Record<string, { name: string; aliases: (string | { text: string; case?: CaseRule })[] }>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export function readLeaderRows(root: string): LeaderRow[] {
  const rows: LeaderRow[] = [];
  LEADER_FILES.forEach((file, i) => {
    const text = readFileSync(join(root, 'data/leaders', file), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
    for (const r of parsed.data) {
      rows.push({
        countryid: r.countryid!.trim(),
        country: r.country!.trim(),
        position: r.position!.trim(),
        positionLabel: r.positionLabel!.trim(),
        officeholder: r.officeholder!.trim(),
        officeholderLabel: r.officeholderLabel!.trim(),
        start_year: r.start_year!.trim(),
        end_year: r.end_year!.trim(),
        file: i,
      });
    }
  });
  return rows;
}

/** The roles of data/leaders/curated-leaders.json and former-leaders.json as rows (file 2). */
export function readCuratedLeaderRows(root: string): {
  rows: LeaderRow[];
  names: Map<string, string>;
  aliases: Map<string, string[]>;
} {
  const rows: LeaderRow[] = [];
  const names = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  for (const p of readCuratedLeaders(root)) {
    if (p.name !== undefined) names.set(p.id!, p.name);
    if (p.aliases && p.aliases.length > 0) aliases.set(p.id!, p.aliases);
    for (const r of p.roles) {
      rows.push({
        countryid: r.country,
        country: r.countryName ?? '',
        position: r.position ?? `label:${r.label!}`,
        positionLabel: r.label ?? '',
        officeholder: p.id!,
        officeholderLabel: p.name ?? '',
        start_year: r.from,
        end_year: r.to ?? '',
        file: CURATED_FILE,
        source: r.source,
        ...(r.confirmed !== undefined ? { confirmed: r.confirmed } : {}),
      });
    }
  }
  return { rows, names, aliases };
}

const YEAR_RE = /^\d{4}$/;
const Q_RE = /^Q[1-9]\d*$/;
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const wikidataUrl = (q: string): string => `https://www.wikidata.org/wiki/${q}`;

interface Role {
  row: LeaderRow;
  from: string;
  to?: string;
  source?: string;
  confirmed?: string;
}

export interface LeaderData {
  entities: Entity[];
  /** Open-ended rows closed because a later holder of the same office starts, for the record. */
  superseded: string[];
}

/** Builds the person entities. `countryId` maps a CSV country to the pack's entity id for it. */
export function buildLeaders(root: string, csvRows: readonly LeaderRow[], countryId: (ref: CountryRef) => string): LeaderData {
  const fixes = readJson<Corrections>(join(root, 'data/leaders-corrections.json'));
  const shortNames = readJson<AliasFile>(join(root, 'data/leader-aliases.json')).aliases;
  const curated = readCuratedLeaderRows(root);
  const rows = csvRows.filter((r) => r.file < CURATED_FILE);

  for (const r of rows) {
    if (!Q_RE.test(r.officeholder) || !Q_RE.test(r.position) || !Q_RE.test(r.countryid)) {
      throw new Error(`leaders CSV row with a malformed id: ${JSON.stringify(r)}`);
    }
    if (!YEAR_RE.test(r.start_year) || (r.end_year !== '' && !YEAR_RE.test(r.end_year))) {
      throw new Error(`leaders CSV row with a malformed year: ${JSON.stringify(r)}`);
    }
  }
  const hasRow = (officeholder: string | undefined, position: string): boolean =>
    rows.some((r) => r.position === position && (officeholder === undefined || r.officeholder === officeholder));
  for (const x of fixes.exclude)
    if (!hasRow(x.officeholder, x.position)) throw new Error(`exclude: no row ${x.officeholder ?? '*'} ${x.position}`);
  for (const x of fixes.roleDates)
    if (
      !rows.some(
        (r) =>
          r.position === x.position && r.officeholder === x.officeholder && (x.start === undefined || r.start_year === x.start),
      )
    )
      throw new Error(`roleDates: no row ${x.officeholder} ${x.position} ${x.start ?? ''}`);
  for (const r of curated.rows)
    if (!r.position.startsWith('label:') && !hasRow(undefined, r.position))
      throw new Error(`curated leaders: position ${r.position} (${r.officeholder}) is in no leaders CSV; give its label instead`);
  for (const p of Object.keys(fixes.positionLabels))
    if (!hasRow(undefined, p)) throw new Error(`positionLabels: no position ${p}`);
  for (const q of Object.keys(fixes.names))
    if (!rows.some((r) => r.officeholder === q)) throw new Error(`names: no officeholder ${q}`);
  for (const [q, p] of Object.entries(fixes.leadRole))
    if (!q.startsWith('_') && !hasRow(q, p)) throw new Error(`leadRole: no row ${q} ${p}`);

  const excluded = (r: LeaderRow): boolean =>
    fixes.exclude.some((x) => x.position === r.position && (x.officeholder === undefined || x.officeholder === r.officeholder));

  // One row per (office, holder, start year); the later file wins.
  const byKey = new Map<string, LeaderRow>();
  for (const r of rows) {
    if (excluded(r)) continue;
    const key = `${r.position}|${r.officeholder}|${r.start_year}`;
    const prev = byKey.get(key);
    if (!prev || r.file >= prev.file) byKey.set(key, r);
  }
  const kept = [...byKey.values(), ...curated.rows];

  // Labels: correction, else the latest file's, for offices and people alike.
  const positionLabel = new Map<string, string>();
  const personLabels = new Map<string, string[]>();
  for (const r of [...kept].sort((a, b) => b.file - a.file)) {
    if (!positionLabel.has(r.position) && (r.positionLabel !== '' || fixes.positionLabels[r.position]))
      positionLabel.set(r.position, capitalize(fixes.positionLabels[r.position]?.label ?? r.positionLabel));
    const labels = personLabels.get(r.officeholder) ?? [];
    if (r.officeholderLabel !== '' && !labels.includes(r.officeholderLabel)) labels.push(r.officeholderLabel);
    personLabels.set(r.officeholder, labels);
  }

  const roles: Role[] = kept.map((row) => ({
    row,
    from: row.start_year,
    ...(row.end_year ? { to: row.end_year } : {}),
    ...(row.source !== undefined ? { source: row.source } : {}),
    ...(row.confirmed !== undefined ? { confirmed: row.confirmed } : {}),
  }));
  // Hand-checked dates (data/leaders-corrections.json) override the CSV years and a successor's start.
  for (const x of fixes.roleDates) {
    for (const role of roles) {
      const r = role.row;
      if (r.file === CURATED_FILE || r.officeholder !== x.officeholder || r.position !== x.position) continue;
      if (x.start !== undefined && r.start_year !== x.start) continue;
      if (x.from !== undefined) role.from = x.from;
      if (x.to !== undefined) role.to = x.to;
      role.source = x.source;
      if (x.confirmed !== undefined) role.confirmed = x.confirmed;
    }
  }
  // Close the remaining open-ended rows of single-holder offices at the start of the next holder.
  const superseded: string[] = [];
  for (const role of roles) {
    if (role.to !== undefined || fixes.multiHolderPositions[role.row.position]) continue;
    const later = roles
      .filter((o) => o.row.position === role.row.position && o.row.officeholder !== role.row.officeholder && o.from > role.from)
      .map((o) => o.from)
      .sort();
    if (later.length > 0) {
      role.to = later[0]!;
      superseded.push(`${role.row.officeholderLabel}: ${positionLabel.get(role.row.position)} ${role.from}–${role.to}`);
    }
  }
  // An end given as a year or a month counts as held to the last day of that period (lib/core/roles-as-of.ts),
  // so it overlaps a successor who took over within it: Shehbaz Sharif "2022–2023" read as Prime Minister in
  // December 2023, months after the caretaker took over. Where the next holder of the same single-holder office
  // starts on a known day within that period, the role ends on that day instead.
  for (const role of roles) {
    const end = role.to;
    if (end === undefined || end.length === 10 || fixes.multiHolderPositions[role.row.position]) continue;
    const next = roles
      .filter(
        (o) =>
          o.row.position === role.row.position &&
          o.row.officeholder !== role.row.officeholder &&
          o.from.length === 10 &&
          o.from.startsWith(end) &&
          o.from > role.from,
      )
      .map((o) => o.from)
      .sort()[0];
    if (next !== undefined) {
      role.to = next;
      superseded.push(`${role.row.officeholderLabel}: ${positionLabel.get(role.row.position)} ${role.from}–${end} → ${next}`);
    }
  }
  for (const role of roles) {
    if (role.to !== undefined && role.to.slice(0, role.from.length) < role.from.slice(0, role.to.length))
      throw new Error(`role ends before it starts: ${JSON.stringify(role)}`);
  }

  const byPerson = new Map<string, Role[]>();
  for (const role of roles) byPerson.set(role.row.officeholder, [...(byPerson.get(role.row.officeholder) ?? []), role]);

  for (const q of Object.keys(shortNames))
    if (!byPerson.has(q)) throw new Error(`leader-aliases: ${q} is not an officeholder in the data`);

  // A curated person without a Wikidata id must not be someone the CSVs already have under one.
  const wdNames = new Map<string, string>();
  for (const q of byPerson.keys()) {
    if (q.startsWith('gloss:')) continue;
    for (const l of [fixes.names[q]?.name, ...(personLabels.get(q) ?? [])]) if (l) wdNames.set(foldText(l), q);
  }
  for (const [id, name] of curated.names) {
    const q = wdNames.get(foldText(name));
    if (id.startsWith('gloss:') && q !== undefined)
      throw new Error(`curated leaders: ${name} is ${q} in the CSVs; use "id": "${q}"`);
  }

  const entities: Entity[] = [];
  for (const q of [...byPerson.keys()].sort()) {
    const own = byPerson.get(q)!;
    const fix = fixes.names[q];
    const labels = personLabels.get(q)!;
    const isWikidata = !q.startsWith('gloss:');
    const name =
      fix?.name ??
      (isWikidata
        ? labels.find((l) => own.some((r) => r.row.file < CURATED_FILE && r.row.officeholderLabel === l))
        : undefined) ??
      labels[0];
    if (name === undefined) throw new Error(`leaders: ${q} has no name`);
    const curatedName = curated.names.get(q);
    if (curatedName !== undefined && curatedName !== name)
      throw new Error(`curated leaders: ${q} is "${name}" in the data, not "${curatedName}"`);
    const short = shortNames[q];
    if (short && short.name !== name) throw new Error(`leader-aliases: ${q} is "${name}", not "${short.name}"`);

    const seen = new Set([foldText(name)]);
    const alternateName: Alias[] = [];
    const addAlias = (a: Alias): void => {
      const f = foldText(a.text);
      if (f === '' || seen.has(f)) return;
      seen.add(f);
      alternateName.push(a);
    };
    if (!fix?.dropLabel) for (const l of labels) addAlias({ text: l.replace(/""/g, '"') });
    for (const a of short?.aliases ?? []) addAlias(typeof a === 'string' ? { text: a } : { ...a });
    for (const a of curated.aliases.get(q) ?? []) addAlias({ text: a });

    // Consecutive terms in the same office (Radev 2017–2022, 2022–) read as one role.
    const terms = [...own].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const merged: Role[] = [];
    for (const t of terms) {
      const prev = merged.find((m) => m.row.position === t.row.position && m.to === t.from && m.source === t.source);
      if (prev) {
        if (t.to === undefined) delete prev.to;
        else prev.to = t.to;
      } else merged.push({ ...t });
    }
    // Roles: the lead office named in the corrections first, then current ones, then by start, newest first.
    const lead = fixes.leadRole[q];
    const facts: DatedFact[] = merged
      .sort(
        (a, b) =>
          Number(b.row.position === lead) - Number(a.row.position === lead) ||
          Number(a.to !== undefined) - Number(b.to !== undefined) ||
          (b.from < a.from ? -1 : b.from > a.from ? 1 : 0) ||
          cmp(positionLabel.get(a.row.position)!, positionLabel.get(b.row.position)!),
      )
      .map((r) => ({
        label: positionLabel.get(r.row.position)!,
        from: r.from,
        ...(r.to !== undefined ? { to: r.to } : {}),
        source: r.source ?? wikidataUrl(q),
      }));
    const uniqueFacts = facts.filter(
      (f, i) => facts.findIndex((g) => g.label === f.label && g.from === f.from && g.to === f.to) === i,
    );

    const related = [...new Set(own.map((r) => countryId(r.row)))].sort();
    const sources = [...new Set([...(isWikidata ? [wikidataUrl(q)] : []), ...uniqueFacts.map((f) => f.source!)])];
    entities.push({
      id: isWikidata ? `wd:${q}` : q,
      kind: 'person',
      name,
      ...(alternateName.length > 0 ? { alternateName } : {}),
      description: describeRoles(uniqueFacts),
      roles: uniqueFacts,
      ...(isWikidata ? { links: { wikidata: wikidataUrl(q) } } : {}),
      related,
      sources,
    });
  }
  return { entities, superseded };
}

const MAX_ROLES_IN_DESCRIPTION = 3;

/** "Prime Minister of Israel since 2022." / "President of Albania 2017–2022; …" — only what the data says. */
export function describeRoles(roles: readonly DatedFact[]): string {
  const shown = roles.slice(0, MAX_ROLES_IN_DESCRIPTION).map((r) => describeRole(r));
  const more = roles.length - shown.length;
  if (more > 0) shown.push(`and ${more} other ${more === 1 ? 'office' : 'offices'}`);
  return `${shown.join('; ')}.`;
}

/**
 * A person whom another pack area also generates (a former prime minister who is now a minister): the
 * merged roles are ordered as a leader's are (open ones first, then newest) and the description is built
 * from all of them, so that it names the office the person holds now.
 */
export function withRolesDescribed(e: Entity): Entity {
  if (!e.roles || e.roles.length === 0) return e;
  const roles = e.roles
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) => Number(a.r.to !== undefined) - Number(b.r.to !== undefined) || cmp(b.r.from ?? '', a.r.from ?? '') || a.i - b.i,
    )
    .map(({ r }) => r);
  return { ...e, roles, description: describeRoles(roles) };
}
