import type { I18n } from '../i18n/I18nContext';
import { isDocumentType } from './wireEnums';

/** A type this console does not know yet is shown as sent rather than hidden. */
export function documentTypeLabel(type: string, t: I18n['t']): string {
  return isDocumentType(type) ? t(`docType.${type}`) : type;
}
