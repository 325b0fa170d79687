import { OverrideQcRequest, type QcTestDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { overrideQcTest } from './qcEndpoints';
import { qcErrorMessage } from './qcErrorMessage';

interface QcOverrideFormProps {
  test: QcTestDto;
  onOverridden: (test: QcTestDto) => void;
}

/**
 * Accepting a failed test is the inspector's own decision, in writing: the
 * button opens a reason field, and only a confirmed reason is sent.
 */
export function QcOverrideForm({ test, onOverridden }: QcOverrideFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = OverrideQcRequest.safeParse({ reason });
    if (!request.success) return setError(t('qc.override.tooShort'));
    setSending(true);
    setError(null);
    try {
      onOverridden(await overrideQcTest(api, test.id, request.data));
      setOpen(false);
    } catch (failure) {
      setError(qcErrorMessage(failure, t));
    } finally {
      setSending(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="button button--warning"
        data-testid="qc-override"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        {test.stage === 'plant' ? t('qc.override.openPlant') : t('qc.override.openSite')}
      </button>
    );
  }

  return (
    <form className="qc-override-form" onSubmit={submit} data-testid="qc-override-form" noValidate>
      <p className="qc-override-warning">
        {test.stage === 'plant' ? t('qc.override.explainPlant') : t('qc.override.explainSite')}
      </p>
      <label className="field">
        <span>{t('qc.override.reason')}</span>
        <textarea
          data-testid="qc-override-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          placeholder={t('qc.override.placeholder')}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="action-row">
        <button
          type="submit"
          className="button button--warning"
          data-testid="qc-override-confirm"
          disabled={sending || reason.trim().length < 10}
        >
          {sending ? t('qc.working') : t('qc.override.confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)} disabled={sending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
