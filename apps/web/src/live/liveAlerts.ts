import type {
  AlertAcknowledgement,
  AlertDto,
  DispatchAlertPayload,
  LiveEventMap,
  LoadDto,
  PumpStatusDto,
} from '@pourline/contracts';
import { isDeadlineAtRisk as deadlineAtRisk } from '@pourline/domain';
import type { LiveAlert } from './liveState';

export { DEADLINE_RISK_MINUTES } from '@pourline/domain';

/** The server keeps one alert per event: its number is the key both copies share. */
export const alertIdOf = (seq: number) => `seq:${seq}`;

export function rejectionAlert(event: LiveEventMap['load.rejected.v1']): LiveAlert {
  const { load, reasons } = event.payload;
  return {
    id: alertIdOf(event.seq),
    seq: event.seq,
    type: 'rejection',
    at: event.at,
    plantId: load.plantId,
    pourId: load.pourId,
    ticketNumber: load.ticketNumber,
    truckFleetNumber: load.truckFleetNumber,
    pumpId: null,
    reasons,
    detail: reasons.map((reason) => reason.message).join('; '),
    summary: null,
  };
}

/** A complaint that broke a service promise: its number stands where a ticket would, its timer as the detail. */
export function complaintOverdueAlert(event: LiveEventMap['complaint.overdue.v1']): LiveAlert {
  return {
    id: alertIdOf(event.seq),
    seq: event.seq,
    type: 'complaint_overdue',
    at: event.at,
    plantId: null,
    pourId: null,
    ticketNumber: event.payload.number,
    truckFleetNumber: null,
    pumpId: null,
    detail: event.payload.timer,
    summary: event.payload.title,
  };
}

/** A hold when the load has just gone to `held`: an alert the server keeps, under the event's number. */
export function loadAlerts(previous: LoadDto | undefined, load: LoadDto, at: string, seq: number): LiveAlert[] {
  const alerts: LiveAlert[] = [];
  const base = {
    at,
    plantId: load.plantId,
    pourId: load.pourId,
    ticketNumber: load.ticketNumber,
    truckFleetNumber: load.truckFleetNumber,
    pumpId: null,
    summary: null,
  };
  if (load.status === 'held' && previous?.status !== 'held') {
    alerts.push({ ...base, id: alertIdOf(seq), seq, type: 'hold', detail: '' });
  }
  return alerts;
}

/** The same rule the server raises its deadline alerts by. */
export function isDeadlineAtRisk(load: LoadDto): boolean {
  return deadlineAtRisk({ ...load, etaBeatsDeadline: load.eta?.beatsDeadline ?? null });
}

/** The server's deadline-at-risk alert, kept under its event number like the others. */
export function deadlineAlert(event: LiveEventMap['load.deadline_risk.v1']): LiveAlert {
  const { load } = event.payload;
  return {
    id: alertIdOf(event.seq),
    seq: event.seq,
    type: 'deadline_risk',
    at: event.at,
    plantId: load.plantId,
    pourId: load.pourId,
    ticketNumber: load.ticketNumber,
    truckFleetNumber: load.truckFleetNumber,
    pumpId: null,
    detail: load.minutesToDeadline === null ? '' : String(Math.round(load.minutesToDeadline)),
    summary: null,
  };
}

/** A warning about the flow of concrete, under its event number like the others. */
export function flowAlert(seq: number, at: string, payload: DispatchAlertPayload): LiveAlert {
  return {
    id: alertIdOf(seq),
    seq,
    type: 'flow',
    at,
    plantId: null,
    pourId: payload.pourId,
    ticketNumber: payload.ticketNumber,
    truckFleetNumber: payload.truckFleetNumber,
    pumpId: null,
    detail: '',
    summary: null,
    flow: { kind: payload.kind, key: payload.key, pourLabel: payload.pourLabel, facts: payload.facts ?? {} },
  };
}

/** The pour a pump alert is about, when the event names it (events before it did, do not). */
function servedPour(status: PumpStatusDto): Pick<LiveAlert, 'pourId' | 'pourPlace'> {
  const pour = status.pour;
  if (!pour || typeof pour.pourId !== 'string') return { pourId: null };
  return { pourId: pour.pourId, pourPlace: { siteName: pour.siteName, structuralElement: pour.structuralElement } };
}

