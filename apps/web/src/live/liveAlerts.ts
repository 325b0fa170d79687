import type { LiveEventMap, LoadDto, PumpStatusDto } from '@pourline/contracts';
import type { LiveAlert } from './liveState';

/** Below this many minutes to its deadline a load still on its way is at risk of going off. */
export const DEADLINE_RISK_MINUTES = 15;

const UNDELIVERED_STATUSES: ReadonlySet<LoadDto['status']> = new Set(['released', 'en_route', 'on_site']);

export function rejectionAlert(event: LiveEventMap['load.rejected.v1']): LiveAlert {
  const { load, reasons } = event.payload;
  return {
    id: `rejection:${load.id}`,
    type: 'rejection',
    at: event.at,
    plantId: load.plantId,
    pourId: load.pourId,
    ticketNumber: load.ticketNumber,
    truckFleetNumber: load.truckFleetNumber,
    pumpId: null,
    detail: reasons.map((reason) => reason.message).join('; '),
  };
}

/** A hold when the load has just gone to `held`; deadline risk once per load. */
export function loadAlerts(previous: LoadDto | undefined, load: LoadDto, at: string): LiveAlert[] {
  const alerts: LiveAlert[] = [];
  const base = {
    at,
    plantId: load.plantId,
    pourId: load.pourId,
    ticketNumber: load.ticketNumber,
    truckFleetNumber: load.truckFleetNumber,
    pumpId: null,
  };
  if (load.status === 'held' && previous?.status !== 'held') {
    alerts.push({ ...base, id: `hold:${load.id}:${load.updatedAt}`, type: 'hold', detail: '' });
  }
  if (isDeadlineAtRisk(load) && !(previous && isDeadlineAtRisk(previous))) {
    alerts.push({
      ...base,
      id: `deadline:${load.id}`,
      type: 'deadline_risk',
      detail: load.minutesToDeadline === null ? '' : String(Math.round(load.minutesToDeadline)),
    });
  }
  return alerts;
}

export function isDeadlineAtRisk(load: LoadDto): boolean {
  if (!UNDELIVERED_STATUSES.has(load.status) || load.rejected) return false;
  if (load.eta?.beatsDeadline === false) return true;
  return load.minutesToDeadline !== null && load.minutesToDeadline < DEADLINE_RISK_MINUTES;
}

/** The pump's plant is not in the event; the view reads the time on the pump's home plant clock. */
export function pumpAlert(status: PumpStatusDto): LiveAlert | null {
  if (status.status !== 'breakdown' && status.status !== 'blocked') return null;
  return {
    id: `pump:${status.pumpId}:${status.at}`,
    type: status.status === 'breakdown' ? 'pump_breakdown' : 'pump_blocked',
    at: status.at,
    plantId: null,
    pourId: null,
    ticketNumber: null,
    truckFleetNumber: null,
    pumpId: status.pumpId,
    detail: status.note,
  };
}
