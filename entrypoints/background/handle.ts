import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  CONTENT_SCRIPT_MAY_SEND,
  onMessage,
  REQUEST_SCHEMAS,
  type MessageType,
  type ParsedRequestOf,
  type ReplyOf,
} from '@/lib/messaging/protocol';
import { err, ok } from '@/lib/messaging/result';
import { describeIssues } from '@/lib/messaging/schemas';
import { isExtensionPage } from '@/lib/messaging/trust';

export type Handler<K extends MessageType> = (data: ParsedRequestOf<K>) => Promise<ReplyOf<K>>;
/** Handlers for some messages of the protocol, each typed by its message. */
export type Handlers<K extends MessageType> = { [P in K]: Handler<P> };

/** Registers a handler that checks the sender and the request, and turns every failure into a value. */
function handle<K extends MessageType>(type: K, run: Handler<K>): void {
  onMessage(type, (async ({ data, sender }) => {
    if (!CONTENT_SCRIPT_MAY_SEND.has(type) && !isExtensionPage(sender, browser.runtime.getURL('/'), browser.runtime.id)) {
      return err(`"${type}" may only be sent by Gloss's own pages`);
    }
    const parsed = v.safeParse(REQUEST_SCHEMAS[type], data);
    if (!parsed.success) return err(`malformed "${type}" request: ${describeIssues(parsed.issues)}`);
    try {
      return ok(await run(parsed.output as ParsedRequestOf<K>));
    } catch (e) {
      console.error(`Gloss: ${type} failed`, e);
      return err(e instanceof Error ? e.message : String(e));
    }
  }) as Parameters<typeof onMessage<K>>[1]);
}

/**
 * Registers every handler at once, synchronously (a worker woken by a message must already listen).
 * Typed over the whole protocol: a message without a handler does not compile.
 */
export function registerHandlers(all: Handlers<MessageType>): void {
  for (const type of Object.keys(all) as MessageType[]) handle(type, all[type] as Handler<typeof type>);
}
