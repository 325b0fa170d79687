import {
  COMPLAINT_KINDS,
  type ComplaintDto,
  type ComplaintKind,
  type RaiseComplaintRequest,
} from '@pourline/contracts';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@pourline/domain';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/useI18n';
import { raiseComplaint } from './complaintEndpoints';
import { useComplaintProjects, useProjectPours } from './useProjectPours';

interface NewComplaintFormProps {
  onRaised: (complaint: ComplaintDto) => void;
  onCancel: () => void;
  /** A pour the complaint is about, when raised from the pour itself. */
  pourId?: string;
}

/** A complaint or suggestion, by the customer or by after-sales on their behalf, linked to what it is about. */
export function NewComplaintForm({ onRaised, onCancel, pourId: fixedPourId }: NewComplaintFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const projects = useComplaintProjects();
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [projectId, setProjectId] = useState('');
  const [pourId, setPourId] = useState(fixedPourId ?? '');
  const [ticketNumber, setTicketNumber] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [concreteReturned, setConcreteReturned] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pours = useProjectPours(fixedPourId ? '' : projectId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request: Partial<RaiseComplaintRequest> = {
      kind,
      category,
      title,
      description,
      concreteReturned,
      ...(ticketNumber.trim() ? { ticketNumber: ticketNumber.trim() } : {}),
      ...(pourId ? { pourId } : projectId ? { projectId } : {}),
    };
    try {
      onRaised(await raiseComplaint(api, request));
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel complaint-form" data-testid="new-complaint-form" onSubmit={submit}>
      <h2>{t('complaints.new.title')}</h2>
      <div className="complaint-form-grid">
        <label className="field">
          <span>{t('complaints.field.kind')}</span>
          <select data-testid="complaint-kind" value={kind} onChange={(e) => setKind(e.target.value as ComplaintKind)}>
            {COMPLAINT_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`complaints.kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('complaints.field.category')}</span>
          <select
            data-testid="complaint-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as ComplaintCategory)}
          >
            {COMPLAINT_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {t(`complaints.category.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {!fixedPourId && (
          <>
            <label className="field">
              <span>{t('complaints.field.project')}</span>
              <select
                data-testid="complaint-project"
                value={projectId}
                onChange={(e) => {
                  setProjectId(e.target.value);
                  setPourId('');
                }}
              >
                <option value="">{t('complaints.field.choose')}</option>
                {projects.data?.items.map((project) => (
                  <option key={project.id} value={project.id}>
                    {project.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('complaints.field.pour')}</span>
              <select data-testid="complaint-pour" value={pourId} onChange={(e) => setPourId(e.target.value)}>
                <option value="">{t('complaints.field.noPour')}</option>
                {pours.data?.items.map((pour) => (
                  <option key={pour.id} value={pour.id}>
                    {pour.structuralElement} · {pour.scheduledStart.slice(0, 10)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="field">
          <span>{t('complaints.field.ticket')}</span>
          <input
            data-testid="complaint-ticket"
            value={ticketNumber}
            maxLength={40}
            onChange={(e) => setTicketNumber(e.target.value)}
          />
        </label>
        <label className="field complaint-checkbox">
          <input
            type="checkbox"
            data-testid="complaint-returned"
            checked={concreteReturned}
            onChange={(e) => setConcreteReturned(e.target.checked)}
          />
          <span>{t('complaints.field.concreteReturned')}</span>
        </label>
      </div>
      <label className="field">
        <span>{t('complaints.field.title')}</span>
        <input
          data-testid="complaint-title"
          required
          maxLength={160}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('complaints.field.description')}</span>
        <textarea
          data-testid="complaint-description"
          required
          rows={4}
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="complaint-form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="complaint-submit" disabled={busy}>
          {t('complaints.new.submit')}
        </button>
      </div>
    </form>
  );
}
