import type { EntityKind } from '../pack/types';
import { describeActors, markedUnknowns } from './actor-profiles';
import { annotateArticle } from './annotate-article';
import type { MatchIndex } from './match-index';
import type { Paragraph } from './paragraphs';

/** A mention as the CLI and evaluation report it: offsets into the whole article text. */
export interface ArticleMention {
  start: number;
  end: number;
  surface: string;
  kind: EntityKind | 'unknown';
  entityId: string | null;
  name: string;
  wikipedia: string | null;
  known: boolean;
  confidence: number;
  descriptor?: string;
}

/**
 * What the browser marks on an article (annotateArticle, then markedUnknowns), as offsets into the whole
 * article text: known mentions and the named actors the knowledge base lacks that are worth a mark. `wikipediaOf` gives an entity's English
 * Wikipedia URL.
 */
export function mentionsOfArticle(
  index: MatchIndex,
  paragraphs: readonly Paragraph[],
  wikipediaOf: (id: string) => string | null,
  options: { date?: string; lang?: string | null; allNames?: boolean } = {},
): ArticleMention[] {
  const texts = paragraphs.map((p) => p.text);
  const { mentions: known, unknown: found } = annotateArticle(index, texts, options);
  // The unknown actors the browser marks, by the same rule (markedUnknowns), not every name found.
  // allNames: every name the name finder found, for work on name boundaries; not what a reader sees.
  const unknown = options.allNames ? describeActors(texts, found) : markedUnknowns(texts, found);
  const out: ArticleMention[] = [];
  paragraphs.forEach((p, i) => {
    const here = known[i]!;
    for (const m of here) {
      out.push({
        start: p.offset + m.start,
        end: p.offset + m.end,
        surface: m.surface,
        kind: m.kind,
        entityId: m.entityId,
        name: m.name,
        wikipedia: m.entityId ? wikipediaOf(m.entityId) : null,
        known: true,
        confidence: Number(m.confidence.toFixed(3)),
      });
    }
    for (const u of unknown[i]!) {
      out.push({
        start: p.offset + u.start,
        end: p.offset + u.end,
        surface: u.surface,
        kind: u.kind,
        entityId: null,
        name: u.surface,
        wikipedia: null,
        known: false,
        confidence: 0.5,
        ...(u.descriptors.length > 0 ? { descriptor: u.descriptors.join('; ') } : {}),
      });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}
