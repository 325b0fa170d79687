import './aftersales.css';
import type { ComplaintDto } from '@pourline/contracts';
import { acceptsFollowUp } from '@pourline/domain';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { ComplaintPhotos } from './ComplaintPhotos';
import { ComplaintStateBadge } from './ComplaintStateBadge';
import { ComplaintStepForm } from './ComplaintStepForm';
import { ComplaintTimerList } from './ComplaintTimerList';
import { CorrectiveActions } from './CorrectiveActions';
import { FollowUpForm } from './FollowUpForm';
import { useComplaint } from './useComplaint';
import { useComplaintTime } from './useComplaintTime';

interface ComplaintDetailProps {
  complaintId: string;
  /** After-sales works the complaint; the customer follows it. */
  canWork: boolean;
  canAddPhotos: boolean;
  onBack: () => void;
  /** Opens the pour's evidence pack, for those who may see it. */
  onOpenEvidence?: (pourId: string) => void;
}

/** One complaint: what was said, its promises, its steps with who, when and why, what was put right, how it closed. */
export function ComplaintDetail({ complaintId, canWork, canAddPhotos, onBack, onOpenEvidence }: ComplaintDetailProps) {
  const { t } = useI18n();
  const resource = useComplaint(complaintId);
  const time = useComplaintTime();
  const complaint = resource.data;
  const changed = (next: ComplaintDto) => resource.setData(next);

  return (
    <div className="complaint-detail" data-testid="complaint-detail">
      <button type="button" className="button button--ghost" onClick={onBack}>
        ← {t('complaints.back')}
      </button>
      {resource.error !== undefined && <p className="form-error">{errorMessage(resource.error, t)}</p>}
      {!complaint && resource.loading && <p className="status-note">{t('app.loading')}</p>}
      {complaint && (
        <>
          <header className="complaint-header">
            <div>
              <p className="muted mono">
                {complaint.number} · {t(`complaints.kind.${complaint.kind}`)} ·{' '}
                {t(`complaints.category.${complaint.category}`)}
              </p>
              <h1 className="section-heading">{complaint.title}</h1>
              <p className="muted">
                {complaint.customerName} · {complaint.projectName}
                {complaint.pourLabel ? ` · ${complaint.pourLabel}` : ''}
                {complaint.ticketNumber ? ` · ${t('complaints.ticket', { ticket: complaint.ticketNumber })}` : ''}
              </p>
            </div>
            <div className="complaint-header-side">
              <ComplaintStateBadge state={complaint.state} />
              {complaint.pourId && onOpenEvidence && (
                <button
                  type="button"
                  className="button"
                  data-testid="complaint-evidence"
                  onClick={() => onOpenEvidence(complaint.pourId!)}
                >
                  {t('evidence.open')}
                </button>
              )}
            </div>
          </header>
          <div className="complaint-columns">
            <div className="complaint-main">
              <section className="panel">
                <h2>{t('complaints.description')}</h2>
                <p className="complaint-description">{complaint.description}</p>
                <p className="muted">
                  {t(`complaints.raisedVia.${complaint.raisedVia}`, {
                    name: complaint.raisedByName,
                    time: time(complaint.receivedAt),
                  })}
                </p>
                {complaint.concreteReturned && (
                  <p className="complaint-return" data-testid="complaint-return">
                    {t('complaints.concreteReturned', { ticket: complaint.ticketNumber ?? '' })}
                    {complaint.nonConformanceId ? ` · ${t('complaints.nonConformanceLinked')}` : ''}
                  </p>
                )}
              </section>
              <CorrectiveActions complaint={complaint} canWork={canWork} onChanged={changed} />
              {canWork && acceptsFollowUp(complaint.state) && !complaint.followUp && (
                <FollowUpForm complaint={complaint} onChanged={changed} />
              )}
              {complaint.followUp && (
                <section className="panel" data-testid="follow-up">
                  <h2>{t('complaints.followUp.title')}</h2>
                  <p className="satisfaction-score" aria-label={t('complaints.followUp.satisfaction')}>
                    {'★'.repeat(complaint.followUp.satisfaction)}
                    {'☆'.repeat(5 - complaint.followUp.satisfaction)}
                  </p>
                  <p>{complaint.followUp.satisfactionComment}</p>
                  <p className="muted">
                    {t('complaints.followUp.by', {
                      name: complaint.followUp.byName,
                      date: complaint.followUp.visitedOn,
                    })}
                    : {complaint.followUp.note}
                  </p>
                </section>
              )}
              {canWork && <ComplaintStepForm complaint={complaint} onChanged={changed} />}
              <ComplaintPhotos complaint={complaint} canAdd={canAddPhotos} onChanged={changed} />
            </div>
            <aside className="complaint-side">
              <section className="panel">
                <h2>{t('complaints.timers.title')}</h2>
                <ComplaintTimerList timers={complaint.timers} formatTime={time} />
              </section>
              <section className="panel">
                <h2>{t('complaints.steps.title')}</h2>
                <ol className="complaint-steps" data-testid="complaint-steps">
                  {complaint.steps.map((step) => (
                    <li key={step.state} className="complaint-step" data-state={step.state}>
                      <strong>{t(`complaints.state.${step.state}`)}</strong>
                      <span className="muted">
                        {time(step.at)} · {step.byName}
                      </span>
                      <span>{step.note}</span>
                    </li>
                  ))}
                </ol>
              </section>
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
