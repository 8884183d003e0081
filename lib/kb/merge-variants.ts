import type { Alias, Entity } from '../pack/types';
import { LIMITS } from '../pack/validate';
import type { EntityAlternative, StoredEntity } from './db';
import { searchKeysOf } from './search-keys';

export interface RankedVariant {
  sourceId: string;
  sourceName: string;
  entity: Entity;
}

// Optional fields a lower-ranked source may supply when the higher-ranked one says nothing.
const FILLABLE = ['roles', 'facts', 'image', 'related', 'context', 'story', 'prior', 'sameAs'] as const;

/**
 * One entity from what several sources give, best-ranked first. The first source's fields are
 * shown; a field it leaves out is taken from the next source that has it, so a pack that adds only a
 * description does not hide the roles another pack knows. Names and aliases are pooled: each is a
 * way the entity is written, and matching should find all of them. The other sources' own words stay
 * in `alternatives`, for a card that shows both.
 */
export function mergeVariants(ranked: readonly RankedVariant[]): StoredEntity {
  const [top, ...rest] = ranked;
  if (!top) throw new Error('mergeVariants needs at least one variant');
  const merged: Entity = { ...top.entity };
  for (const { entity } of rest) {
    for (const field of FILLABLE) {
      if (merged[field] === undefined && entity[field] !== undefined) Object.assign(merged, { [field]: entity[field] });
    }
    if (entity.links) merged.links = { ...entity.links, ...merged.links };
  }
  if (rest.length > 0) {
    const aliases = new Map<string, Alias>();
    for (const { entity } of ranked) {
      for (const alias of [{ text: entity.name }, ...(entity.alternateName ?? [])]) {
        if (alias.text !== merged.name && !aliases.has(alias.text)) aliases.set(alias.text, alias);
      }
    }
    const alternateName = [...aliases.values()].slice(0, LIMITS.aliases);
    if (alternateName.length > 0) merged.alternateName = alternateName;
    merged.sources = [...new Set(ranked.flatMap((v) => v.entity.sources))].slice(0, LIMITS.listItems);
  }
  const alternatives: EntityAlternative[] = rest.map(({ sourceId, sourceName, entity }) => ({
    sourceId,
    sourceName,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    ...(entity.roles && { roles: entity.roles }),
  }));
  return {
    ...merged,
    searchKeys: searchKeysOf(merged),
    sourceIds: ranked.map((v) => v.sourceId),
    ...(alternatives.length > 0 && { alternatives }),
  };
}

/** Key-order-independent equality of two pack entities, to tell an unchanged entity from an update. */
export function sameEntity(a: Entity, b: Entity): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
