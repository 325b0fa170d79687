import { errorMessage } from '../api/errorMessage';
import { ApiRequestError } from '../api/ApiRequestError';
import type { TranslationValues } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

/** Conflicts an inspector meets in the field, in words that say what to do next. */
const CONFLICT_MESSAGES: Readonly<Record<string, MessageKey>> = {
  check_test_pending: 'qc.error.checkTestPending',
  no_check_test_due: 'qc.error.noCheckTestDue',
  wrong_load_state: 'qc.error.wrongLoadState',
  past_deadline: 'qc.error.pastDeadline',
  test_passed: 'qc.error.testPassed',
  already_overridden: 'qc.error.alreadyOverridden',
};

/** Whether the API's answer means this device's picture of the load is stale and must be fetched again. */
export function isStaleLoadConflict(error: unknown): boolean {
  return error instanceof ApiRequestError && error.statusCode === 409;
}

export function qcErrorMessage(error: unknown, t: (key: MessageKey, values?: TranslationValues) => string): string {
  if (error instanceof ApiRequestError) {
    const key = CONFLICT_MESSAGES[error.code];
    if (key) return t(key, { detail: errorMessage(error, t) });
  }
  return errorMessage(error, t);
}
