import type { CaseRule } from '../pack/types';
import type { AliasVariant } from './match-index';

/**
 * The aliases behind each automaton output, in flat typed arrays: a stored index loads without
 * creating an object per alias, and only the groups an article matches are ever decoded.
 */
export interface VariantTable {
  /** Variants of group g are [groupStart[g], groupStart[g + 1]). */
  groupStart: Uint32Array;
  entity: Uint32Array;
  /** The case rule's index in RULES, plus FOREIGN_BIT for a name in another language than English. */
  rule: Uint8Array;
  /** Alias text of variant v is text.slice(textStart[v], textStart[v + 1]). */
  textStart: Uint32Array;
  text: string;
}

const RULES: readonly CaseRule[] = ['exact', 'capitalized', 'any'];
/** Set in a variant's rule byte for a foreign name (AliasVariant.foreign): one byte keeps both. */
export const FOREIGN_BIT = 4;

export function packVariants(groups: readonly AliasVariant[][]): VariantTable {
  const count = groups.reduce((n, g) => n + g.length, 0);
  const groupStart = new Uint32Array(groups.length + 1);
  const entity = new Uint32Array(count);
  const rule = new Uint8Array(count);
  const textStart = new Uint32Array(count + 1);
  const texts: string[] = [];
  let v = 0;
  let offset = 0;
  groups.forEach((group, g) => {
    groupStart[g] = v;
    for (const variant of group) {
      entity[v] = variant.entity;
      rule[v] = RULES.indexOf(variant.rule) | (variant.foreign ? FOREIGN_BIT : 0);
      textStart[v] = offset;
      texts.push(variant.text);
      offset += variant.text.length;
      v++;
    }
  });
  groupStart[groups.length] = v;
  textStart[count] = offset;
  return { groupStart, entity, rule, textStart, text: texts.join('') };
}

export function variantsOf(t: VariantTable, group: number): AliasVariant[] {
  const out: AliasVariant[] = [];
  for (let v = t.groupStart[group]!; v < t.groupStart[group + 1]!; v++) {
    const rule = t.rule[v]!;
    out.push({
      entity: t.entity[v]!,
      rule: RULES[rule & ~FOREIGN_BIT]!,
      text: t.text.slice(t.textStart[v]!, t.textStart[v + 1]!),
      foreign: (rule & FOREIGN_BIT) !== 0,
    });
  }
  return out;
}
