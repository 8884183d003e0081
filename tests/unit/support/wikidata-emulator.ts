import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

/** The team's saved real Wikidata API responses, beside the project (see ../shared/data/README.md). */
const DATA = resolve(process.env.GLOSS_SHARED_DATA ?? resolve(import.meta.dirname, '../../../../shared/data'), 'wikidata');
export const haveData = existsSync(DATA);
if (!haveData) console.log(`skipped: Wikidata emulation tests, ${DATA} absent`);

export type Json = Record<string, unknown>;

/** Every entity in the saved real API responses, the fullest copy of each id. */
export function loadFixtures(): Map<string, Json> {
  const byId = new Map<string, Json>();
  const files = [
    ...readdirSync(DATA).map((f) => join(DATA, f)),
    ...readdirSync(join(DATA, 'wptools')).map((f) => join(DATA, 'wptools', f)),
  ].filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const entities =
      (json.entities as Record<string, Json> | undefined) ?? (typeof json.id === 'string' ? { [json.id]: json } : {});
    for (const [id, e] of Object.entries(entities)) {
      if (!e || typeof e !== 'object' || e.type !== 'item') continue;
      const size = JSON.stringify(e).length;
      if (size > JSON.stringify(byId.get(id) ?? {}).length) byId.set(id, e);
    }
  }
  return byId;
}

/** Every label and alias of an item, in every language, lower-cased: what CirrusSearch matches words against. */
function namesOf(e: Json): string[] {
  const names: string[] = [];
  for (const v of Object.values((e.labels as Record<string, { value: string }> | undefined) ?? {})) names.push(v.value);
  for (const list of Object.values((e.aliases as Record<string, { value: string }[]> | undefined) ?? {}))
    for (const v of list) names.push(v.value);
  return names.map((n) => n.toLowerCase());
}

/**
 * `list=search` over the saved items: every word of the query in one label or alias, in the shape
 * of the saved real answer (cirrus_search_response.json).
 */
function search(fixtures: Map<string, Json>, q: URLSearchParams): Json {
  const words = (q.get('srsearch') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const limit = Number(q.get('srlimit') ?? 10);
  const hits = [...fixtures.entries()]
    .filter(([, e]) => words.length > 0 && namesOf(e).some((n) => words.every((w) => n.includes(w))))
    .slice(0, limit)
    .map(([id, e], i) => ({ ns: 0, title: id, pageid: i + 1, snippet: namesOf(e).slice(0, 5).join('\n') }));
  return { batchcomplete: '', query: { searchinfo: { totalhits: hits.length }, search: hits } };
}

function getEntities(fixtures: Map<string, Json>, q: URLSearchParams): Json {
  const langs = new Set((q.get('languages') ?? '').split('|').filter(Boolean));
  const props = new Set((q.get('props') ?? 'info|sitelinks|aliases|labels|descriptions|claims|datatype').split('|'));
  const entities: Record<string, Json> = {};
  for (const id of (q.get('ids') ?? '').split('|')) {
    const e = fixtures.get(id);
    if (!e) {
      entities[id] = { id, missing: '' };
      continue;
    }
    const out: Json = { type: e.type, id };
    for (const p of ['labels', 'descriptions', 'aliases'] as const) {
      if (!props.has(p) || !e[p]) continue;
      out[p] = Object.fromEntries(Object.entries(e[p] as Json).filter(([lang]) => langs.size === 0 || langs.has(lang)));
    }
    for (const p of ['claims', 'sitelinks'] as const) if (props.has(p) && e[p]) out[p] = e[p];
    entities[id] = out;
  }
  return { entities, success: 1 };
}

/**
 * The part of the Wikidata API Gloss uses, answering from the saved responses: `wbgetentities` with
 * the ids, languages and props wikibase-sdk puts in the URL, trimmed as the real API trims them, and
 * `list=search` for looking a name up.
 */
export function wikidataEmulator(fixtures: Map<string, Json>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const json = (body: Json) =>
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    if (q.get('format') === 'json' && q.get('action') === 'wbgetentities') return json(getEntities(fixtures, q));
    if (q.get('format') === 'json' && q.get('action') === 'query' && q.get('list') === 'search') return json(search(fixtures, q));
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { code: 'badrequest', info: 'unsupported' } }));
  };
}
