import { type EarlyStartFacts, REASON_MIN_CHARS } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { formatPlantClock } from '../pours/plantTime';

interface EarlyStartFormProps {
  facts: EarlyStartFacts;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Loading a pour's first truck hours before its start: say why, and it is recorded under your name. */
export function EarlyStartForm({ facts, busy, onConfirm, onCancel }: EarlyStartFormProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= REASON_MIN_CHARS;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onConfirm(reason.trim());
  };

  return (
    <form className="dispatch-form dispatch-form--inline" data-testid="early-start-form" onSubmit={submit}>
      <p className="form-error dispatch-error" role="alert" data-testid="early-start-question">
        {t('dispatch.earlyStart', {
          minutes: facts.minutesBeforeStart,
          time: formatPlantClock(facts.scheduledStart, facts.plantTimeZone, locale),
          limit: facts.rules.maxMinutesLoadingBeforeStart,
        })}
      </p>
      <label className="field">
        <span>{t('dispatch.earlyStartReason', { min: REASON_MIN_CHARS })}</span>
        <textarea
          data-testid="early-start-reason"
          autoFocus
          rows={2}
          minLength={REASON_MIN_CHARS}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
        />
      </label>
      <div className="action-row">
        <button
          type="submit"
          className="button button--small button--warning"
          data-testid="early-start-submit"
          disabled={busy || !valid}
        >
          {t('dispatch.earlyStartSubmit')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
