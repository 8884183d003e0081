/**
 * Finds named actors the knowledge base does not know, in plain text, with rules rather than a model:
 * runs of capitalised words, cut and labelled by cues around them (titles, organisation and place words,
 * prepositions, speech verbs) and by evidence from the rest of the article (a word seen capitalised mid-
 * sentence is a name even where it opens a sentence). Offsets are UTF-16 offsets into `text`.
 */

import { COMPASS, FUNCTION_WORDS, HONORIFIC_RE } from './names/word-lists';
import { type Token, tokenize } from './names/tokens';
import { type Candidate, type Run, findRuns, splitRun } from './names/runs';
import { classify, collectEvidence, dropSentenceStarts, isDemonym, isGroup, notAnActor, trimTail } from './names/filters';
import { joinDashedPlaces } from './names/dashed-places';
import { actsAsPerson } from './names/lone-subjects';
import { appositive, datelines, kindFromDescriptor, placeNounBefore, preDescriptor } from './names/descriptors';

export type UnknownActorKind = 'person' | 'organization' | 'place' | 'unknown';

export interface UnknownActor {
  start: number;
  end: number;
  surface: string;
  kind: UnknownActorKind;
  /** How the article itself describes the actor: "Iran's foreign ministry spokesman". */
  descriptor?: string;
  /** A lone name the sentence shows to be a person by what it does ("Timbrell campaigned"): actsAsPerson. */
  subject?: boolean;
}

/** A block read once: its tokens, capitalised runs and the words it shows capitalised mid-sentence. */
export interface ReadBlock {
  text: string;
  tokens: Token[];
  runs: Run[];
  dated: UnknownActor[];
  /** Lower-case words seen as names here: evidence for the same word where it opens a sentence. */
  evidence: Set<string>;
}

export function readBlock(text: string): ReadBlock {
  const tokens = tokenize(text);
  const dated = datelines(text);
  for (const d of dated) for (const t of tokens) if (t.start >= d.start && t.end <= d.end) t.cap = false;
  const runs = joinDashedPlaces(tokens, findRuns(tokens, text), text);
  return { text, tokens, runs, dated, evidence: collectEvidence(tokens, runs) };
}

export interface NameOptions {
  /** Words seen as names anywhere in the article's body (default: this block's own). */
  evidence?: ReadonlySet<string>;
  /**
   * On a title-case line (heading, headline, caption, byline) a name counts only if each of its words is
   * among these, words seen as names in the body (default: the evidence), since capitals there are style.
   */
  onlyWords?: ReadonlySet<string>;
}

/** Every proper name of a block, known to the knowledge base or not, with the kind its words say. */
export function namesOf(block: ReadBlock, options: NameOptions = {}): UnknownActor[] {
  const { text, tokens, runs } = block;
  const evidence = options.evidence ?? block.evidence;
  const found: UnknownActor[] = [...block.dated];
  const persons = new Set<string>();
  const orgs = new Set<string>();
  const pending: { c: Candidate; kind: UnknownActorKind }[] = [];
  // Token index where the last rejected name ended: a bracket right after it spells out or shortens the same
  // thing ("Worldwide Developers Conference ( WWDC )"), so it is rejected too.
  let rejectedEnd = -1;
  for (const run of runs) {
    const explains = rejectedEnd >= 0 && /^\s*\(\s*$/.test(text.slice(tokens[rejectedEnd - 1]!.end, tokens[run.from]!.start));
    if (explains) {
      rejectedEnd = -1;
      continue;
    }
    // "the riding of Prince Edward - Hastings", "the town of Prince Albert": a name the text calls a place keeps
    // its title words.
    const parts = placeNounBefore(tokens, run, text) ? [placeRun(tokens, run)] : splitRun(tokens, run);
    for (const part of parts) {
      const trimmedStart = dropSentenceStarts(tokens, part, evidence, text);
      const c = trimmedStart && trimTail(tokens, trimmedStart);
      if (
        !c ||
        c.to <= c.from ||
        isDemonym(tokens, c, text) ||
        isGroup(tokens, c) ||
        notAnActor(tokens, c, text) ||
        loneCompass(tokens, c)
      ) {
        if (part.to === run.to && (!c || c.to === part.to)) rejectedEnd = run.to;
        continue;
      }
      if (tokens[c.from]!.titled) {
        // In a heading only the words the body shows as names count: "Mercy Corps Appeals for Aid" → "Mercy Corps".
        const allowed = options.onlyWords ?? evidence;
        while (c.to > c.from && !allowed.has(tokens[c.to - 1]!.lower)) c.to--;
        if (c.to === c.from || !everyWordIn(tokens, c, allowed)) continue;
      }
      rejectedEnd = -1;
      const kind = classify(tokens, c, text);
      if (kind === 'person' && c.to - c.from > 1) persons.add(tokens[c.to - 1]!.lower);
      if (kind === 'organization' && c.to - c.from > 1) orgs.add(tokens[c.from]!.lower);
      pending.push({ c, kind });
    }
  }
  for (const { c, kind: k } of pending) {
    // A lone family name already seen in a person's full name ("Papermaster" after "Mark Papermaster").
    // Likewise a short form of an organisation's name ("Meridian" after "Meridian Capital Partners").
    const lone = k === 'unknown' && c.to - c.from === 1 ? tokens[c.from]!.lower : '';
    // "the riding of Springfield": the text calls it a place, and says what kind of place.
    const placeNoun = k === 'unknown' || k === 'place' ? placeNounBefore(tokens, c, text) : undefined;
    // "Timbrell campaigned for a seat": a lone name that does what only a person does.
    const subject = lone !== '' && !placeNoun && !persons.has(lone) && !orgs.has(lone) && actsAsPerson(tokens, c.from, text);
    const kind = placeNoun ? 'place' : persons.has(lone) || subject ? 'person' : orgs.has(lone) ? 'organization' : k;
    const start = tokens[c.from]!.start;
    const end = tokens[c.to - 1]!.end;
    const descriptor =
      placeNoun ?? preDescriptor(tokens, c, text) ?? (kind === 'place' ? undefined : appositive(tokens, c, text));
    found.push({
      start,
      end,
      surface: text.slice(start, end),
      kind: kindFromDescriptor(kind, descriptor, c.titleFrom !== undefined || HONORIFIC_RE.test(tokens[c.from - 1]?.lower ?? '')),
      ...(descriptor ? { descriptor } : {}),
      ...(subject ? { subject } : {}),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A run the text calls a place, less capitalised function words a missing full stop left at its end ("… Hastings In"). */
function placeRun(tokens: Token[], run: Run): Candidate {
  let to = run.to;
  while (to - 1 > run.from && FUNCTION_WORDS.has(tokens[to - 1]!.lower)) to--;
  return { from: run.from, to, kind: 'place' };
}

/** "the South", "the North": a compass word alone names a vague region, not an actor. */
const loneCompass = (tokens: Token[], c: Candidate): boolean => c.to - c.from === 1 && COMPASS.has(tokens[c.from]!.lower);

/** Whether every capitalised word of a candidate is among `allowed`. */
function everyWordIn(tokens: Token[], c: Candidate, allowed: ReadonlySet<string>): boolean {
  for (let j = c.from; j < c.to; j++) if (tokens[j]!.cap && !allowed.has(tokens[j]!.lower)) return false;
  return true;
}

/** Named actors in `text` that are not inside any `known` span. */
export function findUnknownActors(text: string, known: readonly { start: number; end: number }[]): UnknownActor[] {
  return namesOf(readBlock(text)).filter((a) => !known.some((k) => k.start < a.end && a.start < k.end));
}
