import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { MessageType, ReplyOf, RequestOf } from '../../../lib/messaging/protocol';
import type { Result } from '../../../lib/messaging/result';
import type { TabProtocol } from '../../../lib/messaging/tab-protocol';

/**
 * Messages to Gloss from a test, in @webext-core/messaging's wire format, written once here and typed
 * from lib/messaging: a message the protocol does not have, or a request of the wrong shape, does not
 * compile. (Tests that send a malformed message on purpose say so with `sendUnchecked`.)
 */

/** What the library puts on the wire: `id` pairs a reply with its request, `timestamp` marks it as the library's. */
export interface Envelope<T extends string = string, D = unknown> {
  id: number;
  type: T;
  data: D;
  timestamp: number;
}

/** What comes back: the handler's Result under `res`, or a thrown error under `err`. */
export interface WireReply<T> {
  res?: Result<T>;
  err?: unknown;
}

let nextId = 1;

function envelope<K extends MessageType>(type: K, data: RequestOf<K>): Envelope<K, RequestOf<K>> {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/** A tab message (what extension pages ask a page's content script), for `tabs.sendMessage`. */
export function tabEnvelope<K extends keyof TabProtocol>(type: K, data: Parameters<TabProtocol[K]>[0]): Envelope<K> {
  return { id: nextId++, type, data, timestamp: Date.now() };
}

/** A page of either driver: Playwright for Chromium, Puppeteer for Firefox. */
type Evaluates = PlaywrightPage | PuppeteerPage;

/** The sender as the page it runs in: an extension page is trusted, a content world meets the allow-list. */
function sendFromPage(page: Evaluates, message: Envelope): Promise<unknown> {
  const send = (m: Envelope) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.runtime.sendMessage(m);
  };
  return 'context' in page ? page.evaluate(send, message) : page.evaluate(send, message);
}

/** Sends `type` from `page` and returns the whole reply, errors included (for tests about refusals). */
export async function sendRaw<K extends MessageType>(
  page: Evaluates,
  type: K,
  data: RequestOf<K>,
): Promise<WireReply<ReplyOf<K>> | undefined> {
  return (await sendFromPage(page, envelope(type, data))) as WireReply<ReplyOf<K>> | undefined;
}

/** Sends `type` from `page` and returns its value; a refusal or an error fails the test with the reply. */
export async function sendAs<K extends MessageType>(page: Evaluates, type: K, data: RequestOf<K>): Promise<ReplyOf<K>> {
  const reply = await sendRaw(page, type, data);
  if (!reply?.res?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.res.value;
}

/** A message the protocol would not type-check: malformed on purpose, to see the worker refuse it. */
export async function sendUnchecked(page: Evaluates, type: string, data: unknown): Promise<WireReply<unknown> | undefined> {
  return (await sendFromPage(page, { id: nextId++, type, data, timestamp: Date.now() })) as WireReply<unknown> | undefined;
}

/** The same send as an expression, for a context only CDP reaches (the content script's isolated world). */
export function sendExpression<K extends MessageType>(type: K, data: RequestOf<K>): string {
  return `chrome.runtime.sendMessage(${JSON.stringify(envelope(type, data))})`;
}
