import type { ComplaintDto } from '@pourline/contracts';
import { nextComplaintState } from '@pourline/domain';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { stepComplaint } from './complaintEndpoints';

/** The one next step of the workflow, with the note that goes with it. */
export function ComplaintStepForm({
  complaint,
  onChanged,
}: {
  complaint: ComplaintDto;
  onChanged: (complaint: ComplaintDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const next = nextComplaintState(complaint.state);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!next) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onChanged(await stepComplaint(api, complaint.id, { to: next, note }));
      setNote('');
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel complaint-step-form" data-testid="complaint-step-form" onSubmit={submit}>
      <h2>{t('complaints.step.title', { state: t(`complaints.state.${next}`) })}</h2>
      <p className="muted">{t(`complaints.step.hint.${next}`)}</p>
      <label className="field">
        <span>{t('complaints.step.note')}</span>
        <textarea
          data-testid="complaint-step-note"
          required
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="complaint-step-error">
          {error}
        </p>
      )}
      <div className="complaint-form-actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="complaint-step-submit"
          data-to={next}
          disabled={busy}
        >
          {t('complaints.step.submit', { state: t(`complaints.state.${next}`) })}
        </button>
      </div>
    </form>
  );
}
