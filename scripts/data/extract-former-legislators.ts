/**
 * Writes data/us-government/legislators-former.yaml: the members of Congress who left between September 2012
 * and the pack's "as of" day, copied from the history of legislators-current.yaml in a local clone of
 * unitedstates/congress-legislators (CC0). The project's own legislators-historical.yaml is the better source
 * but is not in the clone we have; every version of legislators-current.yaml is.
 *
 * A member's record is taken from the last version that lists them. Its last term's end is the *scheduled*
 * end, so only members who left at that end are kept: they vanish from the file no earlier than ~2 months
 * before a new Congress (the maintainers move outgoing members in late December) or a few days after it.
 * Members who left early (death, resignation, appointment) are left out: the day they left is not in the
 * versions we read, and a role must not end on a day that no source states.
 *
 * Usage: npx tsx scripts/data/extract-former-legislators.ts <path to the clone's git dir> [asOf]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

interface Term {
  type: string;
  start: string;
  end: string;
  [k: string]: unknown;
}
interface Rec {
  id: Record<string, unknown> & { bioguide?: string; wikidata?: string; wikipedia?: string };
  name: Record<string, unknown>;
  bio?: Record<string, unknown>;
  terms: Term[];
}

const KEEP_IDS = ['bioguide', 'thomas', 'lis', 'govtrack', 'wikipedia', 'wikidata', 'ballotpedia'];
const KEEP_TERM = ['type', 'start', 'end', 'state', 'district', 'class', 'party', 'state_rank', 'how'];
const pick = (o: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

const [gitDir, asOf = '2025-02-03'] = process.argv.slice(2);
if (!gitDir) throw new Error('usage: extract-former-legislators.ts <git dir> [asOf]');
const git = (...args: string[]) => execFileSync('git', ['-C', gitDir, ...args], { maxBuffer: 1 << 30 }).toString();

// Oldest first; a version is the file as of its commit's date.
const versions = git('log', '--format=%H %cI', '--', 'legislators-current.yaml')
  .trim()
  .split('\n')
  .map((l) => {
    const [commit, date] = l.split(' ') as [string, string];
    return { commit, day: date.slice(0, 10), date };
  })
  .filter((v) => v.day <= asOf)
  .sort((a, b) => (a.date < b.date ? -1 : 1));

// One git process streams every version; each is parsed as it arrives (all of them together are ~1 GB).
async function* readVersions(): AsyncGenerator<string> {
  const child = spawn('git', ['-C', gitDir!, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(versions.map((v) => `${v.commit}:legislators-current.yaml\n`).join(''));
  let buf = Buffer.alloc(0);
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const nl = buf.indexOf(10);
      if (nl < 0) break;
      const size = Number(buf.subarray(0, nl).toString().split(' ')[2]);
      if (!Number.isFinite(size)) throw new Error(`git cat-file: ${buf.subarray(0, nl).toString()}`);
      if (buf.length < nl + 1 + size + 1) break;
      yield buf.subarray(nl + 1, nl + 1 + size).toString();
      buf = buf.subarray(nl + 1 + size + 1);
    }
  }
}

// First pass: the last version that lists each member (ids only, which is fast).
const lastIndex = new Map<string, number>();
let index = 0;
for await (const text of readVersions()) {
  for (const m of text.matchAll(/bioguide: (\w+)/g)) lastIndex.set(m[1]!, index);
  index++;
}
// Second pass: the whole record, from that version.
const lastSeen = new Map<string, { index: number; rec: Rec }>();
const parsed = new Map<number, Map<string, Rec>>();
for (const [bioguide, i] of lastIndex) {
  if (!parsed.has(i)) {
    const people = parse(git('show', `${versions[i]!.commit}:legislators-current.yaml`), { uniqueKeys: false }) as Rec[];
    parsed.set(i, new Map(people.map((p) => [String(p.id.bioguide), p])));
  }
  lastSeen.set(bioguide, { index: i, rec: parsed.get(i)!.get(bioguide)! });
}
const current = new Set(
  (parse(readFileSync('data/us-government/legislators-current.2025-02-03.yaml', 'utf8')) as Rec[]).map((p) => p.id.bioguide),
);
const congressBoundary = /^\d{3}[13579]-01-0[3-5]$/;
const kept: Rec[] = [];
const early: string[] = [];
for (const [bioguide, { index, rec }] of lastSeen) {
  if (current.has(bioguide) || index === versions.length - 1) continue;
  if (!rec.id.wikidata || !rec.id.wikipedia) continue; // the 2012 format had neither
  const last = rec.terms.at(-1)!;
  const gone = versions[index + 1]!.day;
  const daysEarly = (Date.parse(last.end) - Date.parse(gone)) / 86_400_000;
  if (daysEarly <= 3 || (congressBoundary.test(last.end) && daysEarly <= 62)) {
    kept.push({
      id: pick(rec.id, KEEP_IDS),
      name: rec.name,
      ...(rec.bio ? { bio: rec.bio } : {}),
      terms: rec.terms.map((t) => pick(t, KEEP_TERM) as Term),
    } as Rec);
  } else early.push(String(rec.id.wikipedia));
}
kept.sort((a, b) => String(a.id.bioguide).localeCompare(String(b.id.bioguide)));
const head = [
  `# Members of Congress who left between ${versions[0]!.day} and ${asOf} at the scheduled end of their last term,`,
  '# from the history of legislators-current.yaml in unitedstates/congress-legislators (CC0, see LICENSE), written by',
  '# scripts/data/extract-former-legislators.ts. Each record is the one of the last version listing the member; contact',
  '# fields and most external ids are left out. Members who left before the end of a term are not here:',
  ...early
    .sort()
    .join(', ')
    .match(/.{1,110}(?:, |$)/g)!
    .map((l) => `# ${l.trim()}`),
];
writeFileSync('data/us-government/legislators-former.yaml', `${head.join('\n')}\n${stringify(kept, { lineWidth: 0 })}`);
console.log(`${versions.length} versions, ${kept.length} members kept, ${early.length} left early and left out`);
