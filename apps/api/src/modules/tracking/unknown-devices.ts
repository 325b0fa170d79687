import type { UnknownDeviceDto } from '@pourline/contracts';
import { Clock } from '../../platform/clock/clock';

/** Enough for a fleet's worth of misconfigured trackers; a flood of made-up ids pushes out the oldest. */
export const MAX_UNKNOWN_DEVICES = 1_000;

interface Sighting {
  firstSeenAt: Date;
  lastSeenAt: Date;
  attempts: number;
}

/**
 * Trackers that report but are registered on no truck or pump, counted in
 * memory in a bounded table so an unknown id costs no database write. Each
 * API instance counts what reached it; the list is for an operator to spot a
 * tracker set up with the wrong id, not a record.
 */
export class UnknownDevices {
  private readonly sightings = new Map<string, Sighting>();

  constructor(private readonly clock: Clock) {}

  count(deviceId: string): void {
    const now = this.clock.now();
    const seen = this.sightings.get(deviceId);
    // Re-inserted last, so the map's order is the order of last sighting.
    this.sightings.delete(deviceId);
    this.sightings.set(deviceId, {
      firstSeenAt: seen?.firstSeenAt ?? now,
      lastSeenAt: now,
      attempts: (seen?.attempts ?? 0) + 1,
    });
    if (this.sightings.size > MAX_UNKNOWN_DEVICES) {
      const oldest = this.sightings.keys().next().value;
      if (oldest !== undefined) this.sightings.delete(oldest);
    }
  }

  /** Most recently seen first, leaving out ids registered since. */
  list(isRegistered: (deviceId: string) => boolean): UnknownDeviceDto[] {
    return [...this.sightings]
      .filter(([deviceId]) => !isRegistered(deviceId))
      .reverse()
      .map(([deviceId, seen]) => ({
        deviceId,
        firstSeenAt: seen.firstSeenAt.toISOString(),
        lastSeenAt: seen.lastSeenAt.toISOString(),
        attempts: seen.attempts,
      }));
  }
}
