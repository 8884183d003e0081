import * as v from 'valibot';
import type { ProtocolMap } from './protocol';

const empty = v.optional(v.union([v.object({}), v.null()]), {});

/** Request shapes, checked before any handler runs: a message is untrusted input like any other. */
export const REQUEST_SCHEMAS: { [K in keyof ProtocolMap]: v.GenericSchema } = {
  annotate: v.object({
    blocks: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(2_000_000, 'a text block is longer than 2,000,000 characters'))),
      v.maxLength(20_000, 'more than 20,000 text blocks in one request'),
    ),
  }),
  getEntity: v.object({ id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)) }),
  search: v.object({ query: v.pipe(v.string(), v.maxLength(200)) }),
  listSources: empty,
  reimportBuiltin: empty,
};

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${v.getDotPath(i) ?? 'data'}: ${i.message}`)
    .join('; ');
}
