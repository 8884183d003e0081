import { annotateBlocks, type Mention } from './annotate';
import type { MatchIndex } from './match-index';
import { findArticleNames, readsNames } from './names/article-names';
import type { UnknownActor } from './unknown-actors';
import { firstPerPage, MAX_MENTIONS_PER_PAGE, MAX_UNKNOWN_PER_PAGE, withinCandidateBudget } from './page-caps';

export interface ArticleAnnotation {
  /** Known mentions per block, offsets into that block. */
  mentions: Mention[][];
  /** Proper names per block that no known mention covers: the actors the knowledge base lacks. */
  unknown: UnknownActor[][];
}

export interface ArticleOptions {
  date?: string;
  /** The page's declared language; the name finder reads English only (readsNames). */
  lang?: string | null;
}

/**
 * The one annotation pipeline, for the browser and the CLI alike: proper names first (English pages),
 * then the knowledge base's mentions, where a name inside a longer name gives way to it, then the
 * names the knowledge base does not know.
 */
export function annotateArticle(index: MatchIndex, blocks: readonly string[], options: ArticleOptions = {}): ArticleAnnotation {
  const names = readsNames(options.lang) ? findArticleNames(blocks) : null;
  const mentions = withinCandidateBudget(
    firstPerPage(
      annotateBlocks(index, blocks, {
        ...(options.date ? { date: options.date } : {}),
        ...(names ? { names } : {}),
        ...(options.lang ? { lang: options.lang } : {}),
      }),
      MAX_MENTIONS_PER_PAGE,
    ),
  );
  const unknown = names
    ? firstPerPage(
        names.map((list, b) => {
          const known = mentions[b]!;
          return list.filter((a) => !known.some((k) => k.start < a.end && a.start < k.end));
        }),
        MAX_UNKNOWN_PER_PAGE,
      )
    : blocks.map(() => []);
  return { mentions, unknown };
}
