import type { IndexedEntity } from './match-index';

interface Span {
  start: number;
  end: number;
  block: number;
  entities: number[];
}

/** "Romania's Constitutional Court": a capitalised owner, its possessive, then a capitalised name. */
const OWNER_RE = /^(\p{Lu}[^'’]*?)['’]s[ \u00a0](\p{Lu}.*)$/su;

/**
 * A country's possessive before an institution's name is two names, the country and the institution
 * ("Romania's Constitutional Court" → "Romania" + "Constitutional Court"), as every gold marks it and as the
 * name finder reads the text; an alias written with the possessive ("Brazil's Supreme Court") otherwise
 * makes the whole phrase one mention. The institution keeps the alias's entities, the owner gets its
 * country. A possessive that is part of a name ("Pakistan People's Party"), an owner that is no country
 * ("Islamic State's West Africa Province") and a description in lower case ("Brazil's central bank") stay
 * as they are. `spansIn` finds the known spans of a text, as for a block.
 */
export function splitCountryPossessives<S extends Span>(
  spans: readonly S[],
  blocks: readonly string[],
  entities: readonly IndexedEntity[],
  spansIn: (text: string, block: number) => readonly S[],
): S[] {
  const out: S[] = [];
  for (const s of spans) {
    const surface = blocks[s.block]!.slice(s.start, s.end);
    const m = surface.includes('s ') || surface.includes('s\u00a0') ? OWNER_RE.exec(surface) : null;
    const owner = m ? spansIn(m[1]!, s.block)[0] : undefined;
    const countries = owner?.entities.filter((e) => entities[e]!.kind === 'country') ?? [];
    if (!m || !owner || owner.start !== 0 || owner.end !== m[1]!.length || countries.length === 0) {
      out.push(s);
      continue;
    }
    out.push({ ...s, end: s.start + owner.end, entities: countries });
    out.push({ ...s, start: s.end - m[2]!.length });
  }
  return out;
}
