import type { ComplaintDto } from '@pourline/contracts';
import { acceptsCorrectiveActions } from '@pourline/domain';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { addCorrectiveAction, completeCorrectiveAction } from './complaintEndpoints';
import { useComplaintTime } from './useComplaintTime';

/** What will be put right, by whom and by when; each done with a note. */
export function CorrectiveActions({
  complaint,
  canWork,
  onChanged,
}: {
  complaint: ComplaintDto;
  canWork: boolean;
  onChanged: (complaint: ComplaintDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const time = useComplaintTime();
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [doneNotes, setDoneNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const open = canWork && acceptsCorrectiveActions(complaint.state);

  const run = async (call: () => Promise<ComplaintDto>) => {
    setError(null);
    try {
      onChanged(await call());
      return true;
    } catch (failure) {
      setError(errorMessage(failure, t));
      return false;
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => addCorrectiveAction(api, complaint.id, { description, owner, dueDate }))) {
      setDescription('');
      setOwner('');
      setDueDate('');
    }
  };

  return (
    <section className="panel" data-testid="corrective-actions">
      <h2>{t('complaints.actions.title')}</h2>
      {complaint.actions.length === 0 && <p className="muted">{t('complaints.actions.empty')}</p>}
      <ul className="corrective-action-list">
        {complaint.actions.map((action) => (
          <li
            key={action.id}
            className="corrective-action"
            data-testid="corrective-action"
            data-done={action.done !== null}
          >
            <div className="corrective-action-text">
              <strong>{action.description}</strong>
              <span className="muted">
                {t('complaints.actions.owner', { owner: action.owner, due: action.dueDate })}
              </span>
              {action.done && (
                <span className="corrective-action-done">
                  {t('complaints.actions.doneBy', { name: action.done.byName, time: time(action.done.at) })}:{' '}
                  {action.done.note}
                </span>
              )}
            </div>
            {open && !action.done && (
              <form
                className="corrective-action-complete"
                onSubmit={(event) => {
                  event.preventDefault();
                  void run(() => completeCorrectiveAction(api, complaint.id, action.id, doneNotes[action.id] ?? ''));
                }}
              >
                <input
                  data-testid="action-done-note"
                  required
                  maxLength={1000}
                  placeholder={t('complaints.actions.doneNote')}
                  value={doneNotes[action.id] ?? ''}
                  onChange={(e) => setDoneNotes({ ...doneNotes, [action.id]: e.target.value })}
                />
                <button type="submit" className="button" data-testid="action-done">
                  {t('complaints.actions.markDone')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <form className="corrective-action-form" data-testid="action-form" onSubmit={add}>
          <input
            data-testid="action-description"
            required
            maxLength={1000}
            placeholder={t('complaints.actions.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <input
            data-testid="action-owner"
            required
            maxLength={120}
            placeholder={t('complaints.actions.ownerField')}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          />
          <input
            data-testid="action-due"
            type="date"
            required
            aria-label={t('complaints.actions.dueField')}
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
          <button type="submit" className="button" data-testid="action-add">
            {t('complaints.actions.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
