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
    case 'pump.status.v1':
      return `Pump ${payload.status === 'breakdown' ? 'broke down' : 'is blocked'}${payload.note ? `: ${payload.note}` : ''} (${payload.byName})`;
  }
}
