import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { onMessage, PRIVILEGED, REQUEST_SCHEMAS, type ProtocolMap } from '@/lib/messaging/protocol';
import { err, ok, type Result } from '@/lib/messaging/result';
import { describeIssues } from '@/lib/messaging/schemas';
import { isExtensionPage } from '@/lib/messaging/trust';

export type Value<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;
export type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];

/** Registers a handler that checks the sender and the request, and turns every failure into a value. */
export function handle<K extends keyof ProtocolMap>(type: K, run: (data: Data<K>) => Promise<Value<K>>): void {
  onMessage(type, (async ({ data, sender }) => {
    if (PRIVILEGED.has(type) && !isExtensionPage(sender, browser.runtime.getURL('/'), browser.runtime.id)) {
      return err(`"${type}" may only be sent by Gloss's own pages`);
    }
    const parsed = v.safeParse(REQUEST_SCHEMAS[type], data);
    if (!parsed.success) return err(`malformed "${type}" request: ${describeIssues(parsed.issues)}`);
    try {
      return ok(await run(parsed.output as Data<K>));
    } catch (e) {
      console.error(`Gloss: ${type} failed`, e);
      return err(e instanceof Error ? e.message : String(e));
    }
  }) as Parameters<typeof onMessage<K>>[1]);
}
