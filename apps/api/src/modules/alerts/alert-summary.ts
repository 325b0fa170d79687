import type { AlertDto } from '@pourline/contracts';

// Stored event payloads, possibly of an older version than today's contract: read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads of past event versions
type Payload = Record<string, any>;

/** An alert in words, for a person glancing at the list. */
export function alertSummary(type: AlertDto['type'], payload: Payload): string {
  switch (type) {
    case 'load.rejected.v1': {
      const load = payload.load ?? {};
      const reasons = (payload.reasons ?? []).map((reason: { message: string }) => reason.message).join('; ');
      return `${load.ticketNumber} (${load.truckFleetNumber ?? 'no truck'}) rejected on site: ${reasons}`;
    }
    case 'load.deadline_risk.v1': {
      const load = payload.load ?? {};
      const eta =
        load.eta?.beatsDeadline === false
          ? `arrives too late to discharge (${load.eta.slackMinutes} min)`
          : `${load.minutesToDeadline} min to its deadline`;
      return `${load.ticketNumber} (${load.truckFleetNumber ?? 'no truck'}) at risk: ${eta}`;
    }
    case 'load.changed.v1':
      return `${payload.ticketNumber} (${payload.truckFleetNumber ?? 'no truck'}) held at the plant after a failed test`;
    case 'complaint.overdue.v1':
      return `Complaint ${payload.number} (${payload.category}) overdue to ${String(payload.timer).replace('_', ' ')}: ${payload.title}`;
    case 'pump.status.v1': {
      const where = payload.pour ? ` at ${payload.pour.siteName}, ${payload.pour.structuralElement}` : '';
      const what = payload.status === 'breakdown' ? 'broke down' : 'is blocked';
      return `Pump ${what}${where}${payload.note ? `: ${payload.note}` : ''} (${payload.byName})`;
    }
    case 'dispatch.alert.v1':
      return dispatchAlertSummary(payload);
  }
}

const DISPATCH_ALERT_WORDS: Record<string, (payload: Payload, facts: Record<string, number>) => string> = {
  cold_joint_risk: (p, f) =>
    `${p.pourLabel}: pump gap of ${f.gapMinutes} min ahead, over the ${f.limitMinutes} min cold-joint limit`,
  load_age: (p, f) =>
    `${p.ticketNumber} (${p.truckFleetNumber ?? 'no truck'}) has used ${f.agePercent} % of its time to the deadline`,
  pump_starvation: (p, f) => `${p.pourLabel}: no truck due at the pump within ${f.intervalMinutes} min`,
  bunching: (p, f) =>
    `${p.pourLabel}: ${f.waiting} trucks waiting on site${f.limit === undefined ? '' : ` (more than ${f.limit})`}`,
  off_route: (p, f) => `${p.truckFleetNumber} is ${f.distanceM} m off its route`,
  stopped_on_road: (p, f) => `${p.truckFleetNumber} has stood on the road for ${f.minutes} min`,
  long_on_site: (p, f) => `${p.truckFleetNumber} has been on site for ${f.minutes} min`,
  late_start: (p, f) => `${p.pourLabel}: not started ${f.minutes} min after its planned start`,
};

function dispatchAlertSummary(payload: Payload): string {
  const words = DISPATCH_ALERT_WORDS[payload.kind as string];
  return words ? words(payload, payload.facts ?? {}) : String(payload.kind);
}
