import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { InvalidRequestError } from '../errors/domain-error';
import { toValidationIssue, type ValidationIssue } from '@pourline/contracts';

/** Enough to fix any request a person sends; a request with more is machine-made, and its first issues say why. */
const MAX_ISSUES = 50;

/**
 * Every body, query and path parameter is checked against its schema; nothing unknown passes. The
 * answer states each issue twice: as English sentences (`message`, `details`) for people reading
 * the API, and as data (`issues`: field, kind, bounds) for the console to word in its reader's language.
 */
export class StrictValidationPipe extends StandardSchemaValidationPipe {
  protected override async validate<T = unknown>(
    value: unknown,
    schema: StandardSchemaV1,
    options?: Record<string, unknown>,
  ): Promise<StandardSchemaV1.Result<T>> {
    const result = (await super.validate<T>(value, schema, options)) as StandardSchemaV1.Result<T>;
    if (!result.issues) return result;
    // The issues as data, made here where the request is at hand: "missing" needs the value.
    throw this.refusal(result.issues.slice(0, MAX_ISSUES).map((issue) => toValidationIssue(issue, value)));
  }

  private refusal(issues: ValidationIssue[]): InvalidRequestError {
    const sentences = issues.map((issue) => ({ message: issue.message, path: issue.path ? [issue.path] : undefined }));
    return new InvalidRequestError(this.formatIssueMessages(sentences), issues);
  }
}
