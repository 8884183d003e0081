import * as v from 'valibot';

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${v.getDotPath(i) ?? 'data'}: ${i.message}`)
    .join('; ');
}
