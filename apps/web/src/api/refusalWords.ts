import type { ApiErrorCode } from '@pourline/contracts';
import type { TranslationValues } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { fieldLabel } from './issueWords';

type Translate = (key: MessageKey, values?: TranslationValues) => string;

/** How a fact holding a state or a kind is named, by the refusal it belongs to. */
type Naming = 'pourStatus' | 'loadStatus' | 'complaintState' | 'documentType' | 'field';

const NAMING: Partial<Record<ApiErrorCode, Readonly<Record<string, Naming>>>> = {
  illegal_pour_transition: { from: 'pourStatus', to: 'pourStatus', allowed: 'pourStatus' },
  pour_not_editable: { status: 'pourStatus' },
  pour_not_dispatchable: { status: 'pourStatus' },
  pour_log_closed: { status: 'pourStatus' },
  plan_not_open: { status: 'pourStatus' },
  illegal_load_transition: { from: 'loadStatus', to: 'loadStatus', allowed: 'loadStatus' },
  wrong_load_state: { status: 'loadStatus' },
  ticket_not_signable: { status: 'loadStatus' },
  complaint_not_next: { from: 'complaintState', to: 'complaintState' },
  complaint_not_taking_actions: { state: 'complaintState' },
  complaint_not_taking_follow_up: { state: 'complaintState' },
  documents_undelivered: { documentTypes: 'documentType' },
  override_needs_reason: { changed: 'field' },
};

/** The fact that counts for a plural refusal ("wait 1 minute", "at most 5 photos"). */
const COUNTED: Partial<Record<ApiErrorCode, string>> = { too_many_sign_ins: 'minutes', photo_limit: 'max' };

function nameOf(naming: Naming | undefined, value: string, t: Translate): string {
  switch (naming) {
    case 'pourStatus':
      return t(`status.${value}` as MessageKey);
    case 'loadStatus':
      return t(`loadStatus.${value}` as MessageKey);
    case 'complaintState':
      return t(`complaints.state.${value}` as MessageKey);
    case 'documentType':
      return t(`docType.${value}` as MessageKey);
    case 'field':
      return fieldLabel(value, t);
    case undefined:
      return value;
  }
}

/**
 * A refusal's facts as the values its words take: states and document types by their names in the
 * reader's language, lists joined as the language joins them. Facts that are neither text, number
 * nor a list of them (nested plans, clashes) are left out: their screens word them in place.
 */
export function refusalValues(code: ApiErrorCode, facts: Record<string, unknown>, t: Translate): TranslationValues {
  const naming = NAMING[code] ?? {};
  const values: TranslationValues = {};
  for (const [name, fact] of Object.entries(facts)) {
    if (typeof fact === 'number') values[name] = fact;
    else if (typeof fact === 'string') values[name] = nameOf(naming[name], fact, t);
    else if (Array.isArray(fact) && fact.every((item) => typeof item === 'string')) {
      values[name] = fact.map((item: string) => nameOf(naming[name], item, t)).join(t('common.listSeparator'));
    }
  }
  const counted = COUNTED[code];
  if (counted && typeof facts[counted] === 'number') values.count = facts[counted];
  return values;
}
