/**
 * Cabinet members and senior officials: who held each office, with exact dates, from Wikidata query results
 * kept by every-politician-scrapers/us-cabinet (as of August 2022, CC0), and what changed since then from
 * data/us-government/officials.json, where every date carries a source that states it.
 *
 * A row that was still open in August 2022 is never presented as current without evidence: officials.json
 * must either end it (with a source) or confirm it still held on the pack's "as of" day. The build fails
 * otherwise, so a stale row cannot slip through.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { DatedFact } from '../../lib/pack/types';
import { wikidataUrl } from './us-congress';

/** One held office from a holders file. */
export interface Holding {
  qid: string;
  label: string;
  from?: string;
  to?: string;
}

interface OpenRowResolution {
  person: string;
  label: string;
  /** The day the holding ended, or absent when the source confirms it still held on the pack's date. */
  to?: string;
  source: string;
}

interface OfficialRole extends DatedFact {
  /** Entity id: `wd:Q…` (the id appears in a data file) or a pack-local `gloss:us-…`. */
  person: string;
}

interface OfficialPerson {
  id: string;
  name: string;
  aliases?: string[];
  /** English Wikipedia title. */
  wikipedia: string;
  /** What the person is known for besides the roles, e.g. a nomination pending on the pack's date. */
  note?: string;
  /** Sources of the note. */
  sources?: string[];
}

export interface OfficialsFile {
  /** Presidents and vice presidents: those whose last term ended on or before `since` are left out; `names` by govtrack id. */
  executive: {
    since: string;
    names: Record<string, { name: string; wikipedia: string; qid?: string }>;
  };
  /** Position in the holders file → the role label used in the pack. */
  positions: Record<string, string>;
  /** Further holders files (item, itemLabel, startDate, endDate) with the label of their office. */
  holderFiles: { file: string; label: string }[];
  /** Holdings that ended before this day are left out: the pack is about today's news and its recent past. */
  oldest: string;
  /** Holdings shorter than this many days (acting fill-ins for a day or a week) are left out. */
  minDays: number;
  openRows: OpenRowResolution[];
  roles: OfficialRole[];
  people: OfficialPerson[];
  /** Extra aliases by entity id, for names news writes that the data does not give. */
  aliases: Record<string, string[]>;
  /** Ids described in another built-in pack: their roles here are left to that pack. */
  elsewhere: Record<string, string>;
}

export interface BioRow {
  name: string;
  enwiki: string;
}

const QID = /^Q\d+$/;

function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Wikidata id → name and English Wikipedia title. */
export function readBio(dir: string): Map<string, BioRow> {
  const out = new Map<string, BioRow>();
  for (const r of readCsv(join(dir, 'us-cabinet/bio.wikidata-2022-08.csv'))) {
    if (QID.test(r.id ?? '')) out.set(r.id!, { name: r.name ?? '', enwiki: r.enwiki ?? '' });
  }
  return out;
}

/** The holdings of the offices named in officials.json, before any correction. */
export function readHoldings(dir: string, cfg: OfficialsFile): Holding[] {
  const out: Holding[] = [];
  for (const r of readCsv(join(dir, 'us-cabinet/holders.wikidata-2022-08.csv'))) {
    const label = cfg.positions[r.position ?? ''];
    if (!label || !QID.test(r.personID ?? '')) continue;
    out.push({ qid: r.personID!, label, ...(r.start ? { from: r.start } : {}), ...(r.end ? { to: r.end } : {}) });
  }
  for (const f of cfg.holderFiles) {
    for (const r of readCsv(join(dir, f.file))) {
      if (!QID.test(r.item ?? '')) continue;
      out.push({
        qid: r.item!,
        label: f.label,
        ...(r.startDate ? { from: r.startDate } : {}),
        ...(r.endDate ? { to: r.endDate } : {}),
      });
    }
  }
  return out;
}

/**
 * The roles of the offices, by entity id, as of `asOf`: old and brief holdings dropped, rows open in 2022
 * resolved by officials.json, then the roles officials.json adds. Throws on an open row it does not resolve,
 * and on a resolution or role that matches nothing.
 */
export function officialRoles(holdings: readonly Holding[], cfg: OfficialsFile, asOf: string): Map<string, DatedFact[]> {
  const out = new Map<string, DatedFact[]>();
  const add = (id: string, f: DatedFact) => {
    const list = out.get(id) ?? [];
    list.push(f);
    out.set(id, list);
  };
  const used = new Set<OpenRowResolution>();
  const unresolved: string[] = [];
  for (const h of holdings) {
    if (h.to && h.to < cfg.oldest) continue;
    if (h.from && h.to && days(h.from, h.to) < cfg.minDays) continue;
    const source = wikidataUrl(h.qid);
    if (h.to) {
      add(`wd:${h.qid}`, { label: h.label, ...(h.from ? { from: h.from } : {}), to: h.to, source });
      continue;
    }
    const res = cfg.openRows.find((r) => r.person === `wd:${h.qid}` && r.label === h.label);
    if (!res) {
      unresolved.push(`${h.qid} "${h.label}" (from ${h.from ?? '?'})`);
      continue;
    }
    used.add(res);
    if (res.to && days(h.from ?? res.to, res.to) < cfg.minDays) continue;
    add(`wd:${h.qid}`, {
      label: h.label,
      ...(h.from ? { from: h.from } : {}),
      ...(res.to ? { to: res.to } : {}),
      source: res.source,
    });
  }
  if (unresolved.length > 0)
    throw new Error(
      `officials.json: open in the 2022 data; say when each ended or that it still held:\n  ${unresolved.join('\n  ')}`,
    );
  const unused = cfg.openRows.filter((r) => !used.has(r));
  if (unused.length > 0)
    throw new Error(`officials.json: openRows match no open row: ${unused.map((r) => `${r.person} ${r.label}`).join(', ')}`);
  for (const r of cfg.roles) {
    // A nominee sworn in days after the pack's date keeps that dated role, so that a card on a later article
    // names the holder; the news of the weeks after the pack's date (to about two months) still names them as
    // office holders, and anything later is more likely a typo than a fact of this pack.
    if (r.from && days(asOf, r.from) > 62)
      throw new Error(`officials.json: ${r.person} "${r.label}" starts more than two months after the pack's date`);
    const { person, ...fact } = r;
    add(person, fact);
  }
  return out;
}
