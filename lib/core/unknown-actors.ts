/**
 * Finds named actors the knowledge base does not know, in plain text, with rules rather than a model:
 * runs of capitalised words, cut and labelled by cues around them (titles, organisation and place words,
 * prepositions, speech verbs) and by evidence from the rest of the article (a word seen capitalised mid-
 * sentence is a name even where it opens a sentence). Offsets are UTF-16 offsets into `text`.
 */

import { HONORIFIC_RE } from './names/word-lists';
import { tokenize } from './names/tokens';
import { type Candidate, findRuns, splitRun } from './names/runs';
import { classify, collectEvidence, dropSentenceStarts, isDemonym, notAnActor, trimTail } from './names/filters';
import { appositive, datelines, kindFromDescriptor, preDescriptor } from './names/descriptors';

export type UnknownActorKind = 'person' | 'organization' | 'place' | 'unknown';

export interface UnknownActor {
  start: number;
  end: number;
  surface: string;
  kind: UnknownActorKind;
  /** How the article itself describes the actor: "Iran's foreign ministry spokesman". */
  descriptor?: string;
}

/** Named actors in `text` that are not inside any `known` span. */
export function findUnknownActors(text: string, known: readonly { start: number; end: number }[]): UnknownActor[] {
  const tokens = tokenize(text);
  const dated = datelines(text);
  for (const d of dated) for (const t of tokens) if (t.start >= d.start && t.end <= d.end) t.cap = false;
  const runs = findRuns(tokens, text);
  const evidence = collectEvidence(tokens, runs);

  const found: UnknownActor[] = [...dated];
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
    for (const part of splitRun(tokens, run)) {
      const trimmedStart = dropSentenceStarts(tokens, part, evidence, text);
      const c = trimmedStart && trimTail(tokens, trimmedStart);
      if (!c || c.to <= c.from || isDemonym(tokens, c, text) || notAnActor(tokens, c, text)) {
        if (part.to === run.to && (!c || c.to === part.to)) rejectedEnd = run.to;
        continue;
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
    const kind = persons.has(lone) ? 'person' : orgs.has(lone) ? 'organization' : k;
    const start = tokens[c.from]!.start;
    const end = tokens[c.to - 1]!.end;
    const descriptor = preDescriptor(tokens, c, text) ?? (kind === 'place' ? undefined : appositive(tokens, c, text));
    found.push({
      start,
      end,
      surface: text.slice(start, end),
      kind: kindFromDescriptor(kind, descriptor, c.titleFrom !== undefined || HONORIFIC_RE.test(tokens[c.from - 1]?.lower ?? '')),
      ...(descriptor ? { descriptor } : {}),
    });
  }
  return found.filter((a) => !known.some((k) => k.start < a.end && a.start < k.end)).sort((a, b) => a.start - b.start);
}
