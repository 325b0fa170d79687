import { type ApiError, isApiErrorCode } from '@pourline/contracts';
import type { TranslationValues } from '../i18n/I18nContext';
import { en, type MessageKey } from '../i18n/messages.en';
import { ApiRequestError } from './ApiRequestError';
import { describeIssues } from './issueWords';
import { refusalValues } from './refusalWords';

type Translate = (key: MessageKey, values?: TranslationValues) => string;

const CATALOGUE = en as Readonly<Record<string, string>>;

/** The placeholders an entry of the catalogue fills in; every language has the same ones. */
function placeholdersOf(key: string): string[] {
  const text = CATALOGUE[key] ?? CATALOGUE[`${key}_other`] ?? '';
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * An answer of the API in the reader's language: its code worded from the catalogue with the
 * refusal's facts or the request's issues. The server's own sentence is shown only for a code the
 * console does not know, or a refusal without the facts its words need (an answer stored by an
 * older server and replayed).
 */
export function describeApiError(error: Pick<ApiError, 'code' | 'message' | 'facts' | 'issues'>, t: Translate): string {
  if (!isApiErrorCode(error.code)) return error.message;
  // A refused request is told by its issues, each beside its field's name.
  if (error.issues?.length) return describeIssues(error.issues, t).join(t('validation.issueSeparator'));
  const key = `apiError.${error.code}`;
  const values = refusalValues(error.code, error.facts ?? {}, t);
  if (placeholdersOf(key).some((name) => values[name] === undefined)) return error.message;
  return t(key as MessageKey, values);
}

/** The words to show a person for a failed call: the API's answer worded here, or ours when it never answered. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiRequestError) {
    return error.isNetworkFailure ? t('common.networkError') : describeApiError(error, t);
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
