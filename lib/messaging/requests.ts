import type * as v from 'valibot';
import { KB_SCHEMAS, type KbProtocol } from './kb-protocol';
import type { Result } from './result';
import { SYNC_SCHEMAS, type SyncProtocol } from './sync-protocol';
import { USER_SCHEMAS, type UserProtocol } from './user-protocol';

/**
 * Every message the background answers, one table per domain; each request type is derived from its
 * schema (lib/messaging/define.ts). Content scripts may send only what CONTENT_SCRIPT_MAY_SEND lists.
 */
export type ProtocolMap = KbProtocol & UserProtocol & SyncProtocol;
export type MessageType = keyof ProtocolMap;

export const REQUEST_SCHEMAS = { ...KB_SCHEMAS, ...USER_SCHEMAS, ...SYNC_SCHEMAS } satisfies {
  [K in MessageType]: v.GenericSchema;
};

/** What the sender of `K` passes (before its schema checks and trims it). */
export type RequestOf<K extends MessageType> = v.InferInput<(typeof REQUEST_SCHEMAS)[K]>;
/** What the handler of `K` receives: the request as its schema parsed it. */
export type ParsedRequestOf<K extends MessageType> = v.InferOutput<(typeof REQUEST_SCHEMAS)[K]>;
/** What the handler of `K` answers, wrapped in a Result on the wire. */
export type ReplyOf<K extends MessageType> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;

/**
 * The messages a content script may send: reading the knowledge base, a note, a Wikidata lookup from a
 * card, opening the options page, and one write: adding a new entity of the reader's own from a card
 * (the card's button acts only on the reader's trusted click, and the request can neither name an
 * existing id nor carry more than the page's address as a source). Everything else (writes, sources, backups, every note at once) is
 * refused unless the sender is one of Gloss's own pages. An allow-list, so a new message is privileged
 * until someone decides otherwise here.
 */
export const CONTENT_SCRIPT_MAY_SEND: ReadonlySet<MessageType> = new Set<MessageType>([
  'annotate',
  'getEntity',
  'search',
  'listSources',
  'getNote',
  'lookupWikidata',
  'openOptions',
  'addEntityFromCard',
]);
