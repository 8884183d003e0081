/**
 * Unknown actors as an article presents them: each mention tied to the actor it names (a later "Hicks" to
 * the "Vanessa Hicks" named before), with every descriptor the article gives at it, and a kind that a
 * fragment such as "Robert M." earns only from evidence. A card reads these to say what the article says of
 * someone and where else they are mentioned.
 */

import { dedupeDescriptors, descriptorBefore, descriptorsAfter } from './actor-descriptors';
import type { UnknownActor, UnknownActorKind } from './unknown-actors';
import { definedAcronyms, markedKind, type MarkedKind } from './worth-marking';

export interface DescribedActor extends UnknownActor {
  /** The same for every mention of one actor in the article: its fullest name, folded. */
  actor: string;
  /** Every descriptor the article gives at this mention, deduplicated, in the article's order. */
  descriptors: string[];
  /** Set on a short form ("Hicks"): the full name it stands for ("Vanessa Hicks"). */
  fullName?: string;
}

export interface ActorProfile {
  actor: string;
  /** The fullest form of the name the article uses. */
  name: string;
  kind: UnknownActorKind;
  descriptors: string[];
  /** Every mention, in article order: the block and offsets into that block's text. */
  mentions: { block: number; start: number; end: number }[];
}

/** Names seen elsewhere on the page (already marked), to tie a short form in a changed paragraph to. */
export interface OtherName {
  surface: string;
  kind: UnknownActorKind;
}

const foldName = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();

/**
 * foldName with its answers kept for one article: describeActors folds each name several times (its table of
 * short forms, its kinds, each mention), and normalisation was most of its time.
 */
function foldsFor(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let f = seen.get(s);
    if (f === undefined) {
      f = foldName(s);
      seen.set(s, f);
    }
    return f;
  };
}

/** A name that ends in a bare initial: "Robert M.", "J. K." — a fragment unless something says who it is. */
const FRAGMENT_RE = /(?:^|\s)\p{Lu}\.?$/u;
const HONORIFIC_BEFORE_RE = /\b(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Prof)\.?\s+$/;

/**
 * Short forms resolve to one full name only: "Hicks" to "Vanessa Hicks" and "Caro Quintero" to "Rafael
 * Caro Quintero" when no other person in the article has a name ending so; "Meridian" to "Meridian
 * Capital Partners" likewise for organisations.
 */
function shortFormTable(names: readonly OtherName[], fold: (s: string) => string): Map<string, string | null> {
  const table = new Map<string, string | null>();
  const put = (short: string, full: string) => {
    const had = table.get(short);
    table.set(short, had === undefined || fold(had ?? '') === fold(full) ? full : null);
  };
  for (const n of names) {
    const ws = fold(n.surface).split(' ');
    if (ws.length < 2 || FRAGMENT_RE.test(n.surface)) continue;
    if (n.kind === 'person') for (let i = 1; i < ws.length; i++) put(ws.slice(i).join(' '), n.surface);
    if (n.kind === 'organization') put(ws[0]!, n.surface);
  }
  return table;
}

/**
 * Right after a nickname or another capitalised word the name finder split off ("Nemesio “El Mencho”
 * Oseguera Cervantes"), a shorter name is part of a longer one, not a short form of someone named before.
 */
