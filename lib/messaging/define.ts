import type * as v from 'valibot';
import type { Result } from './result';

/**
 * A protocol from its request schemas and its replies: each message's request type is what its valibot
 * schema accepts, so a schema and the type the handler and the sender see cannot drift apart. Both
 * tables must name the same messages (a message without a schema, or a schema without a reply, does not
 * type-check).
 */
export type ProtocolOf<Schemas extends { [K in keyof Replies]: v.GenericSchema }, Replies> = {
  [K in keyof Replies]: (data: v.InferInput<Schemas[K]>) => Result<Replies[K]>;
} & Record<Exclude<keyof Schemas, keyof Replies>, never>;
