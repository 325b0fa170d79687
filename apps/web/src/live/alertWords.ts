import type { PumpDto } from '@pourline/contracts';
import { isComplaintTimer } from '../aftersales/complaintWords';
import type { useI18n } from '../i18n/useI18n';
import { describeQcReasons } from '../qc/qcReasonWords';
import type { FlowAlertDetail, LiveAlert } from './liveState';

type Translate = ReturnType<typeof useI18n>['t'];

function describeFlow(flow: FlowAlertDetail, ticket: string, truck: string, t: Translate): string {
  const { facts } = flow;
  return t(`live.event.flow.${flow.kind}`, {
    pour: flow.pourLabel ?? '',
    ticket,
    truck,
    gap: facts.gapMinutes ?? 0,
    limit: facts.limitMinutes ?? 0,
    percent: facts.agePercent ?? 0,
    interval: facts.intervalMinutes ?? 0,
    waiting: facts.waiting ?? 0,
    max: facts.limit ?? 2,
    distance: facts.distanceM ?? 0,
    minutes: facts.minutes ?? 0,
  });
}

/** An alert in the reader's language: what happened, to which ticket, truck or pump, with its figures. */
export function describeAlert(
  alert: LiveAlert,
  pump: PumpDto | undefined,
  t: Translate,
  formatNumber: ReturnType<typeof useI18n>['formatNumber'],
): string {
  // Read from GET /alerts with a payload the console does not know: the server's own words.
  const known = alert.type === 'flow' && alert.flow !== undefined;
  if (alert.summary && !known && !alert.ticketNumber && !alert.pumpId) return alert.summary;
  const ticket = alert.ticketNumber ?? '';
  const truck = alert.truckFleetNumber ?? t('common.none');
  switch (alert.type) {
    case 'rejection':
      return t('live.event.rejection', {
        ticket,
        truck,
        reasons: alert.reasons?.length
          ? describeQcReasons(alert.reasons, t, formatNumber)
          : alert.detail || alert.summary || t('common.none'),
      });
    case 'hold':
      return t('live.event.hold', { ticket, truck });
    case 'deadline_risk':
      return t('live.event.deadlineRisk', { ticket, truck, minutes: alert.detail || '?' });
    case 'pump_breakdown':
      return t('live.event.pumpBreakdown', { pump: pump?.code ?? '', note: alert.detail });
    case 'pump_blocked':
      return t('live.event.pumpBlocked', { pump: pump?.code ?? '', note: alert.detail });
    case 'flow':
      return alert.flow ? describeFlow(alert.flow, ticket, truck, t) : (alert.summary ?? '');
    case 'complaint_overdue':
      return t('live.event.complaintOverdue', {
        number: ticket,
        timer: isComplaintTimer(alert.detail) ? t(`complaints.timer.${alert.detail}`) : alert.detail,
        title: alert.summary ?? '',
      });
  }
}
