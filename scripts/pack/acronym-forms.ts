/**
 * The title-case form of an organisation's acronym ("Unrwa", "Nato", "Opec"): British and Irish papers (the
 * Guardian, the Observer, the Irish Times, …) write an acronym said as a word with one capital, so an alias
 * "UNRWA" alone misses them. The form is added with exact case, so "Isis" is matched and "isis" is not.
 */
import type { Entity } from '../../lib/pack/types';

/** Kinds whose all-capital aliases are acronyms of a name. */
const ACRONYM_KINDS = new Set<Entity['kind']>(['organization', 'government-body', 'armed-group']);

/** Title-case forms that are given names, written so for someone else: never added. */
const LEFT_OUT = new Set(['Wafa', 'Irna']);

const ACRONYM = /^[A-Z]{4,}$/;

/**
 * Adds the form to every organisation, government body and armed group with an all-capital alias of at least
 * four letters (three-letter ones are said letter by letter: "FBI", "BBC"), unless any entity of `entities`
 * else has that form, in any case, as a name or alias. Changes the entities in place; returns the forms added.
 */
export function addTitleCaseAcronyms(entities: Entity[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const n of [e.name, ...(e.alternateName ?? []).map((a) => a.text)]) {
      const key = n.toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
    }
  }
  const added: string[] = [];
  for (const e of entities) {
    if (!ACRONYM_KINDS.has(e.kind)) continue;
    const forms = [e.name, ...(e.alternateName ?? []).map((a) => a.text)].filter((n) => ACRONYM.test(n));
    for (const acronym of forms) {
      const form = acronym[0] + acronym.slice(1).toLowerCase();
      const others = [...(owners.get(form.toLowerCase()) ?? [])].filter((id) => id !== e.id);
      if (LEFT_OUT.has(form) || others.length > 0) continue;
      if ([e.name, ...(e.alternateName ?? []).map((a) => a.text)].includes(form)) continue;
      e.alternateName = [...(e.alternateName ?? []), { text: form, case: 'exact' }];
      added.push(`${form} (${e.id})`);
    }
  }
  return added;
}
