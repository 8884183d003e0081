/**
 * Hand-curated leader roles that the Wikidata CSVs lack: current leaders who took office after the data was
 * taken, roles dated to the day near the pack's "as of" date, and former heads of state and government since
 * 1990. Every role names the URL that states it. Two files in data/leaders/:
 *
 * - `curated-leaders.json`: people with their roles, each role with its own source (and `confirmed`, the day
 *   the fact was last checked).
 * - `former-leaders.json`: per office, its holders since 1990 with years, under one source that lists them.
 *
 * A person is `wd:Q…` only when a file in data/leaders/ has the id (the default-pack test checks it), else
 * `gloss:leader-<slug of the name>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../lib/core/fold';

interface CuratedRole {
  /** Wikidata id of the country, as in the leaders CSVs (the pack maps it to its country entity). */
  country: string;
  /** The country's English name, needed only for a country that no leaders CSV row names (Ghana, Haiti). */
  countryName?: string;
  /** Wikidata id of the office as in the CSVs (its label and successors come from there)… */
  position?: string;
  /** …or the label of an office that the CSVs do not have. */
  label?: string;
  from: string;
  to?: string;
  source: string;
  confirmed?: string;
}

export interface CuratedPerson {
  /** `Q…` (must be in a file under data/), or a `gloss:` id (another pack area's, for the same person); derived from the name when absent. */
  id?: string;
  name?: string;
  aliases?: string[];
  why?: string;
  roles: CuratedRole[];
}

interface FormerOffice {
  country: string;
  position?: string;
  label?: string;
  source: string;
  holders: FormerHolder[];
}

interface FormerHolder {
  name: string;
  from: string;
  to: string;
  id?: string;
  aliases?: string[];
  source?: string;
  /** The holder's own title where it was not the office itself ("Acting President of Ukraine"), with the `source` that states it. */
  label?: string;
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const Q_RE = /^Q[1-9]\d*$/;
const GLOSS_RE = /^gloss:[a-z0-9-]+$/;

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss' };

/** "Luiz Inácio Lula da Silva" → "gloss:leader-luiz-inacio-lula-da-silva". */
export function leaderSlugId(name: string): string {
  const slug = foldText(name)
    .replace(/[øłđæœß]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `gloss:leader-${slug}`;
}

function checkRole(where: string, r: CuratedRole): void {
  const bad = (what: string): never => {
    throw new Error(`${where}: ${what} in ${JSON.stringify(r)}`);
  };
  if (!Q_RE.test(r.country)) bad('country is not a Wikidata id');
  if ((r.position === undefined) === (r.label === undefined)) bad('give either position or label');
  if (r.position !== undefined && !Q_RE.test(r.position)) bad('position is not a Wikidata id');
  if (!DATE_RE.test(r.from)) bad('from is not YYYY, YYYY-MM or YYYY-MM-DD');
  if (r.to !== undefined && !DATE_RE.test(r.to)) bad('to is not YYYY, YYYY-MM or YYYY-MM-DD');
  if (r.to !== undefined && r.to.slice(0, r.from.length) < r.from.slice(0, r.to.length)) bad('role ends before it starts');
  if (r.confirmed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(r.confirmed)) bad('confirmed is not YYYY-MM-DD');
  if (!/^https:\/\/\S+$/.test(r.source)) bad('source is not an https URL');
}

/** The people of both files, one entry per person id, roles joined; ids resolved. */
export function readCuratedLeaders(root: string): CuratedPerson[] {
  const dir = join(root, 'data/leaders');
  const curated = JSON.parse(readFileSync(join(dir, 'curated-leaders.json'), 'utf8')) as { people: CuratedPerson[] };
  const former = JSON.parse(readFileSync(join(dir, 'former-leaders.json'), 'utf8')) as { offices: FormerOffice[] };

  const byId = new Map<string, CuratedPerson>();
  const add = (where: string, p: CuratedPerson): void => {
    if (p.id === undefined && p.name === undefined) throw new Error(`${where}: a person needs an id or a name`);
    const id = p.id ?? leaderSlugId(p.name!);
    if (!Q_RE.test(id) && !GLOSS_RE.test(id)) throw new Error(`${where}: malformed id ${id}`);
    for (const r of p.roles) checkRole(`${where} ${p.name ?? id}`, r);
    const prev = byId.get(id);
    if (!prev) {
      byId.set(id, { ...p, id, roles: [...p.roles], aliases: [...(p.aliases ?? [])] });
      return;
    }
    if (p.name !== undefined && prev.name !== undefined && p.name !== prev.name)
      throw new Error(`${where}: ${id} is named both "${prev.name}" and "${p.name}"`);
    prev.name ??= p.name;
    prev.roles.push(...p.roles);
    for (const a of p.aliases ?? []) if (!prev.aliases!.includes(a)) prev.aliases!.push(a);
  };

  curated.people.forEach((p, i) => add(`curated-leaders.json people[${i}]`, p));
  former.offices.forEach((o, i) => {
    if (!/^https:\/\/\S+$/.test(o.source)) throw new Error(`former-leaders.json offices[${i}]: source is not an https URL`);
    for (const h of o.holders) {
      if (h.label !== undefined && h.source === undefined)
        throw new Error(`former-leaders.json offices[${i}]: ${h.name} has a label of their own but no source that states it`);
      add(`former-leaders.json offices[${i}]`, {
        ...(h.id !== undefined ? { id: h.id } : {}),
        name: h.name,
        ...(h.aliases ? { aliases: h.aliases } : {}),
        roles: [
          {
            country: o.country,
            ...(h.label !== undefined
              ? { label: h.label }
              : o.position !== undefined
                ? { position: o.position }
                : { label: o.label! }),
            from: h.from,
            to: h.to,
            source: h.source ?? o.source,
          },
        ],
      });
    }
  });
  return [...byId.values()];
}
