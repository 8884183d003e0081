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
  rule: Uint8Array;
  /** 0: the variant counts on every page; k: only on pages in langs[k - 1] (AliasVariant.lang). */
  lang: Uint16Array;
  langs: string[];
  /** Alias text of variant v is text.slice(textStart[v], textStart[v + 1]). */
  textStart: Uint32Array;
  text: string;
}

const RULES: readonly CaseRule[] = ['exact', 'capitalized', 'any'];

export function packVariants(groups: readonly AliasVariant[][]): VariantTable {
  const count = groups.reduce((n, g) => n + g.length, 0);
  const groupStart = new Uint32Array(groups.length + 1);
  const entity = new Uint32Array(count);
  const rule = new Uint8Array(count);
  const lang = new Uint16Array(count);
  const langs: string[] = [];
  const textStart = new Uint32Array(count + 1);
  const texts: string[] = [];
  let v = 0;
  let offset = 0;
  groups.forEach((group, g) => {
    groupStart[g] = v;
    for (const variant of group) {
      entity[v] = variant.entity;
      rule[v] = RULES.indexOf(variant.rule);
      if (variant.lang !== undefined) {
        let k = langs.indexOf(variant.lang);
        if (k < 0) k = langs.push(variant.lang) - 1;
        lang[v] = k + 1;
      }
      textStart[v] = offset;
      texts.push(variant.text);
      offset += variant.text.length;
      v++;
    }
  });
  groupStart[groups.length] = v;
  textStart[count] = offset;
  if (langs.length > 0xffff) throw new Error('match index: more than 65,535 alias languages');
  return { groupStart, entity, rule, lang, langs, textStart, text: texts.join('') };
}

/** The case rule of variant v, without decoding the variant. */
export const variantRule = (t: VariantTable, v: number): CaseRule => RULES[t.rule[v]!]!;

export function variantsOf(t: VariantTable, group: number): AliasVariant[] {
  const out: AliasVariant[] = [];
  for (let v = t.groupStart[group]!; v < t.groupStart[group + 1]!; v++) {
    const lang = t.lang[v]!;
    out.push({
      entity: t.entity[v]!,
      rule: RULES[t.rule[v]!]!,
      text: t.text.slice(t.textStart[v]!, t.textStart[v + 1]!),
      ...(lang > 0 ? { lang: t.langs[lang - 1]! } : {}),
    });
  }
  return out;
}
