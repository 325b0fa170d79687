import type { MessageKey } from '../i18n/messages.en';
import { ApiRequestError } from './ApiRequestError';

/** The words to show a person for a failed call: the API's own message, or ours when it never answered. */
export function errorMessage(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiRequestError) return error.isNetworkFailure ? t('common.networkError') : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
