import * as v from 'valibot';
import type { Mention } from '../core/annotate';
import type { UnknownActor } from '../core/unknown-actors';
import type { SourceRecord, StoredEntity } from '../kb/db';
import type { ProtocolOf } from './define';

/** An entity as a card shows it. */
export type EntityView = Omit<StoredEntity, 'searchKeys'>;

interface AnnotateReply {
  /** Mentions per block, offsets into that block's text. */
  mentions: Mention[][];
  /**
   * Per block, the proper names no mention covers: actors the knowledge base lacks (English pages). They
   * come out of the same pass as the mentions (lib/core/annotate-article.ts), so the page paints them
   * later from this reply instead of asking again.
   */
  unknown: UnknownActor[][];
}

export const EMPTY_REQUEST = v.optional(v.union([v.object({}), v.null()]), {});

/** Text blocks of the article, in reading order. */
const blocks = v.pipe(
  v.array(v.pipe(v.string(), v.maxLength(2_000_000, 'a text block is longer than 2,000,000 characters'))),
  v.maxLength(20_000, 'more than 20,000 text blocks in one request'),
);
/** The article's date when the page says it. */
const date = v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')));

export const KB_SCHEMAS = {
  annotate: v.object({
    blocks,
    date,
    /** The page's declared language (`<html lang>`): proper names are read on English pages only. */
    lang: v.optional(v.pipe(v.string(), v.maxLength(35, 'lang is longer than 35 characters'))),
  }),
  getEntity: v.object({ id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  search: v.object({ query: v.pipe(v.string(), v.maxLength(200)) }),
  listSources: EMPTY_REQUEST,
  reimportBuiltin: EMPTY_REQUEST,
};

/** Reading the knowledge base. */
interface KbReplies {
  annotate: AnnotateReply;
  getEntity: EntityView | null;
  search: EntityView[];
  listSources: SourceRecord[];
  reimportBuiltin: { entityCount: number };
}

export type KbProtocol = ProtocolOf<typeof KB_SCHEMAS, KbReplies>;
