import type { AlertDto } from '@pourline/contracts';
import type { NumberedEvent } from '../../platform/live/live-events.repository';

/** Which live events are alerts: rejections, deadlines at risk, holds at the plant, pumps down, the flow of concrete. */
export function isAlertEvent(event: Pick<NumberedEvent, 'type' | 'payload'>): event is typeof event & {
  type: AlertDto['type'];
} {
  switch (event.type) {
    case 'load.rejected.v1':
    case 'load.deadline_risk.v1':
    case 'dispatch.alert.v1':
    case 'complaint.overdue.v1':
      return true;
    case 'load.changed.v1':
      return event.payload.status === 'held';
    case 'pump.status.v1':
      return event.payload.status === 'breakdown' || event.payload.status === 'blocked';
    default:
      return false;
  }
}
