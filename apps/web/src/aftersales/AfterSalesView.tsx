import './aftersales.css';
import type { ComplaintListQuery } from '@pourline/contracts';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useI18n } from '../i18n/useI18n';
import { ComplaintTable } from './ComplaintTable';
import { NewComplaintForm } from './NewComplaintForm';
import { useComplaints } from './useComplaints';

const FILTERS = ['open', 'overdue', 'closed', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** After-sales' worklist: the complaints still open first, the overdue ones marked, and a way to record a new one. */
export function AfterSalesView({
  onOpenComplaint,
  canRaise,
  canWork,
}: {
  onOpenComplaint: (complaintId: string) => void;
  canRaise: boolean;
  canWork: boolean;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const [creating, setCreating] = useState(false);
  const query: ComplaintListQuery =
    filter === 'all' ? {} : filter === 'overdue' ? { state: 'open' } : { state: filter };
  const complaints = useComplaints(query);
  const open = useComplaints({ state: 'open' });
  // Overdue ones first: they are what after-sales must act on now; then the newest.
  const shown = (complaints.data ?? [])
    .filter((complaint) => filter !== 'overdue' || complaint.overdue)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.receivedAt.localeCompare(a.receivedAt));
  const openCount = open.data?.length ?? 0;
  const overdueCount = open.data?.filter((complaint) => complaint.overdue).length ?? 0;

  return (
    <div className="aftersales-view" data-testid="aftersales-view">
      <div className="aftersales-toolbar">
        <h1 className="section-heading">{canWork ? t('complaints.title') : t('complaints.titleCustomer')}</h1>
        {canRaise && !creating && (
          <button
            type="button"
            className="button button--primary"
            data-testid="complaint-new"
            onClick={() => setCreating(true)}
          >
            {t('complaints.new.open')}
          </button>
        )}
      </div>
      <div className="aftersales-figures">
        <div className="figure-card" data-testid="figure-open">
          <span className="figure-value">{openCount}</span>
          <span className="figure-label">{t('complaints.figure.open')}</span>
        </div>
        <div className={`figure-card${overdueCount ? ' figure-card--alert' : ''}`} data-testid="figure-overdue">
          <span className="figure-value">{overdueCount}</span>
          <span className="figure-label">{t('complaints.figure.overdue')}</span>
        </div>
      </div>
      {creating && (
        <NewComplaintForm
          onCancel={() => setCreating(false)}
          onRaised={(complaint) => {
            setCreating(false);
            onOpenComplaint(complaint.id);
          }}
        />
      )}
      <div className="segmented" role="tablist" aria-label={t('complaints.filter.label')}>
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={filter === value}
            className={`segmented-option${filter === value ? ' segmented-option--active' : ''}`}
            data-testid={`complaint-filter-${value}`}
            onClick={() => setFilter(value)}
          >
            {t(`complaints.filter.${value}`)}
          </button>
        ))}
      </div>
      {complaints.error !== undefined && <p className="form-error">{errorMessage(complaints.error, t)}</p>}
      {!complaints.data && complaints.loading && <p className="status-note">{t('app.loading')}</p>}
      {complaints.data && shown.length === 0 && <p className="muted">{t('complaints.empty')}</p>}
      {shown.length > 0 && <ComplaintTable complaints={shown} onOpen={onOpenComplaint} />}
    </div>
  );
}
