import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Mention } from '../core/annotate';
import type { SourceRecord, StoredEntity } from '../kb/db';
import type { Result } from './result';

/** An entity as a card shows it. */
export type EntityView = Omit<StoredEntity, 'searchKeys'>;

export interface AnnotateRequest {
  /** Text blocks of the article, in reading order. */
  blocks: string[];
}
export interface AnnotateReply {
  /** Mentions per block, offsets into that block's text. */
  mentions: Mention[][];
}

/**
 * Every message the background answers. Content scripts may only send the read-only ones; the rest
 * are refused unless the sender is one of the extension's own pages (see PRIVILEGED).
 */
export interface ProtocolMap {
  annotate(data: AnnotateRequest): Result<AnnotateReply>;
  getEntity(data: { id: string }): Result<EntityView | null>;
  search(data: { query: string }): Result<EntityView[]>;
  listSources(data: Record<string, never>): Result<SourceRecord[]>;
  reimportBuiltin(data: Record<string, never>): Result<{ entityCount: number }>;
}

export const PRIVILEGED: ReadonlySet<keyof ProtocolMap> = new Set(['reimportBuiltin']);

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // Messages that are not ours are ignored instead of thrown on in every listening context.
  breakError: true,
});
