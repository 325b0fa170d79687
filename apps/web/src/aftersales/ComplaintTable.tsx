import type { ComplaintSummaryDto } from '@pourline/contracts';
import { useI18n } from '../i18n/useI18n';
import { ComplaintStateBadge } from './ComplaintStateBadge';
import { useComplaintTime } from './useComplaintTime';

/** The promise to watch next: the first broken one, else the first still running. */
function nextTimer(complaint: ComplaintSummaryDto) {
  return (
    complaint.timers.find((timer) => timer.status === 'overdue') ??
    complaint.timers.find((timer) => timer.status === 'running')
  );
}

export function ComplaintTable({
  complaints,
  onOpen,
}: {
  complaints: ComplaintSummaryDto[];
  onOpen: (complaintId: string) => void;
}) {
  const { t } = useI18n();
  const time = useComplaintTime();
  return (
    <div className="report-table-wrap">
      <table className="report-table complaint-table" data-testid="complaint-table">
        <thead>
          <tr>
            <th>{t('complaints.column.number')}</th>
            <th>{t('complaints.column.received')}</th>
            <th>{t('complaints.column.customer')}</th>
            <th>{t('complaints.column.category')}</th>
            <th>{t('complaints.column.title')}</th>
            <th>{t('complaints.column.state')}</th>
            <th>{t('complaints.column.next')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((complaint) => {
            const timer = complaint.state === 'closed' ? undefined : nextTimer(complaint);
            return (
              <tr
                key={complaint.id}
                className={complaint.overdue ? 'complaint-row complaint-row--overdue' : 'complaint-row'}
                data-testid="complaint-row"
                data-overdue={complaint.overdue}
                tabIndex={0}
                onClick={() => onOpen(complaint.id)}
                onKeyDown={(event) => event.key === 'Enter' && onOpen(complaint.id)}
              >
                <td className="mono">{complaint.number}</td>
                <td>{time(complaint.receivedAt)}</td>
                <td>
                  <div>{complaint.customerName}</div>
                  <div className="muted">
                    {complaint.projectName}
                    {complaint.pourLabel ? ` · ${complaint.pourLabel}` : ''}
                  </div>
                </td>
                <td>
                  {t(`complaints.category.${complaint.category}`)}
                  {complaint.kind === 'suggestion' && <div className="muted">{t('complaints.kind.suggestion')}</div>}
                </td>
                <td>{complaint.title}</td>
                <td>
                  <ComplaintStateBadge state={complaint.state} />
                </td>
                <td
                  className={timer?.status === 'overdue' ? 'complaint-next complaint-next--overdue' : 'complaint-next'}
                >
                  {timer
                    ? `${t(`complaints.timer.${timer.timer}`)} · ${t(`complaints.timerStatus.${timer.status}`)} · ${time(timer.dueAt)}`
                    : t('common.none')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
