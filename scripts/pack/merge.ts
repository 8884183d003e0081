/** Merging generated and hand-written entities, and finding aliases that two entities share. */
import { foldText } from '../../lib/core/fold';
import { aliasesOf, defaultCaseRule } from '../../lib/core/match-index';
import type { Alias, DatedFact, Entity, EntityKind } from '../../lib/pack/types';

/** The entity with its keys in the order of the Entity interface and empty lists left out. */
export function canonical(e: Entity): Entity {
  const out: Record<string, unknown> = {};
  const keys: (keyof Entity)[] = [
    'id',
    'kind',
    'name',
    'alternateName',
    'description',
    'summary',
    'summarySource',
    'roles',
    'facts',
    'links',
    'sameAs',
    'image',
    'related',
    'context',
    'story',
    'sources',
    'prior',
  ];
  for (const k of keys) {
    const v = e[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as unknown as Entity;
}

/** Two aliases are the same when they fold alike and match under the same case rule. */
const aliasKey =
  (kind: EntityKind) =>
  (a: Alias): string =>
    `${foldText(a.text)}\u0000${a.case ?? defaultCaseRule(a.text, kind)}`;
const factKey = (f: DatedFact): string => `${f.label}\u0000${f.from ?? ''}\u0000${f.to ?? ''}`;

function union<T>(first: readonly T[] | undefined, second: readonly T[] | undefined, key: (x: T) => string): T[] | undefined {
  if (!first && !second) return undefined;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...(first ?? []), ...(second ?? [])]) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

/**
 * One entity from a generated one (`base`) and a hand-written one with the same id (`over`): the hand-written
 * text wins; lists (aliases, roles, related ids, sources) are joined, hand-written items first.
 */
export function mergeEntity(base: Entity, over: Entity): Entity {
  const key = aliasKey(over.kind);
  const nameKey = key({ text: over.name });
  const alternateName = union(over.alternateName, base.alternateName, key)?.filter((a) => key(a) !== nameKey);
  return canonical({
    ...base,
    ...over,
    alternateName,
    roles: union(over.roles, base.roles, factKey),
    facts: union(over.facts, base.facts, factKey),
    links: base.links || over.links ? { ...base.links, ...over.links } : undefined,
    sameAs: union(over.sameAs, base.sameAs, String),
    related: union(over.related, base.related, String),
    sources: union(over.sources, base.sources, String)!,
  } as Entity);
}

/** Every folded alias (names included) that more than one entity has: alias → sorted entity ids. */
export function aliasCollisions(entities: readonly Entity[]): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const a of aliasesOf(e)) {
      const f = foldText(a.text);
      if (f === '') continue;
      let set = owners.get(f);
      if (!set) owners.set(f, (set = new Set()));
      set.add(e.id);
    }
  }
  const out = new Map<string, string[]>();
  for (const f of [...owners.keys()].sort()) {
    const ids = owners.get(f)!;
    if (ids.size > 1) out.set(f, [...ids].sort());
  }
  return out;
}

/**
 * Drops the non-English aliases of generated entities that another entity also has: a name in some other
 * language is never worth an ambiguity in an English article ("Kongo" for both Congos).
 */
export function dropCollidingForeignAliases(entities: Entity[]): string[] {
  const collisions = aliasCollisions(entities);
  const dropped: string[] = [];
  for (const e of entities) {
    if (!e.alternateName) continue;
    e.alternateName = e.alternateName.filter((a) => {
      const drop = a.lang !== undefined && a.lang !== 'en' && collisions.has(foldText(a.text));
      if (drop) dropped.push(`${e.id} ${a.lang}:${a.text}`);
      return !drop;
    });
    if (e.alternateName.length === 0) delete e.alternateName;
  }
  return dropped;
}
