import type { EntityKind } from '../pack/types';
import { fitsCaseRule } from './case-rule';
import { foldText } from './fold';
import type { IndexedEntity, MatchIndex } from './match-index';
import { scan } from './scan';

export interface Mention {
  start: number;
  end: number;
  surface: string;
  /** The linked entity, or null where the candidates are too close to call. */
  entityId: string | null;
  kind: EntityKind;
  name: string;
  candidates: string[];
  confidence: number;
}

export interface AnnotateOptions {
  /** The whole article's text, for context rules; defaults to the text being annotated. */
  articleText?: string;
}

/** Candidates closer than this in score are reported as ambiguous rather than guessed. */
const AMBIGUITY_MARGIN = 0.05;

/** Finds and links every known mention in one block of text. */
export function annotate(index: MatchIndex, text: string, options: AnnotateOptions = {}): Mention[] {
  let foldedArticle: string | undefined;
  const contextHolds = (e: IndexedEntity): boolean => {
    if (!e.context) return true;
    foldedArticle ??= foldText(options.articleText ?? text);
    return e.context.some((w) => foldedArticle!.includes(w));
  };

  const mentions: Mention[] = [];
  let covered = 0;
  for (const raw of scan(index, text)) {
    if (raw.start < covered) continue;
    for (let k = raw.ends.length - 1; k >= 0; k--) {
      const end = raw.ends[k]!;
      const surface = text.slice(raw.start, end);
      const candidates = index.groups[raw.groups[k]!]!.filter(
        (v) => fitsCaseRule(surface, v.text, v.rule) && contextHolds(index.entities[v.entity]!),
      );
      if (candidates.length === 0) continue;
      const unique = [...new Set(candidates.map((c) => c.entity))].map((i) => index.entities[i]!);
      unique.sort((x, y) => y.prior - x.prior);
      const best = unique[0]!;
      const runnerUp = unique[1];
      const total = unique.reduce((s, e) => s + e.prior, 0) || 1;
      const ambiguous = runnerUp !== undefined && best.prior - runnerUp.prior < AMBIGUITY_MARGIN;
      mentions.push({
        start: raw.start,
        end,
        surface,
        entityId: ambiguous ? null : best.id,
        kind: best.kind,
        name: best.name,
        candidates: unique.map((e) => e.id),
        confidence: ambiguous ? best.prior / total : Math.min(1, best.prior / total + 0.5 * (runnerUp ? 0 : 1)),
      });
      covered = end;
      break;
    }
  }
  return mentions;
}
