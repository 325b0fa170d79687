import type { ComplaintDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { recordFollowUp } from './complaintEndpoints';

const SCORES = [1, 2, 3, 4, 5] as const;

/** The follow-up visit and what the customer said: it is what lets the complaint close. */
export function FollowUpForm({
  complaint,
  onChanged,
}: {
  complaint: ComplaintDto;
  onChanged: (complaint: ComplaintDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [visitedOn, setVisitedOn] = useState('');
  const [note, setNote] = useState('');
  const [satisfaction, setSatisfaction] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onChanged(
        await recordFollowUp(api, complaint.id, { visitedOn, note, satisfaction, satisfactionComment: comment }),
      );
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <form className="panel" data-testid="follow-up-form" onSubmit={submit}>
      <h2>{t('complaints.followUp.title')}</h2>
      <div className="complaint-form-grid">
        <label className="field">
          <span>{t('complaints.followUp.visitedOn')}</span>
          <input
            type="date"
            required
            data-testid="follow-up-date"
            value={visitedOn}
            onChange={(e) => setVisitedOn(e.target.value)}
          />
        </label>
        <fieldset className="field satisfaction" data-testid="follow-up-satisfaction">
          <legend>{t('complaints.followUp.satisfaction')}</legend>
          {SCORES.map((score) => (
            <label key={score} className="satisfaction-option">
              <input
                type="radio"
                name="satisfaction"
                required
                value={score}
                checked={satisfaction === score}
                onChange={() => setSatisfaction(score)}
              />
              <span>{score}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <label className="field">
        <span>{t('complaints.followUp.note')}</span>
        <textarea
          required
          rows={2}
          maxLength={1000}
          data-testid="follow-up-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('complaints.followUp.comment')}</span>
        <textarea
          rows={2}
          maxLength={1000}
          data-testid="follow-up-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="complaint-form-actions">
        <button type="submit" className="button button--primary" data-testid="follow-up-submit">
          {t('complaints.followUp.submit')}
        </button>
      </div>
    </form>
  );
}
