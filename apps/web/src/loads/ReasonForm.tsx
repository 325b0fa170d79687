import { REASON_MIN_CHARS } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/useI18n';

interface ReasonFormProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  testId: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** A step that throws concrete away or takes a ticket back is explained in writing first. */
export function ReasonForm({ title, submitLabel, busy, testId, onSubmit, onCancel }: ReasonFormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= REASON_MIN_CHARS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSubmit(reason.trim());
  };
  return (
    <form className="dispatch-form dispatch-form--inline" onSubmit={submit} data-testid={testId}>
      <p className="dispatch-form-title">{title}</p>
      <label className="field">
        <span>{t('dispatch.reason', { min: REASON_MIN_CHARS })}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={reason}
          data-testid={`${testId}-text`}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {!valid && reason.length > 0 && (
        <p className="field-hint">{t('loadStep.reasonTooShort', { min: REASON_MIN_CHARS })}</p>
      )}
      <div className="action-row">
        <button
          type="submit"
          className="button button--small button--danger"
          data-testid={`${testId}-submit`}
          disabled={busy || !valid}
        >
          {submitLabel}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