/** The pump's plant is not in the event; the view reads the time on the pump's home plant clock. */
export function pumpAlert(status: PumpStatusDto, seq: number): LiveAlert | null {
  if (status.status !== 'breakdown' && status.status !== 'blocked') return null;
  return {
    id: alertIdOf(seq),
    seq,
    type: status.status === 'breakdown' ? 'pump_breakdown' : 'pump_blocked',
    at: status.at,
    plantId: null,
    ...servedPour(status),
    ticketNumber: null,
    truckFleetNumber: null,
    pumpId: status.pumpId,
    detail: status.note,
    summary: null,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const looksLikeLoad = (value: unknown): value is LoadDto =>
  isObject(value) && typeof value.id === 'string' && typeof value.ticketNumber === 'string';
const looksLikePumpStatus = (value: unknown): value is PumpStatusDto =>
  isObject(value) && typeof value.pumpId === 'string' && typeof value.status === 'string';

/**
 * An alert read from GET /alerts, in the same shape and under the same id as
 * the one derived from its live event. Its payload is the event's; when it is
 * not what the console expects, the server's summary is shown as is.
 */
export function alertFromDto(dto: AlertDto): LiveAlert {
  const fallback: LiveAlert = {
    id: alertIdOf(dto.seq),
    seq: dto.seq,
    type: 'rejection',
    at: dto.at,
    plantId: null,
    pourId: null,
    ticketNumber: null,
    truckFleetNumber: null,
    pumpId: null,
    detail: '',
    summary: dto.summary,
  };
  const payload = dto.payload;
  switch (dto.type) {
    case 'load.rejected.v1': {
      if (isObject(payload) && looksLikeLoad(payload.load) && Array.isArray(payload.reasons)) {
        const event = { seq: dto.seq, at: dto.at, payload } as unknown as LiveEventMap['load.rejected.v1'];
        return { ...rejectionAlert(event), summary: dto.summary };
      }
      return fallback;
    }
    case 'load.changed.v1': {
      if (!looksLikeLoad(payload)) return { ...fallback, type: 'hold' };
      return {
        ...fallback,
        type: 'hold',
        plantId: payload.plantId,
        pourId: payload.pourId,
        ticketNumber: payload.ticketNumber,
        truckFleetNumber: payload.truckFleetNumber,
      };
    }
    case 'load.deadline_risk.v1': {
      if (isObject(payload) && looksLikeLoad(payload.load)) {
        const event = { seq: dto.seq, at: dto.at, payload } as unknown as LiveEventMap['load.deadline_risk.v1'];
        return { ...deadlineAlert(event), summary: dto.summary };
      }
      return { ...fallback, type: 'deadline_risk' };
    }
    case 'dispatch.alert.v1': {
      if (isObject(payload) && typeof payload.key === 'string' && typeof payload.kind === 'string') {
        return { ...flowAlert(dto.seq, dto.at, payload as unknown as DispatchAlertPayload), summary: dto.summary };
      }
      return { ...fallback, type: 'flow' };
    }
    case 'complaint.overdue.v1': {
      if (!isObject(payload) || typeof payload.number !== 'string') return { ...fallback, type: 'complaint_overdue' };
      const event = { seq: dto.seq, at: dto.at, payload } as unknown as LiveEventMap['complaint.overdue.v1'];
      return complaintOverdueAlert(event);
    }
    case 'pump.status.v1': {
      if (!looksLikePumpStatus(payload)) return { ...fallback, type: 'pump_breakdown' };
      return {
        ...fallback,
        ...servedPour(payload),
        type: payload.status === 'blocked' ? 'pump_blocked' : 'pump_breakdown',
        pumpId: payload.pumpId,
        detail: typeof payload.note === 'string' ? payload.note : '',
      };
    }
  }
}

/**
 * Newest first and at most `max`, except that an alert still waiting for
 * someone to acknowledge it is never dropped: a busy night must not push a
 * rejection nobody answered off the list.
 */
export function capAlerts(
  alerts: readonly LiveAlert[],
  acknowledgements: ReadonlyMap<string, AlertAcknowledgement>,
  max: number,
): LiveAlert[] {
  const sorted = [...alerts].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  let others = 0;
  return sorted.filter((alert) => {
    if (isAwaitingAcknowledgement(alert, acknowledgements)) return true;
    others += 1;
    return others <= max;
  });
}

export function isAwaitingAcknowledgement(
  alert: LiveAlert,
  acknowledgements: ReadonlyMap<string, AlertAcknowledgement>,
): boolean {
  return alert.seq !== null && !acknowledgements.has(String(alert.seq));
}

export interface ShownAlert {
  alert: LiveAlert;
  acknowledgement: AlertAcknowledgement | null;
}

/**
 * The alerts list: what still needs someone first (open alerts and deadlines
 * at risk, newest first), then the acknowledged ones, latest acknowledged first.
 */
export function orderAlerts(
  alerts: readonly LiveAlert[],
  acknowledgements: ReadonlyMap<string, AlertAcknowledgement>,
): ShownAlert[] {
  const shown = alerts.map((alert) => ({
    alert,
    acknowledgement: alert.seq === null ? null : (acknowledgements.get(String(alert.seq)) ?? null),
  }));
  const open = shown.filter((entry) => entry.acknowledgement === null);
  const done = shown.filter((entry) => entry.acknowledgement !== null);
  open.sort((a, b) => Date.parse(b.alert.at) - Date.parse(a.alert.at));
  done.sort(
    (a, b) =>
      Date.parse((b.acknowledgement as AlertAcknowledgement).at) -
      Date.parse((a.acknowledgement as AlertAcknowledgement).at),
  );
  return [...open, ...done];
}