const SPLIT_NAME_BEFORE_RE = /(?:\p{L}["”’]|\p{Lu}[\p{L}\p{M}.'’-]*)\s+$/u;

const isSpace = (c: number): boolean => (c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(String.fromCharCode(c)));
/** ASCII units of the name class of SPLIT_NAME_BEFORE_RE: letters, ".", "'" and "-". */
const isAsciiNameUnit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 39 || c === 45;

/**
 * SPLIT_NAME_BEFORE_RE.test(before), tried only on the end of `before` a match can span: the white space at
 * the end, the name units before it and one unit more. Unanchored at its start, the expression alone was
 * tried from each of the 40 positions, for every unknown actor of the article.
 */
export function splitNameBefore(before: string): boolean {
  let k = before.length;
  while (k > 0 && isSpace(before.charCodeAt(k - 1))) k--;
  if (k === before.length) return false;
  let s = k;
  while (s > 0) {
    const c = before.charCodeAt(s - 1);
    if (c < 128 && !isAsciiNameUnit(c)) break;
    s--;
  }
  // The letter before a quote may be a surrogate pair.
  let from = s - 2;
  if (from > 0 && (before.charCodeAt(from) & 0xfc00) === 0xdc00) from--;
  return SPLIT_NAME_BEFORE_RE.test(before.slice(Math.max(0, from)));
}

/**
 * Ties each unknown actor of an article's blocks to the actor it names and gathers what the text says at
 * it. `others` are names found on the page before (a changed paragraph is annotated alone).
 */
export function describeActors(
  texts: readonly string[],
  unknown: readonly (readonly UnknownActor[])[],
  others: readonly OtherName[] = [],
): DescribedActor[][] {
  const all = unknown.flat();
  const fold = foldsFor();
  const shortForms = shortFormTable([...others, ...all], fold);
  const kindOf = new Map<string, UnknownActorKind>();
  for (const n of [...others, ...all]) if (!kindOf.has(fold(n.surface))) kindOf.set(fold(n.surface), n.kind);
  return unknown.map((list, b) =>
    list.map((a) => {
      const text = texts[b] ?? '';
      const before = a.descriptor ?? (a.kind === 'place' ? null : descriptorBefore(text, a.start));
      const descriptors = dedupeDescriptors([...(before ? [before] : []), ...descriptorsAfter(text, a.end)]);
      const split = splitNameBefore(text.slice(Math.max(0, a.start - 40), a.start));
      const full = a.kind !== 'place' && !split ? shortForms.get(fold(a.surface)) : undefined;
      if (full && fold(full) !== fold(a.surface)) {
        const kind = kindOf.get(fold(full)) ?? a.kind;
        return { ...a, kind, actor: fold(full), descriptors, fullName: full };
      }
      return { ...a, kind: evidencedKind(a, descriptors, text), actor: fold(a.surface), descriptors };
    }),
  );
}

/** "Robert M." is a person only with a descriptor or an honorific; without, the kind is not known. */
function evidencedKind(a: UnknownActor, descriptors: readonly string[], text: string): UnknownActorKind {
  if (a.kind !== 'person' || !FRAGMENT_RE.test(a.surface) || !/\s/.test(a.surface)) return a.kind;
  if (descriptors.length > 0 || HONORIFIC_BEFORE_RE.test(text.slice(Math.max(0, a.start - 8), a.start))) return a.kind;
  return 'unknown';
}

/** One profile per actor, in order of first mention: its fullest name, all descriptors, every mention. */
export function profileActors(described: readonly (readonly DescribedActor[])[]): ActorProfile[] {
  const byActor = new Map<string, ActorProfile & { all: string[] }>();
  described.forEach((list, block) => {
    for (const a of list) {
      let p = byActor.get(a.actor);
      if (!p) {
        p = { actor: a.actor, name: a.fullName ?? a.surface, kind: a.kind, descriptors: [], mentions: [], all: [] };
        byActor.set(a.actor, p);
      }
      if (!a.fullName && a.surface.length > p.name.length) p.name = a.surface;
      if (p.kind === 'unknown') p.kind = a.kind;
      p.all.push(...a.descriptors);
      p.mentions.push({ block, start: a.start, end: a.end });
    }
  });
  return [...byActor.values()].map(({ all, ...p }) => ({ ...p, descriptors: dedupeDescriptors(all) }));
}

export type MarkedActor = DescribedActor & { kind: MarkedKind };

/**
 * The unknown actors a reader sees marked, per block: described from the whole article, then only those
 * worth marking. The browser and the CLI both take them from here, so the CLI reports what the page shows.
 */
export function markedUnknowns(
  texts: readonly string[],
  unknown: readonly (readonly UnknownActor[])[],
  others: readonly OtherName[] = [],
): MarkedActor[][] {
  const defined = definedAcronyms(
    texts,
    unknown.flatMap((list) => list.map((a) => a.surface)),
  );
  return describeActors(texts, unknown, others).map((list) =>
    list.flatMap((a) => {
      const kind = markedKind(a, defined);
      return kind ? [{ ...a, kind }] : [];
    }),
  );
}
