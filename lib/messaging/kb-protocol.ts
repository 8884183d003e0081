import * as v from 'valibot';
import type { Mention } from '../core/annotate';
import type { UnknownActor } from '../core/unknown-actors';
import type { SourceRecord, StoredEntity } from '../kb/db';
import type { Result } from './result';

/** An entity as a card shows it. */
export type EntityView = Omit<StoredEntity, 'searchKeys'>;

interface AnnotateRequest {
  /** Text blocks of the article, in reading order. */
  blocks: string[];
  /** The article's date (YYYY-MM-DD) when the page says it. */
  date?: string;
  /** Also find named actors the knowledge base does not know (slower: a page asks after painting). */
  unknown?: boolean;
  /** The page's declared language (`<html lang>`): proper names are read on English pages only. */
  lang?: string;
}
interface AnnotateReply {
  /** Mentions per block, offsets into that block's text. */
  mentions: Mention[][];
  /** With `unknown`: actors per block that no mention covers, with what the article says of them. */
  unknown?: UnknownActor[][];
}

/** Reading the knowledge base: open to content scripts. */
export interface KbProtocol {
  annotate(data: AnnotateRequest): Result<AnnotateReply>;
  getEntity(data: { id: string }): Result<EntityView | null>;
  search(data: { query: string }): Result<EntityView[]>;
  listSources(data: Record<string, never>): Result<SourceRecord[]>;
  reimportBuiltin(data: Record<string, never>): Result<{ entityCount: number }>;
}

export const EMPTY_REQUEST = v.optional(v.union([v.object({}), v.null()]), {});

export const KB_SCHEMAS: { [K in keyof KbProtocol]: v.GenericSchema } = {
  annotate: v.object({
    blocks: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(2_000_000, 'a text block is longer than 2,000,000 characters'))),
      v.maxLength(20_000, 'more than 20,000 text blocks in one request'),
    ),
    date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'))),
    unknown: v.optional(v.boolean()),
    lang: v.optional(v.pipe(v.string(), v.maxLength(35, 'lang is longer than 35 characters'))),
  }),
  getEntity: v.object({ id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  search: v.object({ query: v.pipe(v.string(), v.maxLength(200)) }),
  listSources: EMPTY_REQUEST,
  reimportBuiltin: EMPTY_REQUEST,
};

export const KB_PRIVILEGED: readonly (keyof KbProtocol)[] = ['reimportBuiltin'];
