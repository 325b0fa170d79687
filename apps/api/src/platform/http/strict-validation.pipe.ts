import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';

type Issue = StandardSchemaV1.Issue & { code?: string; keys?: string[] };

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
    .join('.');
}

/** A field the request does not take, named in full, as a person fixing the request reads it. */
export function describeUnknownFields(issue: Issue): string | undefined {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  const path = pathOf(issue);
  const names = issue.keys.map((key) => `"${path ? `${path}.${key}` : key}"`).join(', ');
  return `unknown field${issue.keys.length > 1 ? 's' : ''} ${names}: not part of this request`;
}

/** Every body, query and path parameter is checked against its schema; nothing unknown passes. */
export class StrictValidationPipe extends StandardSchemaValidationPipe {
  protected override formatIssueMessages(issues: readonly StandardSchemaV1.Issue[]): string[] {
    return super.formatIssueMessages(
      issues.map((issue) => {
        const unknown = describeUnknownFields(issue);
        return unknown ? { message: unknown } : issue;
      }),
    );
  }
}
