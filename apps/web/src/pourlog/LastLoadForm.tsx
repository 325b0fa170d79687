import { LAST_LOAD_MAX_M3 } from '@pourline/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/useI18n';

interface LastLoadFormProps {
  busy: boolean;
  onSend: (lastLoadM3: number) => void;
  onClose: () => void;
}

/** "Pour finishing": the volume still to come, which the dispatch room confirms into the plan. */
export function LastLoadForm({ busy, onSend, onClose }: LastLoadFormProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const inputId = useId();
  // People type a decimal comma as often as a point.
  const value = typed.trim() === '' ? Number.NaN : Number(typed.trim().replace(',', '.'));
  const valid = Number.isFinite(value) && value >= 0 && value <= LAST_LOAD_MAX_M3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onSend(value);
  };

  return (
    <form className="pour-log-param" data-testid="pour-log-last-load-form" onSubmit={submit}>
      <div className="pour-log-param-row">
        <label className="field" htmlFor={inputId}>
          <span>{t('pourLog.lastLoadLabel')}</span>
          <input
            id={inputId}
            inputMode="decimal"
            value={typed}
            autoComplete="off"
            aria-invalid={typed !== '' && !valid}
            data-testid="pour-log-last-load"
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary pour-log-quick" disabled={busy || !valid}>
          {t('pourLog.send')}
        </button>
        <button type="button" className="button button--ghost pour-log-quick" onClick={onClose}>
          {t('pourLog.close')}
        </button>
      </div>
      {typed !== '' && !valid && (
        <p className="form-error" role="alert">
          {t('pourLog.lastLoadInvalid', { max: LAST_LOAD_MAX_M3 })}
        </p>
      )}
    </form>
  );
}
