import { defineExtensionMessaging } from '@webext-core/messaging';
import type * as v from 'valibot';
import { KB_PRIVILEGED, KB_SCHEMAS, type KbProtocol } from './kb-protocol';
import { SYNC_PRIVILEGED, SYNC_SCHEMAS, type SyncProtocol } from './sync-protocol';
import { USER_PRIVILEGED, USER_SCHEMAS, type UserProtocol } from './user-protocol';

export type { EntityView } from './kb-protocol';
export type { SourceRecord } from '../kb/db';

/**
 * Every message the background answers, one interface per domain. Content scripts may only send the
 * read-only ones; the rest are refused unless the sender is one of the extension's own pages.
 */
export type ProtocolMap = KbProtocol & UserProtocol & SyncProtocol;

export const REQUEST_SCHEMAS: { [K in keyof ProtocolMap]: v.GenericSchema } = {
  ...KB_SCHEMAS,
  ...USER_SCHEMAS,
  ...SYNC_SCHEMAS,
};

export const PRIVILEGED: ReadonlySet<keyof ProtocolMap> = new Set([...KB_PRIVILEGED, ...USER_PRIVILEGED, ...SYNC_PRIVILEGED]);

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // Messages that are not ours are ignored instead of thrown on in every listening context.
  breakError: true,
});
