import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './requests';

export type { EntityView } from './kb-protocol';
export type { SourceRecord } from '../kb/db';
export {
  CONTENT_SCRIPT_MAY_SEND,
  REQUEST_SCHEMAS,
  type MessageType,
  type ParsedRequestOf,
  type ProtocolMap,
  type ReplyOf,
  type RequestOf,
} from './requests';

/** The messaging between content scripts, pages and the worker, typed by lib/messaging/requests.ts. */
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  // Messages that are not ours are ignored instead of thrown on in every listening context.
  breakError: true,
});
